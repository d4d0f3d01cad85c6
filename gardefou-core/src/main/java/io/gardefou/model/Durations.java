package io.gardefou.model;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Durations as policy packs and settings write them: ISO-8601 {@code PT4H}, or a period in days, months, years. */
public final class Durations {
  private Durations() {}

  /**
   * Parses {@code PT4H}, {@code P30D}, {@code P6M} or {@code P1Y}; a month counts as 30 days and a year as 365, as
   * retention rules are meant (a minimum kept, not a calendar date).
   *
   * @throws DateTimeParseException if the text is neither an ISO-8601 duration nor a period
   */
  public static Duration parse(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException notADuration) {
      Period period = Period.parse(text);
      return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
    }
  }
}
