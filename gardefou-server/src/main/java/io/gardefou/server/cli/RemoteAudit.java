package io.gardefou.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.InvalidNoteException;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.MerkleProofs;
import io.gardefou.ledger.NoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An auditor's check of a running server: its current checkpoint verifies with the key, it is consistent
 * with the checkpoint kept from last time (RFC 9162 §2.1.4.2), and sampled entries are included in it
 * (§2.1.3.2, leaf hashes recomputed from the entry bytes). The kept checkpoint then advances.
 */
final class RemoteAudit {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Path kept;
  private final Path keptKey;
  private final Optional<String> key;
  private final Optional<String> apiKey;
  private final int samples;
  private final PrintWriter out;
  private final PrintWriter err;
  private final HttpClient client = HttpClient.newHttpClient();

  /** {@code apiKey}: an auditor's API key, which reading entries needs; the checkpoint and consistency proofs are public. */
  RemoteAudit(String base, Path kept, Optional<String> key, Optional<String> apiKey, int samples, PrintWriter out,
      PrintWriter err) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.kept = kept;
    this.keptKey = kept.resolveSibling(kept.getFileName() + ".key");
    this.key = key;
    this.apiKey = apiKey;
    this.samples = samples;
    this.out = out;
    this.err = err;
  }

  int run() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/v1/audit/checkpoint");
    String note = response.body();
    NoteVerifier verifier;
    if (key.isPresent()) {
      verifier = NoteVerifier.fromVerifierKey(key.get());
    } else if (Files.exists(keptKey)) {
      verifier = NoteVerifier.fromVerifierKey(Files.readString(keptKey).strip());
    } else {
      String served = response.headers().firstValue("Gardefou-Verifier-Key").orElse("");
      out.println("warning: no --key and no " + keptKey + ": trusting the server's key " + served
          + " on first use; compare it with the key the operator published");
      verifier = NoteVerifier.fromVerifierKey(served);
      Files.writeString(keptKey, served + "\n");
    }
    Checkpoint current;
    try {
      current = Checkpoint.verify(note, verifier);
    } catch (InvalidNoteException e) {
      return fail("the server's checkpoint does not verify: " + e.getMessage());
    }
    out.println("server checkpoint: size " + current.size() + ", root " + current.root().base64() + " (signature ok)");

    if (Files.exists(kept)) {
      Checkpoint previous;
      try {
        previous = Checkpoint.verify(Files.readString(kept, StandardCharsets.UTF_8), verifier);
      } catch (InvalidNoteException e) {
        return fail("the kept checkpoint " + kept + " does not verify: " + e.getMessage());
      }
      if (previous.size() > current.size()) {
        return fail("the server's tree (" + current.size() + ") is smaller than the kept one (" + previous.size() + ")");
      }
      JsonNode proof = json(get("/v1/audit/consistency?from=" + previous.size() + "&to=" + current.size()));
      if (!MerkleProofs.verifyConsistency(previous.size(), current.size(), previous.root(), current.root(),
          hashes(proof.path("consistency_proof")))) {
        return fail("the server's tree of size " + current.size() + " is not consistent with the kept checkpoint of size "
            + previous.size() + ": the log was rewritten");
      }
      out.println("consistent with the kept checkpoint at size " + previous.size());
    }

    for (long index : sample(current.size())) {
      JsonNode entry = json(get("/v1/audit/entries/" + index + "?tree_size=" + current.size()));
      byte[] bytes = Base64.getDecoder().decode(entry.path("entry_base64").asText());
      if (!MerkleProofs.verifyInclusion(MerkleHashes.leafHash(bytes), index, current.size(),
          hashes(entry.path("inclusion_proof")), current.root())) {
        return fail("entry " + index + " is not included in the server's checkpoint");
      }
    }
    out.println("inclusion proofs verified for " + Math.min(samples, current.size()) + " sampled entries");
    Files.writeString(kept, note, StandardCharsets.UTF_8);
    out.println("ok: kept checkpoint advanced to size " + current.size() + " in " + kept);
    return 0;
  }

  /** The first and last entries and random others: tampering at either end is the likeliest. */
  private List<Long> sample(long size) {
    TreeSet<Long> indices = new TreeSet<>();
    SecureRandom random = new SecureRandom();
    while (indices.size() < Math.min(samples, size)) {
      long next = indices.isEmpty() ? 0 : indices.size() == 1 ? size - 1 : random.nextLong(size);
      indices.add(next);
    }
    return new ArrayList<>(indices);
  }

  private int fail(String problem) {
    err.println("FAILED: " + problem);
    return 1;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    apiKey.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> hashes = new ArrayList<>();
    array.forEach(node -> hashes.add(Hash.fromBase64(node.asText())));
    return hashes;
  }
}
