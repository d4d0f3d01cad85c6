package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.model.DecisionId;
import io.gardefou.server.ActorKey;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.StoredVerdict;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pseudonyms, standing and appeals through the real server, its SQLite store and its ledger. */
class ActorsApiTest {
  private static final String CSAM_PROMPT = "nude photo of a 12 year old";
  private final RunningGardefou server = RunningGardefou.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void recordsThePseudonymNeverTheRawUserId() throws Exception {
    JsonNode result = moderate("alice-raw-id-7", "a lighthouse at dusk");
    String pseudonym = ActorKey.loadOrCreate(server.dataDir()).of("default", "alice-raw-id-7");

    StoredVerdict row = server.verdicts().find(DecisionId.parse(result.path("gardefou").path("decision_id").asText())).orElseThrow();
    assertThat(row.actorId()).isEqualTo(pseudonym);
    assertThat(row.toString()).doesNotContain("alice-raw-id-7");
    assertThat(Pseudonyms.isPseudonym(row.actorId())).isTrue();
    // The checkpoint note's second line is the tree size (C2SP tlog-checkpoint); the decision is the last entry.
    long last = Long.parseLong(server.get("/v1/audit/checkpoint").body().split("\n")[1]) - 1;
    JsonNode entry = json(server.get("/v1/audit/entries/" + last));
    assertThat(entry.path("entry").path("actor").path("id").asText()).isEqualTo(pseudonym);
    assertThat(new String(Base64.getDecoder().decode(entry.path("entry_base64").asText()), StandardCharsets.UTF_8))
        .doesNotContain("alice-raw-id-7");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve(ActorKey.FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSuspendedActorIsRefusedUntilAnOverturnedAppealLiftsIt() throws Exception {
    JsonNode struck = moderate("bob", CSAM_PROMPT).path("gardefou");
    assertThat(struck.path("decision").asText()).isEqualTo("REFUSE");
    String decisionId = struck.path("decision_id").asText();
    assertThat(struck.path("appeal").path("url").asText()).isEqualTo("/v1/appeals");
    assertThat(struck.path("appeal").path("decision_id").asText()).isEqualTo(decisionId);

    JsonNode suspended = moderate("bob", "a lighthouse at dusk").path("gardefou");
    assertThat(suspended.path("decision").asText()).isEqualTo("REFUSE");
    assertThat(suspended.path("rules").toString()).contains("actor-suspended");
    assertThat(suspended.path("legal_basis").toString()).contains("Art. 23(1)");
    assertThat(moderate("carol", "a lighthouse at dusk").path("gardefou").path("decision").asText()).isEqualTo("ALLOW");

    HttpResponse<String> filed = server.post("/v1/appeals",
        "{\"decision_id\": \"" + decisionId + "\", \"statement\": \"a question about a pediatric dosage\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String appealId = json(filed).path("id").asText();
    assertThat(json(server.get("/v1/appeals?status=open")).path("data")).singleElement()
        .satisfies(appeal -> assertThat(appeal.path("decision_id").asText()).isEqualTo(decisionId));
    assertThat(server.post("/v1/appeals", "{\"decision_id\": \"" + decisionId + "\", \"statement\": \"again\"}")
        .statusCode()).isEqualTo(409);

    HttpResponse<String> decided = server.post("/v1/appeals/" + appealId + "/decision",
        "{\"outcome\": \"overturn\", \"note\": \"medical context\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(json(decided).path("status").asText()).isEqualTo("overturned");

    assertThat(moderate("bob", "a lighthouse at dusk").path("gardefou").path("decision").asText()).isEqualTo("ALLOW");
    String bob = ActorKey.loadOrCreate(server.dataDir()).of("default", "bob");
    JsonNode standing = json(server.get("/v1/actors/" + bob));
    assertThat(standing.path("status").asText()).isEqualTo("active");
    assertThat(standing.path("strikes")).isEmpty();
    assertThat(ledgerEvents()).containsExactly("actor.suspended", "appeal.filed", "appeal.overturned", "actor.reinstated");
  }

  @Test
  void aModeratorBansAndReinstates() throws Exception {
    String dave = ActorKey.loadOrCreate(server.dataDir()).of("default", "dave");

    HttpResponse<String> banned = server.post("/v1/actors/" + dave + "/ban", "{\"reason\": \"evading a suspension\"}");
    assertThat(banned.statusCode()).as(banned.body()).isEqualTo(200);
    assertThat(json(banned).path("status").asText()).isEqualTo("banned");
    assertThat(moderate("dave", "a lighthouse").path("gardefou").path("rules").toString()).contains("actor-banned");

    assertThat(server.post("/v1/actors/" + dave + "/reinstate", "{\"reason\": \"appeal by letter\"}").statusCode()).isEqualTo(200);
    assertThat(moderate("dave", "a lighthouse").path("gardefou").path("decision").asText()).isEqualTo("ALLOW");
    assertThat(server.post("/v1/actors/" + dave + "/suspend", "{\"reason\": \"cool off\", \"period\": \"P2D\"}")
        .statusCode()).isEqualTo(200);
    assertThat(json(server.get("/v1/actors/" + dave)).path("until").asText()).isNotEmpty();
    assertThat(server.post("/v1/actors/" + dave + "/verification", "{\"verification\": \"verified\"}").statusCode())
        .isEqualTo(200);
    assertThat(json(server.get("/v1/actors/" + dave)).path("verification").asText()).isEqualTo("verified");
    assertThat(code(server.post("/v1/actors/" + dave + "/verification", "{\"verification\": \"sure\"}"), 400))
        .isEqualTo("invalid_verification");
    assertThat(ledgerEvents())
        .containsExactly("actor.banned", "actor.reinstated", "actor.suspended", "actor.verification");
  }

  @Test
  void aRefusedImageRequestSaysWhereToAppeal() throws Exception {
    JsonNode error = json(server.post("/v1/images/generations",
        "{\"prompt\": \"" + CSAM_PROMPT + "\", \"user\": \"erin\"}")).path("error");

    assertThat(error.path("code").asText()).isEqualTo("content_policy_violation");
    assertThat(error.path("message").asText()).contains("POST /v1/appeals");
    assertThat(error.path("appeal").path("decision_id").asText()).isEqualTo(error.path("decision_id").asText());
    StoredVerdict row = server.verdicts().find(DecisionId.parse(error.path("decision_id").asText())).orElseThrow();
    assertThat(row.actorId()).isEqualTo(ActorKey.loadOrCreate(server.dataDir()).of("default", "erin"));
  }

  @Test
  void badRequestsAreFourHundredsWithCodes() throws Exception {
    assertThat(code(server.get("/v1/actors/user-42"), 400)).isEqualTo("invalid_actor");
    assertThat(code(server.get("/v1/actors/act_" + "0".repeat(32)), 404)).isEqualTo("unknown_actor");
    assertThat(code(server.post("/v1/appeals", "{\"statement\": \"x\"}"), 400)).isEqualTo("missing_required_parameter");
    assertThat(code(server.post("/v1/appeals", "{\"decision_id\": \"nope\", \"statement\": \"x\"}"), 400))
        .isEqualTo("invalid_decision_id");
    assertThat(code(server.post("/v1/appeals",
        "{\"decision_id\": \"" + DecisionId.generate(java.time.Instant.now()) + "\", \"statement\": \"x\"}"), 404))
        .isEqualTo("unknown_decision");
    assertThat(code(server.post("/v1/appeals/" + java.util.UUID.randomUUID() + "/decision",
        "{\"outcome\": \"overturn\", \"note\": \"x\"}"), 404)).isEqualTo("unknown_appeal");
    assertThat(code(server.post("/v1/appeals/x/decision", "{\"outcome\": \"maybe\", \"note\": \"x\"}"), 404))
        .isEqualTo("unknown_appeal");
    assertThat(code(server.get("/v1/appeals?status=pending"), 400)).isEqualTo("invalid_status");
    String someone = ActorKey.loadOrCreate(server.dataDir()).of("default", "someone");
    assertThat(code(server.post("/v1/actors/" + someone + "/reinstate", "{\"reason\": \"x\"}"), 404)).isEqualTo("unknown_actor");
    assertThat(code(server.post("/v1/actors/" + someone + "/suspend", "{\"reason\": \"x\", \"period\": \"soon\"}"), 400))
        .isEqualTo("invalid_period");
  }

  private JsonNode moderate(String user, String text) throws Exception {
    HttpResponse<String> response = server.post("/v1/moderations",
        "{\"input\": \"" + text + "\", \"gardefou\": {\"user\": \"" + user + "\", \"operation\": \"generate\"}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).path("results").path(0);
  }

  /** The kinds of the actors' audit events in the ledger, in order (decision records have no {@code event}). */
  private List<String> ledgerEvents() throws Exception {
    List<String> kinds = new ArrayList<>();
    for (int index = 0; ; index++) {
      HttpResponse<String> response = server.get("/v1/audit/entries/" + index);
      if (response.statusCode() == 404) {
        return kinds;
      }
      JsonNode event = json(response).path("entry").path("event");
      // The first start's admin key is an event too (key.created); these tests are about actors and appeals.
      if (!event.isMissingNode() && !event.asText().startsWith("key.")) {
        kinds.add(event.asText());
      }
    }
  }

  private static String code(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response).path("error").path("code").asText();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JsonBodies.MAPPER.readTree(response.body());
  }
}
