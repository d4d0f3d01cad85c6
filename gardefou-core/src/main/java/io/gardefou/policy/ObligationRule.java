package io.gardefou.policy;

import io.gardefou.model.Obligation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A duty a pack imposes when its condition holds: report, retain, take down or label. */
record ObligationRule(
    String id,
    Obligation.Kind kind,
    Condition when,
    String to,
    Optional<Duration> deadline,
    Optional<Duration> retainFor,
    String detail,
    Basis basis,
    Optional<LocalDate> effectiveFrom) {
  ObligationRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(retainFor, "retainFor");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
  }

  Obligation toObligation(String pack) {
    return new Obligation(kind, id, to, deadline, retainFor, detail, basis.legalBasis(), pack);
  }
}
