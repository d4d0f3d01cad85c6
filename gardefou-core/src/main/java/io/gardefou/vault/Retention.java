package io.gardefou.vault;

import io.gardefou.model.Obligation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long one entry is kept and on what basis: the longest period any RETAIN obligation on the verdict gives, or
 * the operator's default when none gives a period.
 *
 * @param basis the obligations that gave the chosen period, as {@code name@pack}; empty for the default
 */
public record Retention(Duration period, List<String> basis) {
  public Retention {
    Objects.requireNonNull(period, "period");
    basis = List.copyOf(basis);
    if (period.isNegative()) {
      throw new IllegalArgumentException("a retention period cannot be negative, was " + period);
    }
  }

  /**
   * The retention a verdict's obligations require. A RETAIN obligation without a period (the law's duration is not
   * known, e.g. GB's regs 19-20) counts as the default, since the default is what the operator chose to keep.
   */
  public static Retention of(List<Obligation> obligations, Duration fallback) {
    List<Obligation> retain = obligations.stream().filter(o -> o.kind() == Obligation.Kind.RETAIN).toList();
    Duration longest = fallback;
    for (Obligation obligation : retain) {
      Duration period = obligation.retainFor().orElse(fallback);
      longest = period.compareTo(longest) > 0 ? period : longest;
    }
    List<String> basis = new ArrayList<>();
    for (Obligation obligation : retain) {
      if (obligation.retainFor().orElse(fallback).equals(longest)) {
        basis.add(obligation.name() + "@" + obligation.pack());
      }
    }
    return new Retention(longest, basis);
  }
}
