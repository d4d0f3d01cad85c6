package io.gardefou.server.cli;

import io.gardefou.model.Actor;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.policy.PolicyTests;
import io.gardefou.policy.TenantSettings;
import io.gardefou.policy.Trace;
import io.gardefou.text.TextDetector;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gardefou policy test|explain}: runs the packs' shipped cases, or traces one request through them. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Policy packs: run their test cases, or explain one decision rule by rule.",
    subcommands = {PolicyCommand.Test.class, PolicyCommand.Explain.class})
final class PolicyCommand {
  private PolicyCommand() {}

  static PackPolicy packs(Path dir) {
    return dir == null ? PolicyPacks.bundled() : PolicyPacks.load(dir);
  }

  /** {@code gardefou policy test}: exit 0 when every case passes, 1 otherwise. */
  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Runs policy/tests/<pack>.yaml (and DIR/tests/*.yaml with --policy) against the packs.")
  static final class Test implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", paramLabel = "DIR", description = "Packs over the bundled ones; cases in DIR/tests.")
    Path policy;

    @Override
    public Integer call() {
      PackPolicy packs = packs(policy);
      List<PolicyTests.Case> cases = new ArrayList<>(PolicyTests.bundled());
      if (policy != null && Files.isDirectory(policy.resolve("tests"))) {
        cases.addAll(PolicyTests.load(policy.resolve("tests")));
      }
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      for (PolicyTests.Result result : PolicyTests.run(packs, cases)) {
        out.printf("%s %s: %s%n", result.passed() ? "PASS" : "FAIL", result.testCase().file(), result.testCase().name());
        for (String failure : result.failures()) {
          out.printf("     %s%n", failure);
        }
        failed += result.passed() ? 0 : 1;
      }
      out.printf("%d cases, %d failed (packs %s)%n", cases.size(), failed, packs.version());
      return failed == 0 ? 0 : 1;
    }
  }

  /** {@code gardefou policy explain}: the text detector's signals, then every gate, rule and obligation. */
  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "Prints the full evaluation trace of one text request in a jurisdiction.")
  static final class Explain implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--jurisdiction", paramLabel = "CODE", description = "ISO 3166 code, e.g. ID, FR, US-CA (default global).")
    String jurisdiction = "global";

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The prompt to screen.")
    String text;

    @Option(names = "--op", paramLabel = "OP", description = "generate (default), edit, output or moderate.")
    String operation = "generate";

    @Option(names = "--tier", paramLabel = "TIER", description = "anonymous (default), registered, verified_adult, paid, enterprise.")
    String tier = "anonymous";

    @Option(names = "--adult-content", description = "As a tenant that has enabled adult content.")
    boolean adultContent;

    @Option(names = "--policy", paramLabel = "DIR", description = "Packs over the bundled ones.")
    Path policy;

    @Override
    public Integer call() {
      Jurisdiction where = Jurisdiction.of(jurisdiction);
      Tier level = Tier.fromWireName(tier);
      ScreeningRequest request = new ScreeningRequest(Operation.fromWireName(operation), text, List.of(),
          level == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of("cli", level), where, "cli",
          where.isGlobal() ? JurisdictionSource.GLOBAL : JurisdictionSource.REQUEST);
      PackPolicy packs = packs(policy).withTenants(List.of(new TenantSettings("cli", adultContent, Jurisdiction.global())));
      TextDetector detector = TextDetector.create();
      Signals signals = detector.appliesTo(request) ? detector.detect(request) : Signals.empty();
      Trace trace = packs.explain(request, signals, Instant.now());
      print(spec.commandLine().getOut(), trace);
      return 0;
    }

    private static void print(PrintWriter out, Trace trace) {
      out.printf("jurisdiction %s (%s), tenant adult content %s%n", trace.jurisdiction().code(),
          trace.jurisdictionSource().wireName(), trace.tenant().adultContent() ? "on" : "off");
      out.printf("packs: %s%n", String.join(", ", trace.packs()));
      trace.verdict().signals().maxScores().forEach((category, score) -> {
        if (score > 0) {
          out.printf("signal %s = %.2f%n", category.wireName(), score);
        }
      });
      trace.verdict().signals().facts().forEach(f -> out.printf("fact %s = %s (%s)%n", f.name(), f.value(), f.detector()));
      for (Trace.Step step : trace.steps()) {
        out.printf("%-10s %-22s %-10s %-38s %-7s %s%n", step.outcome(), step.pack(), step.kind(), step.id(), step.action(),
            step.condition());
        if (step.outcome() == Trace.Outcome.ERROR) {
          out.printf("           error: %s%n", step.detail());
        }
      }
      out.printf("decision: %s (%s)%n", trace.verdict().decision(), trace.verdict().policyVersion());
      for (RuleHit hit : trace.verdict().ruleHits()) {
        out.printf("  %s %s: %s%n    legal basis: %s%n", hit.action(), hit.qualifiedName(), hit.reason(),
            String.join("; ", hit.legalBasis()));
      }
      trace.verdict().obligations().forEach(o -> out.printf("  obligation %s %s/%s to %s%s: %s%n", o.kind().wireName(),
          o.pack(), o.name(), o.to().isEmpty() ? "-" : o.to(), o.deadline().map(d -> " within " + d).orElse(""), o.detail()));
    }
  }
}
