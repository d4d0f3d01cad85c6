package io.gardefou.policy;

import io.gardefou.model.Category;
import io.gardefou.model.Durations;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Obligation;
import io.gardefou.model.Operation;
import io.gardefou.model.Tier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates one {@link PackFile} and compiles its CEL into a {@link Pack}. Every message names the pack, its
 * file, and the entry at fault; CEL messages add the line and column inside the expression.
 *
 * <p>It also refuses a pack that tries to loosen the global floor: only {@code refuse} may name a protected
 * category, and no pack may count a person as an adult before 18.
 */
final class PackCompiler {
  static final int ADULT_AGE = 18;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern ENTRY = Pattern.compile("(rule|feature gate|service block|obligation) '");
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private final String origin;
  private final String where;
  private final boolean packIsGlobal;

  private PackCompiler(String packId, String origin) {
    this.origin = origin;
    this.where = "policy pack '" + packId + "' (" + origin + ")";
    this.packIsGlobal = packId.equals(Pack.GLOBAL);
  }

  static Pack compile(PackFile file, String origin) {
    String packId = file.id() == null ? "?" : file.id();
    return new PackCompiler(packId, origin).compile(file);
  }

  private Pack compile(PackFile file) {
    String id = required(file.id(), "id");
    if (!id.equals(Pack.GLOBAL) && !JurisdictionGroups.isGroup(id)) {
      check(isJurisdiction(id), "id '" + id + "' is neither 'global', a group such as EU, nor an ISO 3166 code");
    }
    String version = required(file.version(), "version");
    LocalDate effectiveFrom = date(required(file.effectiveFrom(), "effective_from"), "effective_from");
    List<String> jurisdictions = list(file.jurisdictions());
    if (id.equals(Pack.GLOBAL)) {
      check(jurisdictions.isEmpty(), "the global pack applies everywhere and lists no jurisdictions");
      check(list(file.parents()).isEmpty(), "the global pack extends nothing: every other pack extends it");
    } else {
      check(!jurisdictions.isEmpty(), "'jurisdictions' must list where the pack applies");
    }
    for (String code : jurisdictions) {
      check(JurisdictionGroups.isGroup(code) || isJurisdiction(code),
          "jurisdiction '" + code + "' is not an ISO 3166-1/-2 code nor a group such as EU");
    }
    int minorAge = file.minorAge() == null ? ADULT_AGE : file.minorAge();
    check(minorAge >= ADULT_AGE && minorAge <= 21,
        "minor_age " + minorAge + " would loosen the global floor; it must be between 18 and 21");

    Set<String> names = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (PackFile.RuleSpec spec : list(file.rules())) {
      rules.add(rule(spec, names));
    }
    List<FeatureGate> gates = new ArrayList<>();
    for (PackFile.GateSpec spec : list(file.featureGates())) {
      gates.add(gate(spec, names));
    }
    List<ServiceBlock> blocks = new ArrayList<>();
    for (PackFile.BlockSpec spec : list(file.serviceBlocks())) {
      blocks.add(block(spec, names));
    }
    List<ObligationRule> obligations = new ArrayList<>();
    for (PackFile.ObligationSpec spec : list(file.obligations())) {
      obligations.add(obligation(spec, names));
    }
    return new Pack(id, version, effectiveFrom, list(file.parents()), file.name() == null ? id : file.name(),
        jurisdictions, minorAge, rules, gates, blocks, obligations, origin);
  }

  private Rule rule(PackFile.RuleSpec spec, Set<String> names) {
    String id = name(spec.id(), "rule", names);
    String at = "rule '" + id + "'";
    Action action = in(at, () -> Action.fromWireName(required(spec.action(), at + ": action")));
    boolean global = packIsGlobal;
    List<Category> categories = new ArrayList<>();
    for (String name : list(spec.categories())) {
      categories.add(in(at, () -> Category.fromWireName(name)));
    }
    String when = required(spec.when(), at + ": when");
    // Global itself is held to the floor by PolicyPacks' probes; its review rules may name protected ones.
    if (action != Action.REFUSE && !global) {
      for (Category category : Category.protectedCategories()) {
        boolean named = categories.contains(category) || when.contains("\"" + category.wireName() + "\"")
            || when.contains("'" + category.wireName() + "'");
        check(!named, at + ": action '" + action.wireName() + "' on protected category '" + category.wireName()
            + "' would loosen the global floor; protected categories can only be refused");
      }
    }
    Condition condition = cel(at, when, Condition::forRule);
    return new Rule(id, categories, condition, action, required(spec.reason(), at + ": reason"),
        basis(at, spec.legalBasis(), spec.sources(), spec.confidence()), optionalDate(spec.effectiveFrom(), at));
  }

