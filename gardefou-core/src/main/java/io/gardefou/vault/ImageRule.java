package io.gardefou.vault;

import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.Score;
import io.gardefou.model.Verdict;
import java.util.Locale;

/**
 * The rule that keeps known child sexual abuse material out of the vault: possessing it is itself an offence in most
 * jurisdictions, so such images are never stored, only their digests. When it applies, no image of the request is
 * stored (the verdict does not say which image matched, so all are withheld); the prompt still is.
 *
 * <p>It applies when a {@code bank_match} fact names the {@code known-csam} bank, or when the verdict has
 * {@code sexual/minors} and any hash bank matched (a {@code bank_match} fact, or a {@code sexual/minors} score from a
 * detector whose name says it matches banks).
 */
public final class ImageRule {
  /** The fact a bank-matching detector states, its value naming the bank. */
  public static final String BANK_MATCH = "bank_match";
  /** The bank of hashes of known child sexual abuse material. */
  public static final String KNOWN_CSAM = "known-csam";

  private ImageRule() {}

  /** Whether the request's images must not be stored. */
  public static boolean withholdsImages(Verdict verdict) {
    boolean anyBankMatch = false;
    for (Fact fact : verdict.signals().facts()) {
      if (fact.name().equals(BANK_MATCH)) {
        anyBankMatch = true;
        if (namesKnownCsam(fact.value())) {
          return true;
        }
      }
    }
    boolean minors = verdict.categories().contains(Category.SEXUAL_MINORS);
    if (minors && anyBankMatch) {
      return true;
    }
    for (Score score : verdict.signals().scores()) {
      if (score.category() == Category.SEXUAL_MINORS && score.value() > 0
          && score.detector().toLowerCase(Locale.ROOT).contains("bank")) {
        return true;
      }
    }
    return false;
  }

  // Tolerant of how the bank matcher spells its value: "known-csam", "known-csam:pdq", "bank=known-csam".
  private static boolean namesKnownCsam(String value) {
    return value.toLowerCase(Locale.ROOT).matches("(.*[^a-z0-9-])?known-csam([^a-z0-9-].*)?");
  }
}
