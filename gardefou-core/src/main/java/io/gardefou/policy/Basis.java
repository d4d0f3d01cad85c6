package io.gardefou.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a pack entry exists: the law it applies, where that was read, and how sure the research was.
 *
 * @param legalBasis citations a reviewer can look up, e.g. {@code UU 44/2008 art. 4(1)}
 * @param sources URLs the citations were checked against
 */
public record Basis(List<String> legalBasis, List<String> sources, Confidence confidence) {
  /** How well the research confirmed an entry (research/jurisdictions.md legend). */
  public enum Confidence {
    /** Confirmed in a primary or legislation text. */
    HIGH,
    /** Confirmed only in secondary sources. */
    MEDIUM,
    /** Uncertain or unverified: check against the official text before relying on it. */
    LOW;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Confidence fromWireName(String name) {
      for (Confidence confidence : values()) {
        if (confidence.wireName().equals(name)) {
          return confidence;
        }
      }
      throw new IllegalArgumentException("confidence must be high, medium or low, was '" + name + "'");
    }
  }

  public Basis {
    legalBasis = List.copyOf(legalBasis);
    sources = List.copyOf(sources);
    Objects.requireNonNull(confidence, "confidence");
  }
}
