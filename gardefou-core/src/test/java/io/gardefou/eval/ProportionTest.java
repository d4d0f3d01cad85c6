package io.gardefou.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Wilson intervals checked against values worked by hand from (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
 * with z = 1.959964, and against R: {@code prop.test(x, n, correct = FALSE)$conf.int}.
 */
class ProportionTest {
  private static final double TOLERANCE = 5e-5;

  @Test
  void eightOfTenIsFrom49To94Percent() {
    Proportion p = Proportion.of(8, 10);

    assertThat(p.rate()).isEqualTo(0.8);
    assertThat(p.lower()).isCloseTo(0.49016, within(TOLERANCE));
    assertThat(p.upper()).isCloseTo(0.94332, within(TOLERANCE));
  }

  @Test
  void noneOfTenStillHasAnUpperBoundAndAllOfTenALowerOne() {
    assertThat(Proportion.of(0, 10).lower()).isZero();
    assertThat(Proportion.of(0, 10).upper()).isCloseTo(0.27753, within(TOLERANCE));
    assertThat(Proportion.of(10, 10).lower()).isCloseTo(0.72247, within(TOLERANCE));
    assertThat(Proportion.of(10, 10).upper()).isEqualTo(1.0);
  }

  @Test
  void oneFalsePositiveInAHundredIsFrom0Point2To5Point4Percent() {
    Proportion p = Proportion.of(1, 100);

    assertThat(p.lower()).isCloseTo(0.00177, within(TOLERANCE));
    assertThat(p.upper()).isCloseTo(0.05449, within(TOLERANCE));
  }

  @Test
  void anEmptyProportionHasNoRateAndAddsAsZero() {
    assertThat(Proportion.empty().rate()).isNaN();
    assertThat(Proportion.empty().lower()).isNaN();
    assertThat(Proportion.of(3, 4).plus(Proportion.empty()).plus(Proportion.of(1, 6))).isEqualTo(Proportion.of(4, 10));
  }
}
