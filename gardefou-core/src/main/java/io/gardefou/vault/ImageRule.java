package io.gardefou.vault;

import io.gardefou.bank.BankDetector;
import io.gardefou.bank.BankName;
import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.Score;
import io.gardefou.model.Verdict;

/**
 * The rule that keeps known child sexual abuse material out of the vault: possessing it is itself an offence in most
 * jurisdictions, so such images are never stored, only their digests. When it applies, no image of the request is
 * stored (the verdict does not say which image matched, so all are withheld); the prompt still is.
 *
 * <p>It applies when a {@code bank_match} fact names the {@code known-csam} bank, or when the verdict has
 * {@code sexual/minors} and any hash bank matched (a {@code bank_match} fact, or a {@code sexual/minors} score from the
 * hash-bank detector).
 */
public final class ImageRule {
  private ImageRule() {}

  /** Whether the request's images must not be stored. */
  public static boolean withholdsImages(Verdict verdict) {
    boolean anyBankMatch = false;
    for (Fact fact : verdict.signals().facts()) {
      if (fact.name().equals(BankDetector.FACT_BANK_MATCH)) {
        anyBankMatch = true;
        // BankMatch.fact(): "<bank> <kind> <distance> <label>".
        if (fact.value().startsWith(BankName.KNOWN_CSAM.value() + " ")) {
          return true;
        }
      }
    }
    boolean minors = verdict.categories().contains(Category.SEXUAL_MINORS);
    if (minors && anyBankMatch) {
      return true;
    }
    for (Score score : verdict.signals().scores()) {
      if (score.category() == Category.SEXUAL_MINORS && score.value() > 0 && score.detector().equals(BankDetector.NAME)) {
        return true;
      }
    }
    return false;
  }
}
