package io.gardefou.vault;

import io.gardefou.model.DecisionId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Envelope encryption of one entry: a fresh AES-256 data key encrypts the contents with AES-GCM, and the master key
 * wraps the data key. The decision id is the associated data, so a ciphertext moved to another entry fails.
 */
final class EntryCipher {
  private static final int TAG_BITS = 128;
  private static final String AAD_PREFIX = "gardefou-vault/v1\n";

  private final MasterKey master;
  private final SecureRandom random = new SecureRandom();

  EntryCipher(MasterKey master) {
    this.master = Objects.requireNonNull(master, "master");
  }

  Sealed seal(DecisionId id, Contents contents) {
    byte[] plaintext = contents.encode();
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey dataKey = generator.generateKey();
      byte[] nonce = new byte[Sealed.NONCE_BYTES];
      random.nextBytes(nonce); // NIST SP 800-38D §8.2.2: a random 96-bit IV, fresh per key (here each key seals once).
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(aad(id));
      byte[] ciphertext = gcm.doFinal(plaintext);
      // RFC 3394 §2.2.1 AES Key Wrap (the JDK's "AESWrap"): the 256-bit data key under the master key, with integrity.
      Cipher wrap = Cipher.getInstance("AESWrap");
      wrap.init(Cipher.WRAP_MODE, master.secretKey());
      return Sealed.of(nonce, wrap.wrap(dataKey), ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM or AES key wrap failed", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * The contents of an entry sealed under this master key for {@code id}.
   *
   * @throws EvidenceUnreadableException when the key does not unwrap (another master key, or tampering) or the
   *     ciphertext, nonce or decision id do not authenticate
   */
  Contents open(DecisionId id, Sealed sealed) {
    Key dataKey;
    try {
      Cipher unwrap = Cipher.getInstance("AESWrap");
      unwrap.init(Cipher.UNWRAP_MODE, master.secretKey());
      dataKey = unwrap.unwrap(sealed.wrappedKey(), "AES", Cipher.SECRET_KEY);
    } catch (GeneralSecurityException e) {
      throw new EvidenceUnreadableException(id, "its data key does not unwrap under master key " + master.id(), e);
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      gcm.updateAAD(aad(id));
      byte[] plaintext = gcm.doFinal(sealed.ciphertext());
      try {
        return Contents.decode(plaintext);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new EvidenceUnreadableException(id, "its ciphertext does not authenticate for this decision", e);
    }
  }

  private static byte[] aad(DecisionId id) {
    return (AAD_PREFIX + id).getBytes(StandardCharsets.US_ASCII);
  }
}
