package io.gardefou.bank;

import io.gardefou.model.Category;
import java.util.List;
import java.util.Objects;

/**
 * A named hash bank: what a match in it means, and the PDQ distance at or under which a hash matches (MD5 and
 * SHA-256 entries match exactly).
 */
public record Bank(BankName name, BankAction action, int pdqThreshold) {
  public Bank {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    if (pdqThreshold < 0 || pdqThreshold > PdqIndex.MAX_RADIUS) {
      throw new IllegalArgumentException("bank " + name + ": the PDQ threshold is 0.." + PdqIndex.MAX_RADIUS
          + " (the index's radius), got " + pdqThreshold);
    }
  }

  public static Bank of(BankName name, BankAction action) {
    return new Bank(name, action, io.gardefou.hash.PdqHash.MATCH_DISTANCE);
  }

  /**
   * The banks every deployment has: known CSAM refuses as {@code sexual/minors}, victims' and take-down hashes as
   * {@code sexual/non-consensual}, and Garde-fou's own outputs are a fact only.
   */
  public static List<Bank> defaults() {
    return List.of(
        of(BankName.KNOWN_CSAM, BankAction.score(Category.SEXUAL_MINORS)),
        of(BankName.NCII_VICTIMS, BankAction.score(Category.SEXUAL_NON_CONSENSUAL)),
        of(BankName.TAKEDOWNS, BankAction.score(Category.SEXUAL_NON_CONSENSUAL)),
        of(BankName.GENERATED_OUTPUTS, BankAction.factOnly()));
  }
}
