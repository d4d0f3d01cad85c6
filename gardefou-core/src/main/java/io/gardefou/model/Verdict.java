package io.gardefou.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Garde-fou decided about one request, and everything needed to explain and replay it.
 *
 * @param categories the categories the verdict treats as present: scored at or over the flag threshold,
 *     or unknown where that fails closed
 * @param ruleHits the rules that fired, in the order the policy evaluated them
 * @param policyVersion the version of the policy that decided, so the decision can be replayed
 * @param signals what the detectors found, which the policy read
 */
public record Verdict(
    Decision decision,
    Set<Category> categories,
    List<RuleHit> ruleHits,
    List<String> legalBasis,
    List<Obligation> obligations,
    String policyVersion,
    DecisionId decisionId,
    Instant decidedAt,
    Signals signals) {

  public Verdict {
    Objects.requireNonNull(decision, "decision");
    categories = Set.copyOf(categories);
    ruleHits = List.copyOf(ruleHits);
    legalBasis = List.copyOf(legalBasis);
    obligations = List.copyOf(obligations);
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(signals, "signals");
  }

  public boolean flagged() {
    return !categories.isEmpty() || decision != Decision.ALLOW;
  }

  public List<String> ruleNames() {
    return ruleHits.stream().map(RuleHit::rule).toList();
  }
}
