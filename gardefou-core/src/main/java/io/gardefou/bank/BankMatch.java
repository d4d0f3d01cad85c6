package io.gardefou.bank;

import java.util.Objects;

/** A bank entry that an image matched, and how far its hash was (0 for an exact match). */
public record BankMatch(Bank bank, BankEntry entry, int distance) {
  public BankMatch {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(entry, "entry");
  }

  /** The {@code bank_match} fact's value: {@code <bank> <kind> <distance> <label>}. */
  public String fact() {
    return bank.name() + " " + entry.hash().kind().id() + " " + distance + " " + entry.label();
  }
}
