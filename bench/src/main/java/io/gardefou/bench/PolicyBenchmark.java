package io.gardefou.bench;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.policy.TenantSettings;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PackPolicy#decide} for one request in France, where global, EU and FR apply: every rule and every
 * obligation of the three packs evaluated (CEL), over a rotation of clean, adult, minor, undressing-edit and
 * failed-detector signals. Sample mode, so that p50/p99 are reported; the target is p99 ≤ 100 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {
  private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

  private PackPolicy policy;
  private List<ScreeningRequest> requests;
  private List<Signals> signals;
  private DecisionId id;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    policy = PolicyPacks.bundled().withTenants(List.of(new TenantSettings("studio", true, Jurisdiction.global())));
    ScreeningRequest generate = new ScreeningRequest(Operation.GENERATE, "…", List.of(),
        Actor.of("u1", Tier.VERIFIED_ADULT), Jurisdiction.of("FR"), "studio");
    ScreeningRequest edit = new ScreeningRequest(Operation.EDIT, "…", List.of(),
        Actor.of("u1", Tier.VERIFIED_ADULT), Jurisdiction.of("FR"), "studio");
    requests = List.of(generate, generate, generate, edit, edit);
    signals = List.of(
        Signals.from("text").fact("language", "fr").build(),
        Signals.from("text").score(Category.SEXUAL, 0.9, List.of()).fact("language", "fr").build(),
        Signals.from("text").score(Category.SEXUAL_MINORS, 0.95, List.of()).score(Category.SEXUAL, 0.9, List.of()).build(),
        Signals.from("text").score(Category.SEXUAL_NON_CONSENSUAL, 0.9, List.of()).fact("real_person", "true").build(),
        Signals.failed(new DetectorFailure("image", DetectorFailure.Kind.TIMEOUT, "late",
            Set.of(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL, Category.VIOLENCE))));
    id = DecisionId.generate(NOW);
  }

  @Benchmark
  public Verdict decideAllRulesInFrance() {
    int i = next++ % requests.size();
    return policy.decide(requests.get(i), signals.get(i), id, NOW);
  }
}
