package io.gardefou.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The moderator's action that took a held decision out of the review queue.
 *
 * @param action {@code upheld} or {@code overturned}
 */
public record ReportedReview(String action, Instant at) {
  public ReportedReview {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
  }
}
