package io.gardefou.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the operator must do because of a decision: report it, retain evidence, take content down
 * within a clock, or label an output. Obligations of every applicable pack accumulate on the verdict.
 *
 * @param name the obligation's stable name within its pack, e.g. {@code report-ncmec}
 * @param to to whom: the body reported to, or the audience of a label; empty for retention
 * @param deadline the time allowed to report or take down; empty when the law gives no hours (see
 *     {@code detail})
 * @param retainFor how long to keep the evidence, for {@link Kind#RETAIN}
 * @param detail the rest in words: a qualitative deadline ("as soon as reasonably possible"), what to keep
 * @param pack the pack that imposes it, as {@code id@version}
 */
public record Obligation(
    Kind kind,
    String name,
    String to,
    Optional<Duration> deadline,
    Optional<Duration> retainFor,
    String detail,
    List<String> legalBasis,
    String pack) {

  /** What kind of duty it is. */
  public enum Kind {
    REPORT, RETAIN, TAKEDOWN, LABEL;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Obligation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(retainFor, "retainFor");
    Objects.requireNonNull(detail, "detail");
    legalBasis = List.copyOf(legalBasis);
    Objects.requireNonNull(pack, "pack");
  }
}
