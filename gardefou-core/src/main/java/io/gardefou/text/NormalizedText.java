package io.gardefou.text;

import io.gardefou.model.Evidence;
import java.util.List;
import java.util.Objects;

/** A prompt as the user wrote it and its normalised tokens, whose offsets point into it. */
public record NormalizedText(String original, List<Token> tokens) {
  public NormalizedText {
    Objects.requireNonNull(original, "original");
    tokens = List.copyOf(tokens);
  }

  /** The evidence for a concept carried by tokens {@code first..last} (inclusive), in original characters. */
  public Evidence evidence(String concept, int first, int last) {
    int start = tokens.get(first).start();
    int end = tokens.get(last).end();
    return new Evidence(concept, original.substring(start, end), start, end);
  }
}
