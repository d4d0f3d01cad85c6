package io.gardefou.ledger;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 value: 32 immutable bytes, shown in lowercase hex.
 */
public final class Hash {
  /** Bytes in a SHA-256 output. */
  public static final int SIZE = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A hash holding a copy of {@code bytes}, which must be 32 long. */
  public static Hash of(byte[] bytes) {
    checkLength(bytes.length, "bytes");
    return new Hash(bytes.clone());
  }

  /** Parses 64 hex digits (either case). */
  public static Hash fromHex(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    checkLength(bytes.length, "hex '" + hex + "'");
    return new Hash(bytes);
  }

  /** Parses standard (RFC 4648 §4) base64, as used in checkpoints. */
  public static Hash fromBase64(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    checkLength(bytes.length, "base64 '" + base64 + "'");
    return new Hash(bytes);
  }

  /** Adopts {@code bytes} without copying; only for arrays nobody else holds, such as a digest output. */
  static Hash wrap(byte[] bytes) {
    checkLength(bytes.length, "bytes");
    return new Hash(bytes);
  }

  private static void checkLength(int length, String what) {
    if (length != SIZE) {
      throw new IllegalArgumentException("a hash is " + SIZE + " bytes, " + what + " has " + length);
    }
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lowercase hex, 64 digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Standard base64 (RFC 4648 §4), 44 characters. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  void feed(MessageDigest digest) {
    digest.update(bytes);
  }

  void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
