package io.gardefou.text;

import java.util.List;
import java.util.Objects;

/**
 * One word of a normalised prompt and where it came from in the original text.
 *
 * @param start offset of the word's first char in the original text (inclusive)
 * @param end offset after its last char in the original text (exclusive)
 * @param literal the word folded, without diacritics, de-leeted except for numbers ("12", "12yo"), for ages
 * @param keys the forms matched against diacritic-stripping lexicons: de-leeted, repeats squeezed to two then to one
 * @param accentedKeys the same forms with diacritics kept, for lexicons that need them
 */
public record Token(int start, int end, String literal, List<String> keys, List<String> accentedKeys) {
  public Token {
    Objects.requireNonNull(literal, "literal");
    keys = List.copyOf(keys);
    accentedKeys = List.copyOf(accentedKeys);
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
    }
    if (keys.isEmpty() || accentedKeys.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one key");
    }
  }

  /** The forms to match against a lexicon with the given treatment of diacritics. */
  public List<String> keys(Diacritics diacritics) {
    return diacritics == Diacritics.STRIP ? keys : accentedKeys;
  }

  /** The primary matching form: de-leeted, diacritics stripped, repeats squeezed to two. */
  public String key() {
    return keys.getFirst();
  }
}
