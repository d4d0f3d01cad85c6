package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes. Known answers come from golang/mod sumdb/note/note_test.go (TestSign, TestOpen,
 * TestNewVerifier), the reference implementation of C2SP signed-note.
 */
class SignedNoteTest {
  private static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n";
  private static final String PETER_SIG =
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_SIG =
      "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  private final NoteSigner peter = NoteSigner.fromSignerKey(PETER_SIGNER);
  private final NoteVerifier peterVerifier = NoteVerifier.fromVerifierKey(PETER_VERIFIER);

  @Test
  void signingWithKnownKeyGivesPublishedNote() {
    // TestSign: Ed25519 is deterministic, so the whole note is a known answer.
    assertThat(SignedNote.sign(TEXT, peter).encode()).isEqualTo(TEXT + "\n" + PETER_SIG);
  }

  @Test
  void signerKeyDerivesPublishedVerifierKeyAndRoundTrips() {
    assertThat(peter.verifier().verifierKey()).isEqualTo(PETER_VERIFIER);
    assertThat(peter.verifier().keyId()).isEqualTo(0xc74f20a3);
    assertThat(peter.signerKey()).isEqualTo(PETER_SIGNER);
    assertThat(NoteVerifier.fromVerifierKey(PETER_VERIFIER).verifierKey()).isEqualTo(PETER_VERIFIER);
    assertThat(peter.toString()).doesNotContain("PRIVATE");
  }

  @Test
  void openingChecksTheKnownKeyAndIgnoresOthers() {
    // TestOpen: Peter's and Enoch's signatures on one note; each verifier checks its own.
    SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    assertThat(note.signatures()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann", "EnochRoot");
    assertThat(note.verifiedText(peterVerifier)).isEqualTo(TEXT);
    assertThat(note.verifiedText(NoteVerifier.fromVerifierKey(ENOCH_VERIFIER))).isEqualTo(TEXT);
    assertThat(note.encode()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
  }

  @Test
  void modifiedTextIsRejected() {
    SignedNote note = SignedNote.parse(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG);
    assertThatThrownBy(() -> note.verifiedText(peterVerifier))
        .isInstanceOf(InvalidNoteException.class)
        .hasMessageContaining("invalid signature for key PeterNeumann+c74f20a3");
  }

  @Test
  void badSignatureBytesAreRejected() {
    byte[] idAndSignature = Base64.getDecoder().decode(PETER_SIG.substring(15, PETER_SIG.length() - 1));
    idAndSignature[40] ^= 1;
    String forged = "— PeterNeumann " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + forged).verifiedText(peterVerifier))
        .hasMessageContaining("invalid signature for key PeterNeumann+c74f20a3");
  }

  @Test
  void signatureUnderAnotherNameOrKeyIdIsNotAccepted() {
    String renamed = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + renamed).verifiedText(peterVerifier))
        .hasMessageContaining("no signature by key PeterNeumann+c74f20a3");
    String otherId = PETER_SIG.replace("x08g", "xxxx"); // TestOpen's wrong-hash case.
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + otherId).verifiedText(peterVerifier))
        .hasMessageContaining("no signature by key PeterNeumann+c74f20a3");
    byte[] peterKey = Arrays.copyOfRange(Base64.getDecoder().decode(PETER_VERIFIER.substring(22)), 1, 33);
    NoteVerifier sameKeyOtherName = NoteVerifier.of("NotPeter", NoteKeys.publicKey(peterKey));
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG).verifiedText(sameKeyOtherName))
        .hasMessageContaining("no signature by key NotPeter+");
  }

  @Test
  void malformedNotesAreRejectedWithReason() {
    // TestOpen's badMsgs, less the invalid-UTF-8 one (a Java String is already decoded text).
    assertThatThrownBy(() -> SignedNote.parse(TEXT)).hasMessageContaining("no blank line");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n")).hasMessageContaining("end in a newline");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.strip()))
        .hasMessageContaining("end in a newline");
    assertThatThrownBy(() -> SignedNote.parse("\u0001" + TEXT + "\n" + PETER_SIG))
        .hasMessageContaining("control character U+0001");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"))
        .isInstanceOf(InvalidNoteException.class).hasMessageContaining("signature line");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG + "Unexpected line.\n"))
        .hasMessageContaining("is not '— <key name> <base64>'");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n— PeterNeumann AAAA\n"))
        .hasMessageContaining("shorter than a key ID");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
        .hasMessageContaining("more than 100 signatures");
  }

  @Test
  void mangledVerifierKeysAreRejected() {
    // TestNewVerifier: every proper substring and every one-character change must fail.
    for (int i = 0; i < PETER_VERIFIER.length(); i++) {
      for (int j = i + 1; j <= PETER_VERIFIER.length(); j++) {
        if (i != 0 || j != PETER_VERIFIER.length()) {
          String mangled = PETER_VERIFIER.substring(i, j);
          assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(mangled)).as(mangled)
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
      char[] chars = PETER_VERIFIER.toCharArray();
      chars[i]++;
      String mangled = new String(chars);
      assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(mangled)).as(mangled)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("not 0x01 || a 32-byte Ed25519 key");
    assertThatThrownBy(() -> NoteSigner.fromSignerKey(PETER_SIGNER.replace("c74f20a3", "c74f20a4")))
        .hasMessageContaining("has key ID c74f20a4 but its name and key give c74f20a3");
  }

  @Test
  void keyNamesWithSpacesOrPlusAreRejected() {
    for (String name : List.of("", "a b", "a+b", "a\u00a0b", "a\tb")) {
      assertThatThrownBy(() -> NoteSigner.generate(name)).as("'%s'", name).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void freshKeySignsAndVerifiesThroughItsVerifierKeyString() {
    NoteSigner signer = NoteSigner.generate("gardefou.example/ledger");
    NoteVerifier auditor = NoteVerifier.fromVerifierKey(signer.verifier().verifierKey());
    String note = SignedNote.sign("hello\n", signer).encode();
    assertThat(SignedNote.parse(note).verifiedText(auditor)).isEqualTo("hello\n");
    assertThat(NoteSigner.fromSignerKey(signer.signerKey()).verifier().verifierKey())
        .isEqualTo(signer.verifier().verifierKey());
  }
}
