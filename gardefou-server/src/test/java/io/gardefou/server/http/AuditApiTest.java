package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.MerkleProofs;
import io.gardefou.ledger.NoteVerifier;
import io.gardefou.server.RunningGardefou;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auditor's endpoints: each moderation decision is in the ledger, provably, under a signed checkpoint. */
class AuditApiTest {

  @Test
  void aModerationVerdictIsInTheLedgerAndItsInclusionProofVerifiesAgainstTheServedCheckpoint() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      JsonNode moderation = json(server.post("/v1/moderations", "{\"input\": [\"a red kite\", \"nude photo of a 12 year old\"]}"));
      String refused = moderation.path("results").path(1).path("gardefou").path("decision_id").asText();

      HttpResponse<String> checkpointResponse = server.get("/v1/audit/checkpoint");
      assertThat(checkpointResponse.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      NoteVerifier verifier = NoteVerifier.fromVerifierKey(
          checkpointResponse.headers().firstValue("Gardefou-Verifier-Key").orElseThrow());
      Checkpoint checkpoint = Checkpoint.verify(checkpointResponse.body(), verifier);
      assertThat(checkpoint.size()).as("the first admin key's creation, then the two verdicts").isEqualTo(3);
      assertThat(checkpoint.origin()).startsWith("gardefou.local/");
      assertThat(server.get("/v1/audit/key").body().strip()).isEqualTo(verifier.verifierKey());

      JsonNode entry = json(server.get("/v1/audit/entries/2"));
      byte[] bytes = Base64.getDecoder().decode(entry.path("entry_base64").asText());
      assertThat(entry.path("entry").path("decision_id").asText()).isEqualTo(refused);
      assertThat(entry.path("entry").path("decision").asText()).isEqualTo("REFUSE");
      assertThat(entry.path("entry").path("prompt_sha256").asText()).hasSize(64);
      assertThat(entry.path("entry").toString()).doesNotContain("nude photo");
      assertThat(entry.path("leaf_hash").asText()).isEqualTo(MerkleHashes.leafHash(bytes).base64());
      assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(bytes), 2, checkpoint.size(),
          hashes(entry.path("inclusion_proof")), checkpoint.root())).isTrue();
      assertThat(Checkpoint.verify(entry.path("checkpoint").asText(), verifier)).isEqualTo(checkpoint);
    }
  }

  @Test
  void servesConsistencyProofsBetweenTreeSizes() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      server.post("/v1/moderations", "{\"input\": [\"one\", \"two\", \"three\"]}");
      HttpResponse<String> first = server.get("/v1/audit/checkpoint");
      NoteVerifier verifier = NoteVerifier.fromVerifierKey(first.headers().firstValue("Gardefou-Verifier-Key").orElseThrow());
      Checkpoint old = Checkpoint.verify(first.body(), verifier);
      server.post("/v1/moderations", "{\"input\": [\"four\", \"five\"]}");
      Checkpoint current = Checkpoint.verify(server.get("/v1/audit/checkpoint").body(), verifier);

      JsonNode proof = json(server.get("/v1/audit/consistency?from=" + old.size() + "&to=" + current.size()));

      assertThat(current.size()).isEqualTo(6); // the first admin key's creation and five verdicts
      assertThat(MerkleProofs.verifyConsistency(old.size(), current.size(), old.root(), current.root(),
          hashes(proof.path("consistency_proof")))).isTrue();
      JsonNode defaultTo = json(server.get("/v1/audit/consistency?from=3"));
      assertThat(defaultTo.path("to").asLong()).isEqualTo(6);
    }
  }

  @Test
  void answersBadParametersWith400AndUnknownIndicesWith404() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      server.post("/v1/moderations", "{\"input\": \"a lighthouse\"}");

      assertError(server.get("/v1/audit/entries/abc"), 400, "index");
      assertError(server.get("/v1/audit/entries/-1"), 400, "index");
      assertError(server.get("/v1/audit/entries/0?tree_size=9"), 400, "tree_size");
      assertError(server.get("/v1/audit/entries/0?tree_size=0"), 400, "tree_size");
      assertError(server.get("/v1/audit/entries/2"), 404, "index"); // 0: the first admin key; 1: the verdict
      assertError(server.get("/v1/audit/consistency"), 400, "from");
      assertError(server.get("/v1/audit/consistency?from=2&to=1"), 400, "from");
      assertError(server.get("/v1/audit/consistency?from=0&to=7"), 400, "to");
      assertError(server.get("/v1/audit/consistency?from=01"), 400, "from");
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String param) throws Exception {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    JsonNode error = json(response).path("error");
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(error.path("message").asText()).isNotBlank();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 404);
    return JsonBodies.MAPPER.readTree(response.body());
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> hashes = new ArrayList<>();
    array.forEach(node -> hashes.add(Hash.fromBase64(node.asText())));
    return hashes;
  }
}
