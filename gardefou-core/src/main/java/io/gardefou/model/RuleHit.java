package io.gardefou.model;

import java.util.List;
import java.util.Objects;

/**
 * A policy rule that fired for a request.
 *
 * @param rule the rule's stable name, e.g. {@code refuse-sexual-minors} or {@code fail-closed}
 * @param action what the rule decides
 * @param categories the categories that made it fire
 * @param legalBasis the law or policy the rule applies, in words a reviewer can look up; empty if none
 */
public record RuleHit(String rule, Decision action, List<Category> categories, String legalBasis) {
  public RuleHit {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(action, "action");
    categories = List.copyOf(categories);
    Objects.requireNonNull(legalBasis, "legalBasis");
  }
}
