package io.gardefou.bank;

/** A bank was named that is not defined: bad input, never a fault. */
public final class UnknownBankException extends IllegalArgumentException {
  private final BankName bank;

  public UnknownBankException(BankName bank) {
    super("no hash bank named '" + bank + "'");
    this.bank = bank;
  }

  public BankName bank() {
    return bank;
  }
}
