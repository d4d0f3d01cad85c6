package io.gardefou.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The appeal of a reported decision, as the appeal store holds it.
 *
 * @param state {@code open}, {@code upheld} or {@code overturned}
 * @param decidedAt when a moderator answered; empty while open
 */
public record ReportedAppeal(String state, Instant filedAt, Optional<Instant> decidedAt) {
  public ReportedAppeal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }
}
