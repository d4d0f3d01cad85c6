package io.gardefou.bank;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of a hash bank, such as {@code known-csam}: lowercase letters, digits and dashes, at most 64. */
public record BankName(String value) implements Comparable<BankName> {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  // FORM comes first: the constants below are checked against it as the class initialises.
  public static final BankName KNOWN_CSAM = new BankName("known-csam");
  public static final BankName NCII_VICTIMS = new BankName("ncii-victims");
  public static final BankName TAKEDOWNS = new BankName("takedowns");
  public static final BankName GENERATED_OUTPUTS = new BankName("generated-outputs");

  public BankName {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a bank name is lowercase letters, digits and dashes (at most 64), got '" + value + "'");
    }
  }

  public static BankName of(String value) {
    return new BankName(value);
  }

  @Override
  public int compareTo(BankName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
