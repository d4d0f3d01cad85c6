package io.gardefou.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlobalPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final ScreeningRequest REQUEST = ScreeningRequest.ofText(Operation.EDIT, "…");
  private final GlobalPolicy policy = GlobalPolicy.create();

  @Test
  void refusesSexualMinorsWithItsLegalBasis() {
    Verdict verdict = decide(Signals.from("t").score(Category.SEXUAL_MINORS, 0.9, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.categories()).containsExactly(Category.SEXUAL_MINORS);
    assertThat(verdict.ruleNames()).containsExactly("refuse-sexual-minors");
    assertThat(verdict.legalBasis()).singleElement().asString().contains("18 U.S.C. 2256");
    assertThat(verdict.policyVersion()).isEqualTo(policy.version());
  }

  @Test
  void refusesNonConsensualSexualImageryOfARealPerson() {
    Verdict verdict = decide(Signals.from("t").score(Category.SEXUAL_NON_CONSENSUAL, 0.8, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactly("refuse-sexual-non-consensual");
  }

  @Test
  void scoresBelowTheThresholdAreNotFlagged() {
    Verdict verdict = decide(Signals.from("t").score(Category.SEXUAL_MINORS, 0.49, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
    assertThat(verdict.categories()).isEmpty();
  }

  @Test
  void sendsOtherFlaggedHarmsToReview() {
    Verdict verdict = decide(Signals.from("t").score(Category.VIOLENCE_GRAPHIC, 0.7, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
    assertThat(verdict.ruleNames()).containsExactly("review-violence-graphic");
    assertThat(verdict.legalBasis()).isEmpty();
  }

  @Test
  void theStrictestRuleDecides() {
    Verdict verdict = decide(Signals.from("t")
        .score(Category.VIOLENCE, 0.7, List.of())
        .score(Category.SEXUAL_NON_CONSENSUAL, 0.9, List.of())
        .build());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactlyInAnyOrder("review-violence", "refuse-sexual-non-consensual");
  }

  @Test
  void unknownProtectedCategoryFailsClosed() {
    Signals failed = Signals.failed(new DetectorFailure(
        "image", DetectorFailure.Kind.TIMEOUT, "late", Set.of(Category.SEXUAL_NON_CONSENSUAL)));

    Verdict verdict = decide(failed);

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactly("fail-closed");
    assertThat(verdict.categories()).containsExactly(Category.SEXUAL_NON_CONSENSUAL);
  }

  @Test
  void isPure() {
    Signals signals = Signals.from("t").score(Category.SEXUAL, 0.6, List.of()).build();
    DecisionId id = DecisionId.generate(NOW);

    assertThat(policy.decide(REQUEST, signals, id, NOW)).isEqualTo(policy.decide(REQUEST, signals, id, NOW));
  }

  private Verdict decide(Signals signals) {
    return policy.decide(REQUEST, signals, DecisionId.generate(NOW), NOW);
  }
}
