package io.gardefou.policy;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The floor applied everywhere: refuse sexual content involving minors and non-consensual sexual imagery of
 * real people, fail closed on both, refuse other sexual content, and send other flagged harms to review.
 * Jurisdiction packs build on this floor and can never loosen it.
 */
public final class GlobalPolicy implements Policy {
  /** A category scored at or above this counts as present. */
  public static final double FLAG_THRESHOLD = 0.5;

  static final String MINORS_BASIS =
      "Sexual depictions of minors, including synthetic ones, are illegal in nearly every jurisdiction "
          + "(e.g. 18 U.S.C. 2256(8)(B), UK Protection of Children Act 1978 s.1, EU Directive 2011/93/EU art. 5)";
  static final String NON_CONSENSUAL_BASIS =
      "Creating or sharing sexual or undressed images of a real person without consent is an offence or "
          + "actionable wrong (e.g. UK Sexual Offences Act 2003 s.66E, US TAKE IT DOWN Act, FR Code pénal art. 226-8-1)";
  static final String OPERATOR_BASIS = "Operator policy: no sexual content by default";

  private final String version;

  private GlobalPolicy(String version) {
    this.version = version;
  }

  public static GlobalPolicy create() {
    return new GlobalPolicy("global/1");
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now) {
    Set<Category> unknown = signals.unknown();
    Set<Category> flagged = EnumSet.noneOf(Category.class);
    List<RuleHit> hits = new ArrayList<>();

    for (Category category : Category.values()) {
      boolean present = signals.score(category) >= FLAG_THRESHOLD;
      if (present) {
        flagged.add(category);
        hits.add(ruleFor(category));
      } else if (unknown.contains(category)) {
        // A protected category nobody could rule out is treated as present (fail closed).
        if (category.isProtected()) {
          flagged.add(category);
          hits.add(new RuleHit("fail-closed", Decision.REFUSE, List.of(category), basisOf(category)));
        } else {
          hits.add(new RuleHit("detector-unavailable", Decision.REVIEW, List.of(category), ""));
        }
      }
    }

    Decision decision = Decision.ALLOW;
    Set<String> legalBasis = new LinkedHashSet<>();
    for (RuleHit hit : hits) {
      decision = decision.strictest(hit.action());
      if (!hit.legalBasis().isEmpty()) {
        legalBasis.add(hit.legalBasis());
      }
    }
    return new Verdict(
        decision, flagged, hits, List.copyOf(legalBasis), List.of(), version, decisionId, now, signals);
  }

  private static RuleHit ruleFor(Category category) {
    return switch (category) {
      case SEXUAL_MINORS -> new RuleHit("refuse-sexual-minors", Decision.REFUSE, List.of(category), MINORS_BASIS);
      case SEXUAL_NON_CONSENSUAL ->
          new RuleHit("refuse-sexual-non-consensual", Decision.REFUSE, List.of(category), NON_CONSENSUAL_BASIS);
      case SEXUAL -> new RuleHit("refuse-sexual", Decision.REFUSE, List.of(category), OPERATOR_BASIS);
      default -> new RuleHit("review-" + category.wireName().replace('/', '-'), Decision.REVIEW, List.of(category), "");
    };
  }

  private static String basisOf(Category category) {
    return category == Category.SEXUAL_MINORS ? MINORS_BASIS : NON_CONSENSUAL_BASIS;
  }
}
