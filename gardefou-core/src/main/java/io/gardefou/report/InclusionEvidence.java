package io.gardefou.report;

import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.SignedNote;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A ledger entry with its RFC 9162 §2.1.3 inclusion proof in the tree of a signed C2SP checkpoint: what an
 * authority needs to check, without trusting the operator, that the decision was logged as it is reported.
 *
 * @param entryBase64 the exact bytes that were hashed: the decision's canonical JSON record
 * @param leafHash RFC 9162 §2.1.1 leaf hash, base64
 * @param proof the audit path, base64, leaf to root
 * @param checkpoint the signed checkpoint note of size {@code treeSize}
 * @param verifierKey the key that verifies the checkpoint, {@code <name>+<id>+<base64>}
 */
public record InclusionEvidence(
    long index, long treeSize, String entryBase64, String leafHash, List<String> proof, String checkpoint,
    String verifierKey) {

  public InclusionEvidence {
    Objects.requireNonNull(entryBase64, "entryBase64");
    Objects.requireNonNull(leafHash, "leafHash");
    proof = List.copyOf(proof);
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(verifierKey, "verifierKey");
  }

  /** The proof of entry {@code index} against the ledger's current signed checkpoint. */
  public static InclusionEvidence of(Ledger ledger, long index) {
    String note = ledger.checkpoint();
    long size = Checkpoint.parseBody(SignedNote.parse(note).text()).size();
    byte[] entry = ledger.entry(index);
    List<String> proof = ledger.inclusionProof(index, size).stream().map(Hash::base64).toList();
    return new InclusionEvidence(index, size, Base64.getEncoder().encodeToString(entry),
        MerkleHashes.leafHash(entry).base64(), proof, note, ledger.verifier().verifierKey());
  }
}
