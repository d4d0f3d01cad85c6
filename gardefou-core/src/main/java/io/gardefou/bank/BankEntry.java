package io.gardefou.bank;

import java.time.Instant;
import java.util.Objects;

/** One hash in one bank, with a label saying what it is (a case number, a take-down reference) and when it came. */
public record BankEntry(BankName bank, BankHash hash, String label, Instant addedAt) {
  public BankEntry {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(addedAt, "addedAt");
    if (label.length() > 500 || label.chars().anyMatch(c -> c == '\n' || c == '\r')) {
      throw new IllegalArgumentException("a bank entry's label is one line of at most 500 characters");
    }
  }
}
