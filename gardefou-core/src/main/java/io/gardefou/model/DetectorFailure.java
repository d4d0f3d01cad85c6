package io.gardefou.model;

import java.util.Objects;
import java.util.Set;

/**
 * A detector that could not answer; the categories it speaks for are unknown for this request.
 *
 * @param unknown the categories the detector covers, whose presence is therefore unknown
 */
public record DetectorFailure(String detector, Kind kind, String message, Set<Category> unknown) {
  /** Why the detector has no answer. */
  public enum Kind {
    ERROR,
    TIMEOUT
  }

  public DetectorFailure {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    unknown = Set.copyOf(unknown);
  }
}
