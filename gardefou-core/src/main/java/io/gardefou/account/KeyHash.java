package io.gardefou.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the store keeps of a key's secret: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) of it under a per-key salt, with
 * the iteration count it was made with, so that the count can be raised for new keys without breaking old ones.
 */
public record KeyHash(String algorithm, int iterations, byte[] salt, byte[] hash) {
  /** The only algorithm so far, as stored. */
  public static final String PBKDF2_SHA256 = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  public KeyHash {
    Objects.requireNonNull(algorithm, "algorithm");
    if (!algorithm.equals(PBKDF2_SHA256)) {
      throw new IllegalArgumentException("unknown key hash algorithm '" + algorithm + "'");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive, was " + iterations);
    }
    salt = salt.clone();
    hash = hash.clone();
    if (salt.length < SALT_BYTES || hash.length != HASH_BITS / 8) {
      throw new IllegalArgumentException("a key hash needs a salt of at least 16 bytes and a hash of 32");
    }
  }

  /** Hashes a new secret under a fresh random salt. */
  static KeyHash of(String secret, int iterations, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new KeyHash(PBKDF2_SHA256, iterations, salt, derive(secret, salt, iterations));
  }

  /** Whether {@code secret} is the one hashed: a full derivation, then a comparison whose time does not depend on where the bytes differ. */
  boolean matches(String secret) {
    return MessageDigest.isEqual(derive(secret, salt, iterations), hash);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  private static byte[] derive(String secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
