package io.gardefou.policy;

import io.gardefou.model.Category;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One compiled pack rule: when its condition holds for a request, it applies its action.
 *
 * @param categories the categories the rule is about; a hit names those the request flagged or left unknown
 * @param effectiveFrom the day the law starts to apply (UTC); the rule is skipped before it
 */
record Rule(
    String id,
    List<Category> categories,
    Condition when,
    Action action,
    String reason,
    Basis basis,
    Optional<LocalDate> effectiveFrom) {
  Rule {
    Objects.requireNonNull(id, "id");
    categories = List.copyOf(categories);
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
  }
}
