package io.gardefou.report;

import io.gardefou.model.Jurisdiction;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to report: the kind, and the period and jurisdiction (transparency, statements, regulator) or the
 * decision (authority). Invalid combinations fail here, with a message naming the missing part.
 */
public record ReportRequest(Kind kind, Optional<Period> period, Optional<String> jurisdiction, Optional<String> decisionId) {
  /** The four reports. */
  public enum Kind {
    TRANSPARENCY, STATEMENTS, AUTHORITY, REGULATOR;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name, e.g. {@code transparency}. */
    public static Kind fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName().equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown report " + name + "; one of transparency, statements, authority, regulator");
    }
  }

  public ReportRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(period, "period");
    // Checked and normalised here (fr -> FR), so that a bad code is bad input, not a fault in the store's query.
    jurisdiction = jurisdiction.map(code -> Jurisdiction.of(code).code());
    Objects.requireNonNull(decisionId, "decisionId");
    if (kind == Kind.AUTHORITY && decisionId.isEmpty()) {
      throw new IllegalArgumentException("the authority report is per incident: give the decision id");
    }
    if (kind != Kind.AUTHORITY && period.isEmpty()) {
      throw new IllegalArgumentException("the " + kind.wireName() + " report needs a period: from and to");
    }
  }
}
