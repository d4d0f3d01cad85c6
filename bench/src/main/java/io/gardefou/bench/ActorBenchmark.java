package io.gardefou.bench;

import io.gardefou.actor.InMemoryActorStore;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standing;
import io.gardefou.actor.Standings;
import io.gardefou.actor.Status;
import io.gardefou.actor.StrikeRules;
import io.gardefou.model.Actor;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What actors add to every request outside the store: the pseudonym's HMAC at the edge, and the standing
 * check before detectors (here over the in-memory store, so the figure is the check's own cost; a JDBC store
 * adds one indexed primary-key read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ActorBenchmark {
  private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

  private Pseudonyms pseudonyms;
  private Standings standings;
  private ScreeningRequest active;
  private ScreeningRequest suspended;
  private DecisionId id;

  @Setup
  public void setUp() {
    pseudonyms = Pseudonyms.withKey(new byte[Pseudonyms.KEY_BYTES]);
    InMemoryActorStore store = new InMemoryActorStore();
    standings = new Standings(store, StrikeRules.defaults(), event -> 0, Clock.systemUTC());
    String alice = pseudonyms.of("default", "alice@example.org");
    String bob = pseudonyms.of("default", "bob@example.org");
    store.save(Standing.fresh(alice, "default", Tier.REGISTERED));
    store.save(Standing.fresh(bob, "default", Tier.REGISTERED)
        .with(Status.SUSPENDED, Optional.of(NOW.plusSeconds(3600)), Optional.of("threshold"), Optional.of("system")));
    active = request(alice);
    suspended = request(bob);
    id = DecisionId.generate(NOW);
  }

  @Benchmark
  public String pseudonym() {
    return pseudonyms.of("default", "alice@example.org");
  }

  @Benchmark
  public Optional<Verdict> checkActive() {
    return standings.check(active, id, NOW, "bench");
  }

  @Benchmark
  public Optional<Verdict> checkSuspended() {
    return standings.check(suspended, id, NOW, "bench");
  }

  private static ScreeningRequest request(String pseudonym) {
    return new ScreeningRequest(Operation.GENERATE, "a lighthouse at dusk", List.of(),
        Actor.of(pseudonym, Tier.REGISTERED), Jurisdiction.global(), "default");
  }
}
