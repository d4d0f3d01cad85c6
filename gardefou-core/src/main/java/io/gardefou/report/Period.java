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

  /**
   * The period between two bounds, each an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or a date
   * ({@code 2026-11-01}, the start of that day in UTC); {@code to} is exclusive.
   */
  public static Period parse(String from, String to) {
    return new Period(bound(from, "from"), bound(to, "to"));
  }

  private static Instant bound(String text, String name) {
    Objects.requireNonNull(text, name);
    try {
      return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant or date, was " + text, e);
    }
  }
}
