package io.gardefou.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.SignedNote;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;

/**
 * The auditor's read-only view of the ledger: the signed checkpoint, an entry with its inclusion proof,
 * and consistency proofs (RFC 9162 §2.1.3, §2.1.4). Hashes are base64, as in checkpoints. Not
 * authenticated yet: everything here is digests and decisions, never content.
 */
final class AuditHandlers {
  static final String VERIFIER_KEY_HEADER = "Gardefou-Verifier-Key";

  private final Ledger ledger;

  AuditHandlers(Ledger ledger) {
    this.ledger = ledger;
  }

  /** {@code GET /v1/audit/checkpoint}: the current C2SP signed checkpoint note, and the key in a header. */
  void checkpoint(Context ctx) {
    ledger.refresh(); // Other gateway nodes may have appended since this one last did.
    ctx.header(VERIFIER_KEY_HEADER, ledger.verifier().verifierKey())
        .contentType("text/plain; charset=utf-8")
        .result(ledger.checkpoint());
  }

  /** {@code GET /v1/audit/key}: the verifier key, {@code <name>+<key ID>+<base64 key>}. */
  void key(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result(ledger.verifier().verifierKey() + "\n");
  }

  /**
   * {@code GET /v1/audit/entries/{index}[?tree_size=N]}: the entry, its leaf hash and its inclusion proof
   * in the tree of the checkpoint returned with it, or of size N.
   */
  void entry(Context ctx) {
    long index = number(ctx.pathParam("index"), "index");
    ledger.refresh();
    String note = ledger.checkpoint();
    long latest = Checkpoint.parseBody(SignedNote.parse(note).text()).size();
    String requested = ctx.queryParam("tree_size");
    long treeSize = requested == null ? latest : number(requested, "tree_size");
    if (index >= latest) {
      throw ApiException.notFound("unknown_index", "index", "no entry " + index + "; the ledger holds " + latest);
    }
    if (treeSize > latest || index >= treeSize) {
      throw ApiException.invalid("invalid_tree_size", "tree_size",
          "tree_size must be in (" + index + ", " + latest + "], was " + treeSize);
    }
    byte[] entry = ledger.entry(index);
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("index", index);
    body.put("tree_size", treeSize);
    body.put("entry_base64", Base64.getEncoder().encodeToString(entry)); // the exact bytes that were hashed
    body.set("entry", parse(entry));
    body.put("leaf_hash", MerkleHashes.leafHash(entry).base64());
    hashes(body.putArray("inclusion_proof"), ledger.inclusionProof(index, treeSize));
    if (treeSize == latest) {
      body.put("checkpoint", note);
    }
    ctx.contentType("application/json").result(body.toString());
  }

  /** {@code GET /v1/audit/consistency?from=M[&to=N]}: the proof that the tree of size N extends that of M. */
  void consistency(Context ctx) {
    ledger.refresh();
    String note = ledger.checkpoint();
    long latest = Checkpoint.parseBody(SignedNote.parse(note).text()).size();
    String fromParam = ctx.queryParam("from");
    if (fromParam == null) {
      throw ApiException.invalid("missing_parameter", "from", "from is required");
    }
    long from = number(fromParam, "from");
    String toParam = ctx.queryParam("to");
    long to = toParam == null ? latest : number(toParam, "to");
    if (to > latest) {
      throw ApiException.invalid("invalid_tree_size", "to", "to must be at most " + latest + ", was " + to);
    }
    if (from > to) {
      throw ApiException.invalid("invalid_tree_size", "from", "from must be at most to (" + to + "), was " + from);
    }
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("from", from);
    body.put("to", to);
    hashes(body.putArray("consistency_proof"), ledger.consistencyProof(from, to));
    if (to == latest) {
      body.put("checkpoint", note);
    }
    ctx.contentType("application/json").result(body.toString());
  }

  private static long number(String text, String param) {
    // Canonical decimal only, like checkpoint sizes: no sign, no leading zeros, no spaces.
    if (!text.matches("0|[1-9][0-9]{0,17}")) {
      throw ApiException.invalid("invalid_" + param, param, param + " must be a non-negative integer, was '" + text + "'");
    }
    return Long.parseLong(text);
  }

  private static void hashes(ArrayNode array, List<Hash> hashes) {
    hashes.forEach(hash -> array.add(hash.base64()));
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(byte[] entry) {
    try {
      return JsonBodies.MAPPER.readTree(entry);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("ledger entry is not JSON", e);
    }
  }
}
