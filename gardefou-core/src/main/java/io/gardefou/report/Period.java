package io.gardefou.report;

import java.time.Instant;
import java.util.Objects;

/** A reporting period: from {@code from} inclusive to {@code to} exclusive, in UTC. */
public record Period(Instant from, Instant to) {
  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period must end after it starts, was " + from + " to " + to);
    }
  }

  public static Period of(Instant from, Instant to) {
    return new Period(from, to);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }
}
