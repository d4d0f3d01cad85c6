package io.gardefou.account;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public half of an API key: 16 characters of lower-case base32 (80 random bits), shown by
 * {@code gardefou keys list}, written in audit events, and used to find the key's stored hash. Not a secret.
 */
public record KeyId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z2-7]{16}");

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a key id is 16 characters of a-z and 2-7, was '" + value + "'");
    }
  }

  /** Parses a key id a person typed, such as {@code gardefou keys revoke ID}. */
  public static KeyId of(String value) {
    return new KeyId(value);
  }

  static KeyId random(SecureRandom random) {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    return new KeyId(Base32.encode(bytes));
  }

  static boolean isWellFormed(String value) {
    return FORM.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
