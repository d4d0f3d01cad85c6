package io.gardefou.vault;

import java.util.Objects;

/**
 * One entry's contents as stored: AES-256-GCM ciphertext (with its tag), its 96-bit nonce, and the entry's data
 * key wrapped by the master key. Destroying {@code wrappedKey} makes the ciphertext unreadable for good.
 */
public final class Sealed {
  static final int NONCE_BYTES = 12;

  private final byte[] nonce;
  private final byte[] wrappedKey;
  private final byte[] ciphertext;

  private Sealed(byte[] nonce, byte[] wrappedKey, byte[] ciphertext) {
    this.nonce = nonce.clone();
    this.wrappedKey = wrappedKey.clone();
    this.ciphertext = ciphertext.clone();
    if (this.nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("a GCM nonce is " + NONCE_BYTES + " bytes here, was " + this.nonce.length);
    }
  }

  public static Sealed of(byte[] nonce, byte[] wrappedKey, byte[] ciphertext) {
    return new Sealed(Objects.requireNonNull(nonce, "nonce"), Objects.requireNonNull(wrappedKey, "wrappedKey"),
        Objects.requireNonNull(ciphertext, "ciphertext"));
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public String toString() {
    return "Sealed[" + ciphertext.length + " bytes]";
  }
}
