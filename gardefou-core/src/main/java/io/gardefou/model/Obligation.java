package io.gardefou.model;

import java.util.Objects;

/**
 * Something the operator must do because of a decision: report it, retain evidence, label an output.
 *
 * @param kind a stable name such as {@code report}, {@code retain} or {@code label}
 * @param detail to whom, for how long or how, in words
 */
public record Obligation(String kind, String detail) {
  public Obligation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
