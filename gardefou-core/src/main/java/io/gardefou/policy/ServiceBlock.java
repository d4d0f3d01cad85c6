package io.gardefou.policy;

import io.gardefou.model.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A regulator's order blocking operations of this service in a jurisdiction, between two days (UTC).
 *
 * @param order the order's reference, as the authority issued it
 * @param until the first day the block no longer applies; empty while it has no end
 */
record ServiceBlock(
    String id,
    Set<Operation> operations,
    String authority,
    String order,
    LocalDate from,
    Optional<LocalDate> until,
    String reason,
    Basis basis) {
  ServiceBlock {
    Objects.requireNonNull(id, "id");
    operations = Set.copyOf(operations);
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(basis, "basis");
  }

  boolean blocks(Operation requested, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return operations.contains(requested) && !today.isBefore(from) && until.map(today::isBefore).orElse(true);
  }
}
