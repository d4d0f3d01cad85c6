package io.gardefou.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A take-down request as the reports see it: its legal clock and when it was done, without hashes or the
 * reporter's reference.
 *
 * @param dueAt the end of the jurisdiction's legal clock
 * @param doneAt when a moderator marked it done; empty while open
 * @param category {@code ncii} or {@code csam}
 * @param madeHere whether it matched one of this gateway's generated outputs
 */
public record ReportedTakedown(
    Instant filedAt, Instant dueAt, Optional<Instant> doneAt, String jurisdiction, String category, boolean madeHere) {
  public ReportedTakedown {
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(doneAt, "doneAt");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(category, "category");
  }
}
