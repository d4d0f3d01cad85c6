package io.gardefou.text;

import io.gardefou.model.Evidence;
import java.util.Objects;

/**
 * A concept found in a prompt: which lexicon found it, at which tokens, and the original text that carried it.
 *
 * @param first index of the first token (inclusive)
 * @param last index of the last token (inclusive)
 * @param age the age an {@link Concept#AGE} hit expresses; -1 for other concepts
 */
public record ConceptHit(Concept concept, String language, int first, int last, int age, Evidence evidence) {
  public ConceptHit {
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(evidence, "evidence");
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad token range " + first + ".." + last);
    }
    if ((concept == Concept.AGE) != (age >= 0)) {
      throw new IllegalArgumentException("an age goes with the AGE concept, and only with it");
    }
  }

  /** Tokens strictly between this hit and the other; 0 when they touch or overlap. */
  int gap(ConceptHit other) {
    if (other.first > last) {
      return other.first - last - 1;
    }
    if (first > other.last) {
      return first - other.last - 1;
    }
    return 0;
  }

  boolean overlaps(ConceptHit other) {
    return first <= other.last && other.first <= last;
  }

  boolean within(ConceptHit other) {
    return first >= other.first && last <= other.last;
  }
}
