package io.gardefou.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A named Ed25519 public key that checks signed-note signatures; what an auditor is given, as a
 * verifier key string {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
 *
 * <p>The verifier key string is not in the C2SP signed-note text itself; it is the encoding of the
 * reference implementation the spec came from, golang.org/x/mod/sumdb/note ("NewVerifier"), which
 * transparency-dev tools also read.
 */
public final class NoteVerifier {
  private final String name;
  private final int keyId;
  private final byte[] rawKey;
  private final PublicKey key;

  private NoteVerifier(String name, byte[] rawKey) {
    NoteKeys.checkKeyName(name);
    this.name = name;
    this.rawKey = rawKey.clone();
    this.keyId = NoteKeys.keyId(name, rawKey);
    this.key = NoteKeys.publicKey(rawKey);
  }

  /** The verifier of {@code key} under {@code name}. */
  public static NoteVerifier of(String name, PublicKey key) {
    return new NoteVerifier(name, NoteKeys.rawPublicKey(key));
  }

  /** Parses a verifier key string, checking that its key ID matches its name and key. */
  public static NoteVerifier fromVerifierKey(String verifierKey) {
    int plus1 = verifierKey.indexOf('+');
    int plus2 = verifierKey.indexOf('+', plus1 + 1);
    if (plus1 < 0 || plus2 < 0) {
      throw new IllegalArgumentException("a verifier key is <name>+<key ID>+<key>, got '" + verifierKey + "'");
    }
    String name = verifierKey.substring(0, plus1);
    String hex = verifierKey.substring(plus1 + 1, plus2);
    byte[] keyData;
    try {
      keyData = Base64.getDecoder().decode(verifierKey.substring(plus2 + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("verifier key '" + verifierKey + "' has bad base64 key data", e);
    }
    if (hex.length() != 8 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("verifier key '" + verifierKey + "' needs an 8-hex-digit key ID");
    }
    if (keyData.length != 1 + NoteKeys.PUBLIC_KEY_SIZE || keyData[0] != NoteKeys.ED25519) {
      throw new IllegalArgumentException("verifier key '" + verifierKey + "' is not 0x01 || a 32-byte Ed25519 key");
    }
    NoteVerifier verifier = new NoteVerifier(name, Arrays.copyOfRange(keyData, 1, keyData.length));
    if (verifier.keyId != HexFormat.fromHexDigits(hex)) {
      throw new IllegalArgumentException("verifier key '" + verifierKey + "' has key ID " + hex
          + " but its name and key give " + NoteKeys.hex8(verifier.keyId));
    }
    return verifier;
  }

  /** The key name signatures must carry. */
  public String name() {
    return name;
  }

  /** The 4-byte key ID signatures must carry. */
  public int keyId() {
    return keyId;
  }

  /** The verifier key string to hand to auditors. */
  public String verifierKey() {
    byte[] keyData = new byte[1 + NoteKeys.PUBLIC_KEY_SIZE];
    keyData[0] = NoteKeys.ED25519;
    System.arraycopy(rawKey, 0, keyData, 1, NoteKeys.PUBLIC_KEY_SIZE);
    return name + "+" + NoteKeys.hex8(keyId) + "+" + Base64.getEncoder().encodeToString(keyData);
  }

  /** Whether {@code signature} claims this key: same name and same key ID (C2SP signed-note, "Signatures"). */
  public boolean isKeyOf(NoteSignature signature) {
    return signature.keyName().equals(name) && signature.keyId() == keyId;
  }

  /** Whether {@code signature} is this key's Ed25519 signature (RFC 8032) over the UTF-8 note text. */
  public boolean verify(String text, NoteSignature signature) {
    byte[] bytes = signature.signature();
    if (!isKeyOf(signature) || bytes.length != NoteKeys.SIGNATURE_SIZE) {
      return false;
    }
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key);
      ed25519.update(text.getBytes(StandardCharsets.UTF_8));
      return ed25519.verify(bytes);
    } catch (GeneralSecurityException e) {
      return false; // A signature the provider cannot even parse is simply not valid.
    }
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}
