package io.gardefou.policy;

import dev.cel.runtime.CelEvaluationException;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Obligation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy of a set of loaded packs. For each request it applies {@code global}, every pack whose
 * jurisdictions cover the request's, and their parents; the strictest decision wins and obligations
 * accumulate. Built only by {@link PolicyPacks}, which validates everything first.
 *
 * <p>Fail closed is split on purpose: the engine counts a protected category that a failed detector covered
 * as present in the verdict (the model's definition of {@link Verdict#categories()}), and the global pack's
 * {@code fail-closed} rule refuses it, with its reason and basis, like any other rule. {@link PolicyPacks}
 * rejects a global pack that does not refuse in that case.
 */
public final class PackPolicy implements Policy {
  /** A category scored at or above this counts as present. */
  public static final double FLAG_THRESHOLD = 0.5;

  private final Map<String, Pack> packs;
  private final String digest;
  private final Map<String, TenantSettings> tenants;
  private final Map<String, Applicable> applicable = new ConcurrentHashMap<>();

  /** The packs that apply in one jurisdiction, in evaluation order, and what they make of it. */
  private record Applicable(List<Pack> packs, int minorAge, String version) {}

  PackPolicy(Map<String, Pack> packs, String digest, Map<String, TenantSettings> tenants) {
    this.packs = Map.copyOf(packs);
    this.digest = digest;
    this.tenants = Map.copyOf(tenants);
  }

  /** The same packs, deciding for these tenants' settings; unknown tenants get {@link TenantSettings#defaults}. */
  public PackPolicy withTenants(Collection<TenantSettings> settings) {
    Map<String, TenantSettings> byId = new LinkedHashMap<>();
    for (TenantSettings tenant : settings) {
      if (byId.put(tenant.id(), tenant) != null) {
        throw new IllegalArgumentException("two tenant settings for '" + tenant.id() + "'");
      }
    }
    return new PackPolicy(packs, digest, byId);
  }

  /** {@code packs#<digest>}: the digest covers every loaded pack file, so two equal versions decide alike. */
  @Override
  public String version() {
    return "packs#" + digest;
  }

  /** Every loaded pack, by id. */
  public Map<String, Pack> packs() {
    return packs;
  }

  public TenantSettings tenant(String id) {
    TenantSettings settings = tenants.get(id);
    return settings != null ? settings : TenantSettings.defaults(id);
  }

  /** The packs that apply where the user is, global first and each parent before its children. */
  public List<Pack> applicable(Jurisdiction jurisdiction) {
    return applicableTo(jurisdiction).packs();
  }

  @Override
  public Optional<Verdict> precheck(ScreeningRequest request, DecisionId decisionId, Instant now) {
    return precheck(request, decisionId, now, null);
  }

  @Override
  public Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now) {
    return evaluate(request, signals, decisionId, now, null);
  }

  /** Evaluates as {@link #precheck} then {@link #decide} would, recording every step. */
  public Trace explain(ScreeningRequest request, Signals signals, Instant now) {
    List<Trace.Step> steps = new ArrayList<>();
    DecisionId id = DecisionId.generate(now);
    Verdict verdict = precheck(request, id, now, steps).orElseGet(() -> evaluate(request, signals, id, now, steps));
    List<String> refs = applicable(request.jurisdiction()).stream().map(Pack::ref).toList();
    return new Trace(request.jurisdiction(), request.jurisdictionSource(), tenant(request.tenant()), refs, steps, verdict);
  }

  private Optional<Verdict> precheck(ScreeningRequest request, DecisionId decisionId, Instant now, List<Trace.Step> trace) {
    Applicable app = applicableTo(request.jurisdiction());
    List<RuleHit> hits = new ArrayList<>();
    for (Pack pack : app.packs()) {
      for (ServiceBlock block : pack.serviceBlocks()) {
        boolean fired = block.blocks(request.operation(), now);
        if (fired) {
          hits.add(new RuleHit(block.id(), Decision.REFUSE, List.of(), block.basis().legalBasis(), pack.ref(),
              block.reason() + " (" + block.authority() + ", " + block.order() + ")"));
        }
        step(trace, pack, Trace.Kind.BLOCK, block.id(),
            "operation in " + block.operations() + " from " + block.from() + block.until().map(u -> " until " + u).orElse(""),
            fired ? Trace.Outcome.FIRED : Trace.Outcome.NOT_FIRED, "refuse", block.reason());
      }
      for (FeatureGate gate : pack.featureGates()) {
        boolean fired = gate.blocks(request.operation(), request.actor().tier());
        if (fired) {
          hits.add(new RuleHit(gate.id(), Decision.REFUSE, List.of(), gate.basis().legalBasis(), pack.ref(), gate.reason()));
        }
        step(trace, pack, Trace.Kind.GATE, gate.id(),
            "operation == " + gate.operation().wireName() + " && tier below " + gate.minTier().wireName(),
            fired ? Trace.Outcome.FIRED : Trace.Outcome.NOT_FIRED, "refuse", gate.reason());
      }
    }
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Verdict(Decision.REFUSE, Set.of(), hits, legalBasisOf(hits), List.of(), app.version(),
        decisionId, now, Signals.empty()));
  }

  private Verdict evaluate(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now, List<Trace.Step> trace) {
    Applicable app = applicableTo(request.jurisdiction());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    EnumSet<Category> flagged = EnumSet.noneOf(Category.class);
    for (Map.Entry<Category, Double> score : signals.maxScores().entrySet()) {
      if (score.getValue() >= FLAG_THRESHOLD) {
        flagged.add(score.getKey());
      }
    }
    Set<Category> unknown = signals.unknown();
    Set<Category> present = EnumSet.copyOf(flagged);
    for (Category category : unknown) {
      if (category.isProtected()) {
        present.add(category);
      }
    }
    Map<String, Object> vars =
        Bindings.of(request, signals, flagged, unknown, tenant(request.tenant()), app.minorAge());

    Decision decision = Decision.ALLOW;
    List<RuleHit> hits = new ArrayList<>();
    List<Obligation> obligations = new ArrayList<>();
    for (Pack pack : app.packs()) {
      for (Rule rule : pack.rules()) {
        if (rule.effectiveFrom().map(today::isBefore).orElse(false)) {
          step(trace, pack, Trace.Kind.RULE, rule.id(), rule.when().source(), Trace.Outcome.NOT_IN_FORCE,
              rule.action().wireName(), "in force from " + rule.effectiveFrom().get());
          continue;
        }
        Trace.Outcome outcome;
        String detail = rule.reason();
        try {
          outcome = rule.when().test(vars) ? Trace.Outcome.FIRED : Trace.Outcome.NOT_FIRED;
        } catch (CelEvaluationException | RuntimeException e) {
          outcome = Trace.Outcome.ERROR;
          detail = String.valueOf(e.getMessage());
        }
        // A rule that cannot be evaluated is treated as firing when it would restrict (fail closed).
        boolean fires = outcome == Trace.Outcome.FIRED
            || (outcome == Trace.Outcome.ERROR && rule.action().decision() != Decision.ALLOW);
        step(trace, pack, Trace.Kind.RULE, rule.id(), rule.when().source(), outcome, rule.action().wireName(), detail);
        if (!fires) {
          continue;
        }
        hits.add(hit(pack, rule, flagged, unknown, outcome));
        decision = decision.strictest(rule.action().decision());
        if (rule.action() == Action.LABEL) {
          obligations.add(new Obligation(Obligation.Kind.LABEL, rule.id(), "output", Optional.empty(), Optional.empty(),
              rule.reason(), rule.basis().legalBasis(), pack.ref()));
        }
      }
    }

    Map<String, Object> withDecision = Bindings.withDecision(vars, decision);
    for (Pack pack : app.packs()) {
      for (ObligationRule duty : pack.obligations()) {
        if (duty.effectiveFrom().map(today::isBefore).orElse(false)) {
          step(trace, pack, Trace.Kind.OBLIGATION, duty.id(), duty.when().source(), Trace.Outcome.NOT_IN_FORCE,
              duty.kind().wireName(), "in force from " + duty.effectiveFrom().get());
          continue;
        }
        Trace.Outcome outcome;
        String detail = duty.detail();
        try {
          outcome = duty.when().test(withDecision) ? Trace.Outcome.FIRED : Trace.Outcome.NOT_FIRED;
        } catch (CelEvaluationException | RuntimeException e) {
          // A duty that cannot be evaluated is imposed: reporting too often is safer than never.
          outcome = Trace.Outcome.ERROR;
          detail = String.valueOf(e.getMessage());
        }
        step(trace, pack, Trace.Kind.OBLIGATION, duty.id(), duty.when().source(), outcome, duty.kind().wireName(), detail);
        if (outcome != Trace.Outcome.NOT_FIRED) {
          obligations.add(duty.toObligation(pack.ref()));
        }
      }
    }
    return new Verdict(decision, present, hits, legalBasisOf(hits), obligations, app.version(), decisionId, now, signals);
  }

  private static RuleHit hit(Pack pack, Rule rule, Set<Category> flagged, Set<Category> unknown, Trace.Outcome outcome) {
    List<Category> categories = new ArrayList<>();
    for (Category category : rule.categories()) {
      if (flagged.contains(category) || unknown.contains(category)) {
        categories.add(category);
      }
    }
    String reason = outcome == Trace.Outcome.ERROR ? rule.reason() + " (condition could not be evaluated)" : rule.reason();
    return new RuleHit(rule.id(), rule.action().decision(), categories, rule.basis().legalBasis(), pack.ref(), reason);
  }

  private static List<String> legalBasisOf(List<RuleHit> hits) {
    Set<String> all = new LinkedHashSet<>();
    for (RuleHit hit : hits) {
      all.addAll(hit.legalBasis());
    }
    return List.copyOf(all);
  }

  private static void step(List<Trace.Step> trace, Pack pack, Trace.Kind kind, String id, String condition,
      Trace.Outcome outcome, String action, String detail) {
    if (trace != null) {
      trace.add(new Trace.Step(pack.ref(), kind, id, condition, outcome, action, detail));
    }
  }

  private Applicable applicableTo(Jurisdiction jurisdiction) {
    return applicable.computeIfAbsent(jurisdiction.code(), code -> resolve(jurisdiction));
  }

  private Applicable resolve(Jurisdiction jurisdiction) {
    Set<Pack> chosen = new LinkedHashSet<>();
    chosen.add(packs.get(Pack.GLOBAL));
    if (!jurisdiction.isGlobal()) {
      for (Pack pack : packs.values()) {
        if (covers(pack, jurisdiction)) {
          withParents(pack, chosen);
        }
      }
    }
    List<Pack> ordered = new ArrayList<>(chosen);
    ordered.sort(Comparator.comparingInt(this::depth).thenComparing(Pack::id));
    int minorAge = ordered.stream().mapToInt(Pack::minorAge).max().orElse(PackCompiler.ADULT_AGE);
    String version = String.join("+", ordered.stream().map(Pack::ref).toList()) + "#" + digest;
    return new Applicable(List.copyOf(ordered), minorAge, version);
  }

  private static boolean covers(Pack pack, Jurisdiction jurisdiction) {
    for (String code : pack.jurisdictions()) {
      if (code.equals(jurisdiction.code()) || code.equals(jurisdiction.country())
          || JurisdictionGroups.members(code).contains(jurisdiction.country())) {
        return true;
      }
    }
    return false;
  }

  private void withParents(Pack pack, Set<Pack> chosen) {
    if (chosen.add(pack)) {
      for (String parent : pack.parents()) {
        withParents(packs.get(parent), chosen);
      }
    }
  }

  /** Global is 0; any other pack is one more than its deepest parent, so parents are evaluated first. */
  private int depth(Pack pack) {
    int depth = pack.isGlobal() ? 0 : 1;
    for (String parent : pack.parents()) {
      depth = Math.max(depth, depth(packs.get(parent)) + 1);
    }
    return depth;
  }
}
