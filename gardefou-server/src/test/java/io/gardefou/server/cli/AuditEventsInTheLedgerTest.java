package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.audit.AuditEvent;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.MerkleProofs;
import io.gardefou.ledger.NoteVerifier;
import io.gardefou.server.RunningGardefou;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Audit events and decisions share one ledger: served with proofs, verified, and skipped by replay. */
class AuditEventsInTheLedgerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anAuditEventIsServedWithItsProofAndTheLedgerVerifies() throws Exception {
    AuditEvent revoked = new AuditEvent("key.revoked", "key_admin", "key_7", Instant.parse("2026-07-01T10:00:00Z"),
        Map.of("reason", "leaked"));
    Path data;
    try (RunningGardefou server = RunningGardefou.start()) {
      data = server.dataDir();
      server.post("/v1/moderations", "{\"input\": \"a lighthouse\"}");
      // Entry 0 is the first start's admin key (key.created), entry 1 the first decision.
      assertThat(server.auditTrail().record(revoked)).isEqualTo(2);
      server.post("/v1/moderations", "{\"input\": \"a kite\"}");

      NoteVerifier verifier = NoteVerifier.fromVerifierKey(server.get("/v1/audit/key").body().strip());
      Checkpoint checkpoint = Checkpoint.verify(server.get("/v1/audit/checkpoint").body(), verifier);
      assertThat(checkpoint.size()).isEqualTo(4);
      JsonNode entry = JSON.readTree(server.get("/v1/audit/entries/2").body());
      byte[] bytes = Base64.getDecoder().decode(entry.path("entry_base64").asText());
      assertThat(bytes).isEqualTo(revoked.canonicalJson());
      assertThat(entry.path("entry").path("event").asText()).isEqualTo("key.revoked");
      List<Hash> proof = new ArrayList<>();
      entry.path("inclusion_proof").forEach(hash -> proof.add(Hash.fromBase64(hash.asText())));
      assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(bytes), 2, 4, proof, checkpoint.root())).isTrue();
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("ledger", "verify", "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ok: 4 entries");
    assertThat(cli.execute("ledger", "replay", "--data", data.toString(), "--sample", "0")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 same, 0 different, 2 skipped")
        .contains("skipped entry 2: an audit event (key.revoked), not a decision");
  }
}
