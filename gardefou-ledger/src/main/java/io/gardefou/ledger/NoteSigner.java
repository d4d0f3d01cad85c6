package io.gardefou.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A named Ed25519 private key that signs notes (C2SP signed-note, "Ed25519 signatures"). It can be
 * saved as a signer key string {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>},
 * the golang.org/x/mod/sumdb/note encoding, which must be kept secret.
 */
public final class NoteSigner {
  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final PrivateKey key;
  private final byte[] seed;
  private final NoteVerifier verifier;

  private NoteSigner(String name, KeyPair pair) {
    this.key = pair.getPrivate();
    this.seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
    this.verifier = NoteVerifier.of(name, pair.getPublic());
  }

  /** A fresh key under {@code name}. */
  public static NoteSigner generate(String name) {
    NoteKeys.checkKeyName(name);
    return new NoteSigner(name, generator(new SecureRandom()).generateKeyPair());
  }

  /** Parses a signer key string, checking that its key ID matches its name and the derived public key. */
  public static NoteSigner fromSignerKey(String signerKey) {
    String problem = "a signer key is PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || seed)>";
    if (!signerKey.startsWith(PRIVATE_PREFIX)) {
      throw new IllegalArgumentException(problem);
    }
    String rest = signerKey.substring(PRIVATE_PREFIX.length());
    int plus1 = rest.indexOf('+');
    int plus2 = rest.indexOf('+', plus1 + 1);
    if (plus1 < 0 || plus2 < 0) {
      throw new IllegalArgumentException(problem);
    }
    String name = rest.substring(0, plus1);
    String hex = rest.substring(plus1 + 1, plus2);
    NoteKeys.checkKeyName(name);
    byte[] keyData;
    try {
      keyData = Base64.getDecoder().decode(rest.substring(plus2 + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(problem + "; the key data is not base64", e);
    }
    if (hex.length() != 8 || !hex.chars().allMatch(HexFormat::isHexDigit)
        || keyData.length != 1 + NoteKeys.PUBLIC_KEY_SIZE || keyData[0] != NoteKeys.ED25519) {
      throw new IllegalArgumentException(problem);
    }
    byte[] seed = Arrays.copyOfRange(keyData, 1, keyData.length);
    NoteSigner signer = new NoteSigner(name, generator(new SeedRandom(seed)).generateKeyPair());
    if (!Arrays.equals(signer.seed, seed)) {
      throw new IllegalStateException("this JDK's Ed25519 generator did not take the seed it was given");
    }
    if (signer.verifier.keyId() != HexFormat.fromHexDigits(hex)) {
      throw new IllegalArgumentException("signer key for '" + name + "' has key ID " + hex
          + " but its name and key give " + NoteKeys.hex8(signer.verifier.keyId()));
    }
    return signer;
  }

  /** The key name, written on every signature line. */
  public String name() {
    return verifier.name();
  }

  /** The matching verifier, whose {@link NoteVerifier#verifierKey()} auditors need. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /** The secret signer key string, to store where only the ledger can read it. */
  public String signerKey() {
    byte[] keyData = new byte[1 + seed.length];
    keyData[0] = NoteKeys.ED25519;
    System.arraycopy(seed, 0, keyData, 1, seed.length);
    return PRIVATE_PREFIX + name() + "+" + NoteKeys.hex8(verifier.keyId()) + "+"
        + Base64.getEncoder().encodeToString(keyData);
  }

  /** The Ed25519 signature (RFC 8032) of the UTF-8 note text, which must end in a newline. */
  public NoteSignature sign(String text) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(key);
      ed25519.update(text.getBytes(StandardCharsets.UTF_8));
      return new NoteSignature(name(), verifier.keyId(), ed25519.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "NoteSigner[" + verifier.verifierKey() + "]"; // Never the private key.
  }

  private static KeyPairGenerator generator(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      return generator;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 15+ platform provides Ed25519", e);
    }
  }

  /**
   * Hands out a fixed 32-byte seed: the JDK has no public call to derive an Ed25519 public key from a
   * seed, but its key-pair generator draws exactly the private key (the seed) from its random source.
   * {@link #fromSignerKey} checks the result, so a generator that did otherwise fails loudly.
   */
  private static final class SeedRandom extends SecureRandom {
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("expected a request for " + seed.length + " bytes, got " + bytes.length);
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
