package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints in the C2SP tlog-checkpoint format, signed as C2SP signed notes. */
class CheckpointTest {
  /** Root of the 8-leaf tree, transparency-dev/merkle testonly/constants.go RootHashes()[8]. */
  private static final Hash ROOT = Hash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  /** The golang/mod sumdb/note_test.go PeterNeumann seed, under the name gardefou.test/ledger. */
  private static final NoteSigner SIGNER =
      NoteSigner.fromSignerKey("PRIVATE+KEY+gardefou.test/ledger+30fcbbf2+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");

  /**
   * Produced independently with Python's cryptography package (OpenSSL) on the same seed:
   * <pre>
   * sk = Ed25519PrivateKey.from_private_bytes(b64decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")[1:])
   * kid = sha256(b"gardefou.test/ledger" + b"\n\x01" + raw_public_key).digest()[:4]
   * body = "gardefou.test/ledger\n8\n" + b64encode(root) + "\n"
   * print(body + "\n\u2014 gardefou.test/ledger " + b64encode(kid + sk.sign(body)))
   * </pre>
   */
  private static final String KNOWN_NOTE = """
      gardefou.test/ledger
      8
      XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

      — gardefou.test/ledger MPy78lN1kDXSlKafnHhSTMJizXxFOrzB/9JM6Qshb7HOC9UXmsLJUqUYHDZnwGGCfP6EzZ5Mo0uyA1hZ9LuZv13JVAY=
      """;
  /** The same Python run: name + "+" + kid.hex() + "+" + b64encode(b"\x01" + raw_public_key). */
  private static final String KNOWN_VERIFIER = "gardefou.test/ledger+30fcbbf2+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  private final Checkpoint checkpoint = Checkpoint.of("gardefou.test/ledger", 8, ROOT);

  @Test
  void signingKnownCheckpointGivesIndependentlyProducedNote() {
    assertThat(checkpoint.body()).isEqualTo("gardefou.test/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
    assertThat(checkpoint.sign(SIGNER)).isEqualTo(KNOWN_NOTE);
    assertThat(SIGNER.verifier().verifierKey()).isEqualTo(KNOWN_VERIFIER);
  }

  @Test
  void verifyingKnownNoteGivesTheCheckpoint() {
    assertThat(Checkpoint.verify(KNOWN_NOTE, NoteVerifier.fromVerifierKey(KNOWN_VERIFIER))).isEqualTo(checkpoint);
  }

  @Test
  void extensionLinesRoundTripAndAreSigned() {
    Checkpoint extended = new Checkpoint("gardefou.test/ledger", 8, ROOT, List.of("time 1700000000"));
    String note = extended.sign(SIGNER);
    assertThat(Checkpoint.verify(note, SIGNER.verifier())).isEqualTo(extended);
    assertThatThrownBy(() -> Checkpoint.verify(note.replace("time 1700000000", "time 1700000001"), SIGNER.verifier()))
        .hasMessageContaining("invalid signature");
  }

  @Test
  void alteredSizeOrRootIsRejected() {
    assertThatThrownBy(() -> Checkpoint.verify(KNOWN_NOTE.replace("\n8\n", "\n9\n"), SIGNER.verifier()))
        .isInstanceOf(InvalidNoteException.class).hasMessageContaining("invalid signature");
    assertThatThrownBy(() -> Checkpoint.verify(KNOWN_NOTE.replace("Xcna", "Ycna"), SIGNER.verifier()))
        .hasMessageContaining("invalid signature");
  }

  @Test
  void checkpointOfAnotherKeyOrOriginIsRejected() {
    NoteSigner other = NoteSigner.generate("gardefou.test/ledger");
    assertThatThrownBy(() -> Checkpoint.verify(KNOWN_NOTE, other.verifier()))
        .hasMessageContaining("no signature by key gardefou.test/ledger+");
    NoteSigner elsewhere = NoteSigner.generate("elsewhere.example/log");
    assertThatThrownBy(() -> Checkpoint.verify(checkpoint.sign(elsewhere), elsewhere.verifier()))
        .hasMessageContaining("origin 'gardefou.test/ledger' is not the verifier's key name 'elsewhere.example/log'");
  }

  @Test
  void malformedBodiesAreRejectedWithReason() {
    String root = ROOT.base64();
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n8\n")).hasMessageContaining("expected origin, size and root");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n8\n" + root)).hasMessageContaining("end in a newline");
    assertThatThrownBy(() -> Checkpoint.parseBody("\n8\n" + root + "\n")).hasMessageContaining("empty line");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n08\n" + root + "\n")).hasMessageContaining("not a canonical decimal");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n-8\n" + root + "\n")).hasMessageContaining("not a canonical decimal");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n+8\n" + root + "\n")).hasMessageContaining("not a canonical decimal");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n18446744073709551615\n" + root + "\n")).hasMessageContaining("beyond 2^63 - 1");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n8\nAAAA\n")).hasMessageContaining("a hash is 32 bytes");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n8\n" + root.replace("=", "") + "\n")).hasMessageContaining("padded standard base64");
    assertThatThrownBy(() -> Checkpoint.parseBody("o\n8\n" + root + "\n\nextension\n")).hasMessageContaining("empty line");
    assertThat(Checkpoint.parseBody("o\n0\n" + MerkleHashes.emptyRoot().base64() + "\n").size()).isZero();
  }
}
