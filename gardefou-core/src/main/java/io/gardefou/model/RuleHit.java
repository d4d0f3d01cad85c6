package io.gardefou.model;

import java.util.List;
import java.util.Objects;

/**
 * A policy rule that fired for a request.
 *
 * @param rule the rule's stable name within its pack, e.g. {@code refuse-sexual-minors} or {@code fail-closed}
 * @param action what the rule decides
 * @param categories the categories that made it fire; empty for rules on facts, tiers or blocks
 * @param legalBasis the law or policy the rule applies, each citation in words a reviewer can look up
 * @param pack the pack that holds the rule, as {@code id@version}, e.g. {@code ID@2026.07.0}
 * @param reason one line a person can read: why the rule fired
 */
public record RuleHit(
    String rule, Decision action, List<Category> categories, List<String> legalBasis, String pack, String reason) {
  public RuleHit {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(action, "action");
    categories = List.copyOf(categories);
    legalBasis = List.copyOf(legalBasis);
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(reason, "reason");
  }

  /** The rule's name qualified by its pack, e.g. {@code ID@2026.07.0/refuse-sexual-content}. */
  public String qualifiedName() {
    return pack + "/" + rule;
  }
}
