package io.gardefou.account;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A token as a client presents it, {@code gf_<key id>_<secret>}: the id finds the stored hash, the secret
 * (52 characters of base32, 256 random bits) is checked against it.
 */
record PresentedKey(KeyId id, String secret) {
  static final String PREFIX = "gf_";
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_CHARS = 52;
  private static final int TOKEN_CHARS = PREFIX.length() + 16 + 1 + SECRET_CHARS;

  /** A fresh secret for {@code id}. */
  static PresentedKey generate(KeyId id, SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new PresentedKey(id, Base32.encode(secret));
  }

  /** The token's parts, or empty when it is not of the form at all. */
  static Optional<PresentedKey> parse(String token) {
    if (token.length() != TOKEN_CHARS || !token.startsWith(PREFIX) || token.charAt(PREFIX.length() + 16) != '_') {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + 16);
    String secret = token.substring(PREFIX.length() + 17);
    if (!KeyId.isWellFormed(id) || !secret.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
      return Optional.empty();
    }
    return Optional.of(new PresentedKey(new KeyId(id), secret));
  }

  String token() {
    return PREFIX + id.value() + "_" + secret;
  }

  @Override
  public String toString() {
    return "PresentedKey[" + id + "]";
  }
}
