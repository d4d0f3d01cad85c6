package io.gardefou.vault;

import io.gardefou.model.Digests;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's key-encryption key: a 256-bit AES key that wraps every entry's data key and never encrypts content
 * itself. Its {@link #id()} is recorded with each entry, so that an entry sealed under another key is named as
 * such instead of failing as if tampered with.
 */
public final class MasterKey {
  static final int BYTES = 32;

  private final SecretKey key;
  private final String id;

  private MasterKey(byte[] raw) {
    if (raw.length != BYTES) {
      throw new IllegalArgumentException("the vault master key must be " + BYTES + " bytes (AES-256), was " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
    // A fingerprint, not the key: 4 bytes of a domain-separated SHA-256 tell keys apart and reveal nothing usable.
    byte[] tagged = new byte[raw.length + 1];
    tagged[0] = 'K';
    System.arraycopy(raw, 0, tagged, 1, raw.length);
    this.id = HexFormat.of().formatHex(Arrays.copyOf(Digests.sha256(tagged), 4));
    Arrays.fill(tagged, (byte) 0);
  }

  /** A fresh random key. */
  public static MasterKey generate() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(BYTES * 8, new SecureRandom());
      return new MasterKey(generator.generateKey().getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides AES", e);
    }
  }

  /**
   * The key in standard base64 (32 bytes), as {@code vault_master_key} or {@code GARDEFOU_VAULT_KEY} give it.
   *
   * @throws IllegalArgumentException naming what is wrong, never echoing the text
   */
  public static MasterKey fromBase64(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the vault master key is not valid base64");
    }
    return new MasterKey(raw);
  }

  /** The key in base64, to write to the key file. */
  public String base64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** A short fingerprint, 8 hex digits, safe to store and log. */
  public String id() {
    return id;
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
