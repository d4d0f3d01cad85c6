package io.gardefou.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Key names, key IDs and Ed25519 key encodings shared by {@link NoteSigner} and {@link NoteVerifier}. */
final class NoteKeys {
  /** C2SP signed-note, "Signature types": 0x01 is Ed25519. */
  static final byte ED25519 = 0x01;
  static final int PUBLIC_KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;

  /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), followed by the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private NoteKeys() {}

  /** C2SP signed-note, "Format": key names are non-empty, with no Unicode spaces and no plus (U+002B). */
  static void checkKeyName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a key name must not be empty");
    }
    name.codePoints().forEach(c -> {
      if (c == '+' || c < 0x20 || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            "key name '" + name + "' contains U+%04X; names have no spaces, controls or '+'".formatted(c));
      }
    });
  }

  /** C2SP signed-note, "Ed25519 signatures": key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4], big-endian. */
  static int keyId(String name, byte[] publicKey) {
    MessageDigest digest = MerkleHashes.sha256();
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0x0A);
    digest.update(ED25519);
    digest.update(publicKey);
    byte[] sum = digest.digest();
    return (sum[0] & 0xff) << 24 | (sum[1] & 0xff) << 16 | (sum[2] & 0xff) << 8 | (sum[3] & 0xff);
  }

  /** The 32-byte RFC 8032 encoding of a JDK Ed25519 public key. */
  static byte[] rawPublicKey(PublicKey key) {
    byte[] spki = key.getEncoded();
    if ((!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()))
        || spki.length != SPKI_PREFIX.length + PUBLIC_KEY_SIZE
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }

  /** A JDK public key from its 32-byte RFC 8032 encoding. */
  static PublicKey publicKey(byte[] raw) {
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_SIZE);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_SIZE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key", e);
    }
  }

  static String hex8(int keyId) {
    return "%08x".formatted(keyId);
  }
}
