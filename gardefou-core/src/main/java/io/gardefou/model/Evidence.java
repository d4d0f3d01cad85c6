package io.gardefou.model;

import java.util.Objects;

/**
 * Why a detector scored what it did: a concept it recognised and where, in the original text.
 *
 * @param concept the concept's name, e.g. {@code MINOR} or {@code UNDRESS}
 * @param text the original characters that carried it
 * @param start offset of the first char in the original text (inclusive), or -1 when not textual
 * @param end offset after the last char (exclusive), or -1 when not textual
 */
public record Evidence(String concept, String text, int start, int end) {
  public Evidence {
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(text, "text");
    if (start > end) {
      throw new IllegalArgumentException("start " + start + " > end " + end);
    }
  }
}
