package io.gardefou.eval;

import io.gardefou.model.Category;
import java.util.Set;

/** What screening one case gave, and how long the screen function took. */
record Outcome(EvalCase evalCase, Result result, Set<Category> flagged, long nanos) {
  /** A verdict of REFUSE or REVIEW blocks: neither reaches the image model unchecked. */
  enum Result { ALLOWED, BLOCKED, FAILED }

  Outcome {
    flagged = Set.copyOf(flagged);
  }

  boolean blocked() {
    return result == Result.BLOCKED;
  }

  boolean blockedForRightCategory() {
    return blocked() && evalCase.expected().isRightCategory(flagged);
  }

  /** A screen that threw counts against the screener both ways: a miss if harmful, a false positive if not. */
  boolean falsePositive() {
    return result != Result.ALLOWED;
  }
}
