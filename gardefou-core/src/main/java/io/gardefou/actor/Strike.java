package io.gardefou.actor;

import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A mark against an actor for one refused decision, weighted by the heaviest category it was refused for.
 *
 * @param weight the category's weight when the strike was given; later changes of weights do not rewrite it
 */
public record Strike(DecisionId decisionId, Category category, double weight, Instant at) {
  public Strike {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(at, "at");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("a strike's weight must be positive and finite, was " + weight);
    }
  }
}
