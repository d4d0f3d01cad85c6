package io.gardefou.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Obligation;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Policy tests as data: each pack ships {@code policy/tests/<pack>.yaml}, cases of signals, actor and tenant
 * with the decision, rules, citations and obligations expected. {@code gardefou policy test} and the test
 * suite run them alike.
 */
public final class PolicyTests {
  static final String INDEX = "policy/tests/cases.txt";
  /** The day cases are decided on unless they say otherwise, so that dated laws give stable answers. */
  static final Instant DEFAULT_AT = Instant.parse("2026-07-15T12:00:00Z");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PolicyTests() {}

  /** One case, ready to decide. */
  public record Case(String file, String name, ScreeningRequest request, Signals signals, TenantSettings tenant,
      Instant at, Expectation expect) {}

  /**
   * What a case expects. Rules and obligations are named {@code pack/id} without the version; legal basis
   * entries are substrings that some citation of the verdict must contain.
   */
  public record Expectation(Decision decision, List<String> rules, List<String> notRules, List<String> legalBasis,
      List<String> obligations, Optional<Boolean> precheck) {}

  /** How a case went; {@code failures} says what differed, in words. */
  public record Result(Case testCase, Verdict verdict, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** The cases shipped with the bundled packs. */
  public static List<Case> bundled() {
    List<Case> cases = new ArrayList<>();
    for (String name : PolicyPacks.resource(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      cases.addAll(parse("policy/tests/" + name, PolicyPacks.resource("policy/tests/" + name)));
    }
    return cases;
  }

  /** The cases in {@code dir/*.yaml}. */
  public static List<Case> load(Path dir) {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        cases.addAll(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy tests in " + dir, e);
    }
    return cases;
  }

  /** Decides every case as the screener would (pre-check, then the rules) and compares. */
  public static List<Result> run(PackPolicy policy, List<Case> cases) {
    List<Result> results = new ArrayList<>(cases.size());
    for (Case c : cases) {
      PackPolicy forTenant = policy.withTenants(List.of(c.tenant()));
      DecisionId id = DecisionId.generate(c.at());
      Optional<Verdict> early = forTenant.precheck(c.request(), id, c.at());
      Verdict verdict = early.orElseGet(() -> forTenant.decide(c.request(), c.signals(), id, c.at()));
      results.add(new Result(c, verdict, compare(c.expect(), verdict, early.isPresent())));
    }
    return results;
  }

  private static List<String> compare(Expectation expect, Verdict verdict, boolean prechecked) {
    List<String> failures = new ArrayList<>();
    if (verdict.decision() != expect.decision()) {
      failures.add("decision " + verdict.decision() + ", expected " + expect.decision());
    }
    List<String> fired = verdict.ruleHits().stream().map(PolicyTests::name).toList();
    for (String rule : expect.rules()) {
      if (!fired.contains(rule)) {
        failures.add("rule " + rule + " did not fire; fired: " + fired);
      }
    }
    for (String rule : expect.notRules()) {
      if (fired.contains(rule)) {
        failures.add("rule " + rule + " fired, expected not to");
      }
    }
    for (String basis : expect.legalBasis()) {
      if (verdict.legalBasis().stream().noneMatch(b -> b.contains(basis))) {
        failures.add("no legal basis contains '" + basis + "'; got " + verdict.legalBasis());
      }
    }
    List<String> duties = verdict.obligations().stream().map(PolicyTests::name).toList();
    for (String duty : expect.obligations()) {
      if (!duties.contains(duty)) {
        failures.add("obligation " + duty + " missing; got " + duties);
      }
    }
    expect.precheck().filter(p -> p != prechecked)
        .ifPresent(p -> failures.add(p ? "expected the pre-check to decide" : "the pre-check decided, expected the rules to"));
    return failures;
  }

  private static String name(RuleHit hit) {
    return packId(hit.pack()) + "/" + hit.rule();
  }

  private static String name(Obligation obligation) {
    return packId(obligation.pack()) + "/" + obligation.name();
  }

  private static String packId(String ref) {
    int at = ref.indexOf('@');
    return at < 0 ? ref : ref.substring(0, at);
  }

  // The YAML shape of a case file.
  private record CaseFile(String pack, List<CaseSpec> cases) {}

  private record CaseSpec(
      String name,
      String jurisdiction,
      @JsonProperty("jurisdiction_source") String jurisdictionSource,
      String operation,
      String tier,
      @JsonProperty("tenant_adult_content") Boolean tenantAdultContent,
      Map<String, Double> scores,
      List<String> unknown,
      Map<String, String> facts,
      Integer images,
      String at,
      ExpectSpec expect) {}

  private record ExpectSpec(
      String decision,
      List<String> rules,
      @JsonProperty("not_rules") List<String> notRules,
      @JsonProperty("legal_basis") List<String> legalBasis,
      List<String> obligations,
      Boolean precheck) {}

  static List<Case> parse(String origin, String text) {
    CaseFile file;
    try {
      file = YAML.readValue(text, CaseFile.class);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new IllegalArgumentException(origin + ": " + e.getOriginalMessage() + at, e);
    }
    List<Case> cases = new ArrayList<>();
    for (CaseSpec spec : list(file.cases())) {
      String where = origin + " case '" + spec.name() + "'";
      try {
        cases.add(toCase(origin, spec));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return cases;
  }

  private static Case toCase(String origin, CaseSpec spec) {
    Objects.requireNonNull(spec.name(), "name");
    Objects.requireNonNull(spec.expect(), "expect");
    Jurisdiction jurisdiction = Jurisdiction.of(spec.jurisdiction() == null ? "global" : spec.jurisdiction());
    JurisdictionSource source = spec.jurisdictionSource() != null
        ? JurisdictionSource.valueOf(spec.jurisdictionSource().toUpperCase(Locale.ROOT))
        : jurisdiction.isGlobal() ? JurisdictionSource.GLOBAL : JurisdictionSource.HEADER;
    Tier tier = Tier.fromWireName(spec.tier() == null ? "anonymous" : spec.tier());
    Actor actor = tier == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of("case-actor", tier);
    Operation operation = Operation.fromWireName(spec.operation() == null ? "generate" : spec.operation());
    int images = spec.images() == null ? (operation == Operation.EDIT ? 1 : 0) : spec.images();
    List<io.gardefou.model.InputImage> inputs = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      inputs.add(io.gardefou.model.InputImage.of("case-image-" + i, new byte[] {(byte) i}));
    }
    ScreeningRequest request = new ScreeningRequest(operation, "", inputs, actor, jurisdiction, "case-tenant", source);
    Signals.Builder found = Signals.from("case");
    new TreeMap<>(map(spec.scores())).forEach((category, score) -> found.score(Category.fromWireName(category), score, List.of()));
    new TreeMap<>(map(spec.facts())).forEach(found::fact);
    Signals signals = found.build();
    if (spec.unknown() != null && !spec.unknown().isEmpty()) {
      Set<Category> unknown = EnumSet.noneOf(Category.class);
      spec.unknown().forEach(name -> unknown.add(Category.fromWireName(name)));
      signals = signals.and(Signals.failed(new DetectorFailure("case-failed", DetectorFailure.Kind.TIMEOUT, "case", unknown)));
    }
    TenantSettings tenant = new TenantSettings("case-tenant", Boolean.TRUE.equals(spec.tenantAdultContent()), Jurisdiction.global());
    ExpectSpec e = spec.expect();
    Expectation expect = new Expectation(
        Decision.valueOf(Objects.requireNonNull(e.decision(), "expect.decision").toUpperCase(Locale.ROOT)),
        list(e.rules()), list(e.notRules()), list(e.legalBasis()), list(e.obligations()), Optional.ofNullable(e.precheck()));
    Instant at = spec.at() == null ? DEFAULT_AT : Instant.parse(spec.at());
    return new Case(origin, spec.name(), request, signals, tenant, at, expect);
  }

  private static <T> List<T> list(List<T> maybe) {
    return maybe == null ? List.of() : maybe;
  }

  private static <K, V> Map<K, V> map(Map<K, V> maybe) {
    return maybe == null ? Map.of() : maybe;
  }
}
