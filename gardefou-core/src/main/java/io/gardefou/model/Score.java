package io.gardefou.model;

import java.util.List;
import java.util.Objects;

/** How strongly one detector finds one category in a request, in [0, 1], and why. */
public record Score(Category category, double value, String detector, List<Evidence> evidence) {
  public Score {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(detector, "detector");
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(category + " score " + value + " is outside [0, 1]");
    }
    evidence = List.copyOf(evidence);
  }
}
