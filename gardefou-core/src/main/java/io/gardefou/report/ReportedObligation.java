package io.gardefou.report;

import java.util.Objects;
import java.util.Optional;

/**
 * An obligation a decision incurred, as its ledger entry records it.
 *
 * @param kind {@code report}, {@code retain}, {@code takedown} or {@code label}
 * @param to the body reported to, or the audience of a label; empty for retention
 * @param deadline ISO-8601 duration, when the law gives hours
 * @param pack the pack that imposes it, {@code id@version}
 */
public record ReportedObligation(String kind, String name, String to, Optional<String> deadline, String pack) {
  public ReportedObligation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(pack, "pack");
  }

  public boolean isReport() {
    return kind.equals("report");
  }
}
