package io.gardefou.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import java.time.Instant;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Envelope encryption of one entry: AES-256-GCM under a fresh data key, the data key wrapped (RFC 3394). */
class EntryCipherTest {
  private final MasterKey master = MasterKey.generate();
  private final EntryCipher cipher = new EntryCipher(master);
  private final DecisionId id = DecisionId.generate(Instant.parse("2026-11-22T05:00:00Z"));
  private final Contents contents = new Contents(Cases.PROMPT, List.of(Cases.UPLOAD, InputImage.of("image[1]", new byte[0])));

  @Test
  void opensWhatItSealedForTheSameDecision() {
    Contents opened = cipher.open(id, cipher.seal(id, contents));

    assertThat(opened).isEqualTo(contents);
  }

  @Test
  void sealsEachEntryUnderItsOwnKeyAndNonce() {
    Sealed first = cipher.seal(id, contents);
    Sealed second = cipher.seal(id, contents);

    assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.wrappedKey()).hasSize(40); // RFC 3394: n 64-bit blocks in, n + 1 out
    assertThat(first.nonce()).hasSize(12);
  }

  @Test
  void ciphertextHoldsNeitherThePromptNorTheImageInTheClear() {
    byte[] ciphertext = cipher.seal(id, contents).ciphertext();

    assertThat(Bytes.indexOf(ciphertext, Cases.PROMPT.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNegative();
    assertThat(Bytes.indexOf(ciphertext, java.util.Arrays.copyOf(Cases.UPLOAD.bytes(), 64))).isNegative();
  }

  @Test
  void aFlippedCiphertextBitFailsToOpen() {
    Sealed sealed = cipher.seal(id, contents);
    byte[] tampered = sealed.ciphertext();
    tampered[tampered.length / 2] ^= 0x01;

    assertThatThrownBy(() -> cipher.open(id, Sealed.of(sealed.nonce(), sealed.wrappedKey(), tampered)))
        .isInstanceOf(EvidenceUnreadableException.class)
        .hasMessageContaining("does not authenticate")
        .hasCauseInstanceOf(AEADBadTagException.class);
  }

  @Test
  void aChangedNonceFailsToOpen() {
    Sealed sealed = cipher.seal(id, contents);
    byte[] nonce = sealed.nonce();
    nonce[0] ^= 0x01;

    assertThatThrownBy(() -> cipher.open(id, Sealed.of(nonce, sealed.wrappedKey(), sealed.ciphertext())))
        .isInstanceOf(EvidenceUnreadableException.class);
  }

  @Test
  void anEntryMovedToAnotherDecisionFailsToOpenBecauseTheDecisionIdIsTheAssociatedData() {
    Sealed sealed = cipher.seal(id, contents);
    DecisionId other = DecisionId.generate(Instant.parse("2026-11-22T05:00:00Z"));

    assertThatThrownBy(() -> cipher.open(other, sealed))
        .isInstanceOf(EvidenceUnreadableException.class)
        .hasMessageContaining(other.toString());
  }

  @Test
  void anotherMasterKeyCannotUnwrapTheDataKey() {
    Sealed sealed = cipher.seal(id, contents);

    assertThatThrownBy(() -> new EntryCipher(MasterKey.generate()).open(id, sealed))
        .isInstanceOf(EvidenceUnreadableException.class)
        .hasMessageContaining("does not unwrap");
  }

  @Test
  void aTamperedWrappedKeyFailsTheKeyWrapIntegrityCheck() {
    Sealed sealed = cipher.seal(id, contents);
    byte[] wrapped = sealed.wrappedKey();
    wrapped[5] ^= 0x01;

    assertThatThrownBy(() -> cipher.open(id, Sealed.of(sealed.nonce(), wrapped, sealed.ciphertext())))
        .isInstanceOf(EvidenceUnreadableException.class)
        .hasMessageContaining("does not unwrap");
  }

  @Test
  void theMasterKeyItselfDoesNotDecryptTheCiphertext() throws Exception {
    // What is left after shredding is the ciphertext and the master key: the master key never encrypted content.
    Sealed sealed = cipher.seal(id, contents);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(java.util.Base64.getDecoder().decode(master.base64()), "AES"),
        new GCMParameterSpec(128, sealed.nonce()));
    gcm.updateAAD(("gardefou-vault/v1\n" + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> gcm.doFinal(sealed.ciphertext())).isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void masterKeysRoundTripThroughBase64AndRejectWrongLengthsWithoutEchoingThem() {
    assertThat(MasterKey.fromBase64(master.base64()).id()).isEqualTo(master.id());
    assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).hasMessage("the vault master key is not valid base64");
  }
}