  private FeatureGate gate(PackFile.GateSpec spec, Set<String> names) {
    String id = name(spec.id(), "feature gate", names);
    String at = "feature gate '" + id + "'";
    Operation operation = in(at, () -> Operation.fromWireName(required(spec.operation(), at + ": operation")));
    Tier tier = in(at, () -> Tier.fromWireName(required(spec.minTier(), at + ": min_tier")));
    return new FeatureGate(id, operation, tier, required(spec.reason(), at + ": reason"),
        basis(at, spec.legalBasis(), spec.sources(), spec.confidence()));
  }

  private ServiceBlock block(PackFile.BlockSpec spec, Set<String> names) {
    String id = name(spec.id(), "service block", names);
    String at = "service block '" + id + "'";
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    for (String op : list(spec.operations())) {
      operations.add(in(at, () -> Operation.fromWireName(op)));
    }
    check(!operations.isEmpty(), at + ": 'operations' must list what the order blocks");
    LocalDate from = date(required(spec.from(), at + ": from"), at + ": from");
    Optional<LocalDate> until = optionalDate(spec.until(), at);
    check(until.map(from::isBefore).orElse(true), at + ": 'until' must come after 'from'");
    return new ServiceBlock(id, operations, required(spec.authority(), at + ": authority"),
        required(spec.order(), at + ": order"), from, until, required(spec.reason(), at + ": reason"),
        basis(at, spec.legalBasis(), spec.sources(), spec.confidence()));
  }

  private ObligationRule obligation(PackFile.ObligationSpec spec, Set<String> names) {
    String id = name(spec.id(), "obligation", names);
    String at = "obligation '" + id + "'";
    Obligation.Kind kind = in(at, () -> Obligation.Kind.valueOf(
        required(spec.kind(), at + ": kind").toUpperCase(Locale.ROOT)));
    Optional<Duration> deadline = Optional.ofNullable(spec.deadline()).map(d -> duration(d, at + ": deadline"));
    Optional<Duration> retainFor = Optional.ofNullable(spec.retainFor()).map(d -> duration(d, at + ": retain_for"));
    check(kind != Obligation.Kind.RETAIN || retainFor.isPresent() || spec.detail() != null,
        at + ": a retain obligation needs 'retain_for', or a 'detail' saying why the period is unknown");
    Condition condition = cel(at, required(spec.when(), at + ": when"), Condition::forObligation);
    return new ObligationRule(id, kind, condition, spec.to() == null ? "" : spec.to(), deadline, retainFor,
        spec.detail() == null ? "" : spec.detail(), basis(at, spec.legalBasis(), spec.sources(), spec.confidence()),
        optionalDate(spec.effectiveFrom(), at));
  }

  private Basis basis(String at, List<String> legalBasis, List<String> sources, String confidence) {
    List<String> citations = list(legalBasis);
    check(!citations.isEmpty(), at + ": 'legal_basis' must cite at least one law or policy");
    for (String source : list(sources)) {
      check(URL.matcher(source).matches(), at + ": source '" + source + "' is not an http(s) URL");
    }
    Basis.Confidence level = in(at, () -> Basis.Confidence.fromWireName(required(confidence, at + ": confidence")));
    return new Basis(citations, list(sources), level);
  }

  private Condition cel(String at, String expression, Function<String, Condition> compiler) {
    try {
      return compiler.apply(expression);
    } catch (IllegalArgumentException e) {
      throw new InvalidPackException(where + " " + at + ": 'when' does not compile: " + e.getMessage(), e);
    }
  }

  private String name(String id, String what, Set<String> names) {
    String name = required(id, what + " id");
    check(ID.matcher(name).matches(), what + " id '" + name + "' must be lower-case words joined by '-'");
    check(names.add(name), "two entries are named '" + name + "'");
    return name;
  }

  private Duration duration(String text, String at) {
    try {
      return Durations.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidPackException(where + " " + at + ": '" + text + "' is not an ISO-8601 duration such as PT4H or P1Y");
    }
  }

  private LocalDate date(String text, String at) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidPackException(where + " " + at + ": '" + text + "' is not a date such as 2026-07-02");
    }
  }

  private Optional<LocalDate> optionalDate(String text, String at) {
    return Optional.ofNullable(text).map(t -> date(t, at));
  }

  private <T> T in(String at, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidPackException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidPackException(where + " " + at + ": " + e.getMessage(), e);
    }
  }

  private String required(String value, String what) {
    check(value != null && !value.isBlank(), "'" + what + "' is required");
    return value;
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new InvalidPackException(where + (ENTRY.matcher(message).lookingAt() ? " " : ": ") + message);
    }
  }

  private static <T> List<T> list(List<T> maybe) {
    return maybe == null ? List.of() : maybe;
  }

  private static boolean isJurisdiction(String code) {
    try {
      return Jurisdiction.of(code).code().equals(code) && !code.equals("global");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
