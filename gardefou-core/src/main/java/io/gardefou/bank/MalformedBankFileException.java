package io.gardefou.bank;

/** A bank file that cannot be read, with the line at fault: bad input, never a fault. */
public final class MalformedBankFileException extends IllegalArgumentException {
  public MalformedBankFileException(int line, String problem) {
    super(line == 0 ? problem : "line " + line + ": " + problem);
  }
}
