package io.gardefou.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
  @Test
  void jurisdictionAcceptsIsoCodesInAnyCaseAndGlobal() {
    assertThat(Jurisdiction.of("id").code()).isEqualTo("ID");
    assertThat(Jurisdiction.of(" GB ").code()).isEqualTo("GB");
    assertThat(Jurisdiction.of("Global").isGlobal()).isTrue();
  }

  @Test
  void jurisdictionRejectsUnknownCodes() {
    assertThatThrownBy(() -> Jurisdiction.of("XX")).hasMessageContaining("unknown jurisdiction 'XX'");
    assertThatThrownBy(() -> Jurisdiction.of("Indonesia")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoreRejectsValuesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new Score(Category.SEXUAL, 1.5, "t", List.of())).hasMessageContaining("outside [0, 1]");
    assertThatThrownBy(() -> new Score(Category.SEXUAL, Double.NaN, "t", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void categoriesRoundTripTheirWireNames() {
    for (Category category : Category.values()) {
      assertThat(Category.fromWireName(category.wireName())).isSameAs(category);
    }
    assertThat(Category.protectedCategories())
        .containsExactly(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
  }

  @Test
  void decisionIdsAreVersion7AndSortByTime() {
    DecisionId earlier = DecisionId.generate(Instant.parse("2026-01-01T00:00:00Z"));
    DecisionId later = DecisionId.generate(Instant.parse("2026-01-01T00:00:01Z"));

    assertThat(earlier.uuid().version()).isEqualTo(7);
    assertThat(earlier.uuid().variant()).isEqualTo(2);
    assertThat(earlier.toString()).isLessThan(later.toString());
    assertThat(DecisionId.parse(later.toString())).isEqualTo(later);
  }

  @Test
  void signalsTakeTheHighestScorePerCategory() {
    Signals signals = Signals.from("a").score(Category.SEXUAL, 0.3, List.of()).build()
        .and(Signals.from("b").score(Category.SEXUAL, 0.8, List.of()).fact(Fact.LANGUAGE, "fr").build());

    assertThat(signals.score(Category.SEXUAL)).isEqualTo(0.8);
    assertThat(signals.score(Category.HATE)).isZero();
    assertThat(signals.maxScores()).hasSize(Category.values().length).containsEntry(Category.SEXUAL, 0.8);
    assertThat(signals.fact(Fact.LANGUAGE)).contains("fr");
  }

  @Test
  void inputImageIsImmutable() {
    byte[] bytes = {1, 2, 3};
    InputImage image = InputImage.of("photo.png", bytes);
    bytes[0] = 9;
    image.bytes()[1] = 9;

    assertThat(image.bytes()).containsExactly(1, 2, 3);
    assertThat(image.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
  }

  @Test
  void payingIsNoProofOfAge() {
    assertThat(Tier.PAID.atLeast(Tier.VERIFIED_ADULT)).isFalse();
    assertThat(Tier.VERIFIED_ADULT.atLeast(Tier.PAID)).isTrue();
    assertThat(Tier.ENTERPRISE.atLeast(Tier.VERIFIED_ADULT)).isTrue();
    assertThat(Tier.REGISTERED.atLeast(Tier.PAID)).isFalse();
  }
}
