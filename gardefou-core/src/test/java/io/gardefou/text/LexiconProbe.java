package io.gardefou.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Category;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.policy.PackPolicy;

/** The bundled text detector, created once for every lexicon test (it takes seconds), and their assertions. */
final class LexiconProbe {
  static final TextDetector DETECTOR = TextDetector.create();
  static final double PRESENT = PackPolicy.FLAG_THRESHOLD;

  private LexiconProbe() {}

  static Signals edit(String prompt) {
    return DETECTOR.detect(ScreeningRequest.ofText(Operation.EDIT, prompt));
  }

  static Signals generate(String prompt) {
    return DETECTOR.detect(ScreeningRequest.ofText(Operation.GENERATE, prompt));
  }

  static void assertFlags(Signals signals, Category category) {
    assertThat(signals.score(category)).as(category.wireName()).isGreaterThanOrEqualTo(PRESENT);
  }

  /** Nothing the detector covers is flagged. */
  static void assertPasses(Signals signals) {
    for (Category category : DETECTOR.covers()) {
      assertThat(signals.score(category)).as(category.wireName()).isLessThan(PRESENT);
    }
  }
}
