package io.gardefou.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrikeRulesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private final StrikeRules rules = StrikeRules.defaults();

  @Test
  void aStrikeCountsHalfAfterOneHalfLifeAndAQuarterAfterTwo() {
    List<Strike> strikes = List.of(strike(Category.SEXUAL_NON_CONSENSUAL, T0));

    assertThat(rules.score(strikes, T0)).isEqualTo(5.0);
    assertThat(rules.score(strikes, T0.plus(Duration.ofDays(30)))).isCloseTo(2.5, within(1e-9));
    assertThat(rules.score(strikes, T0.plus(Duration.ofDays(60)))).isCloseTo(1.25, within(1e-9));
  }

  @Test
  void sexualContentWithMinorsWeighsMostAndReachesTheThresholdAlone() {
    assertThat(rules.weight(Category.SEXUAL_MINORS)).isGreaterThan(rules.weight(Category.SEXUAL_NON_CONSENSUAL));
    assertThat(rules.weight(Category.SEXUAL_NON_CONSENSUAL)).isGreaterThan(rules.weight(Category.VIOLENCE));
    assertThat(rules.suspends(rules.score(List.of(strike(Category.SEXUAL_MINORS, T0)), T0))).isTrue();
    assertThat(rules.suspends(rules.score(List.of(strike(Category.SEXUAL, T0)), T0))).isFalse();
  }

  @Test
  void theHeaviestCategoryOfARefusalGivesItsStrike() {
    assertThat(rules.heaviest(Set.of(Category.SEXUAL, Category.SEXUAL_MINORS))).contains(Category.SEXUAL_MINORS);
    assertThat(rules.heaviest(Set.of())).isEmpty();
  }

  @Test
  void rejectsRulesThatCouldNeverOrAlwaysSuspend() {
    assertThatThrownBy(() -> new StrikeRules(Map.of(Category.SEXUAL, 0.0), Duration.ofDays(1), 1, Duration.ofDays(1)))
        .hasMessageContaining("sexual");
    assertThatThrownBy(() -> new StrikeRules(Map.of(), Duration.ZERO, 1, Duration.ofDays(1)))
        .hasMessageContaining("half-life");
    assertThatThrownBy(() -> new StrikeRules(Map.of(), Duration.ofDays(1), 0, Duration.ofDays(1)))
        .hasMessageContaining("threshold");
  }

  private Strike strike(Category category, Instant at) {
    return new Strike(DecisionId.generate(at), category, rules.weight(category), at);
  }
}
