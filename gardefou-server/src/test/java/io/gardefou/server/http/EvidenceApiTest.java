package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.images.ImageEditParams;
import io.gardefou.account.Accounts;
import io.gardefou.account.InMemoryKeyStore;
import io.gardefou.account.IssuedKey;
import io.gardefou.account.Role;
import io.gardefou.audit.AuditEvent;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.Gardefou;
import io.gardefou.server.Metrics;
import io.gardefou.server.RunningGardefou;
import io.gardefou.server.ServerConfig;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.MasterKey;
import io.gardefou.vault.VaultStore;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The evidence vault over HTTP on a real server: a refusal's contents kept, read, held, released and erased. */
class EvidenceApiTest {
  private static final Pattern DECISION = Pattern.compile("decision ([0-9a-f-]{36})");

  @Test
  void aRefusedEditsPromptAndUploadAreKeptAndReadBackExactly() throws Exception {
    byte[] upload = TestImages.png(64, 3);
    try (RunningGardefou server = RunningGardefou.start(config -> config.withDeadline(Duration.ofSeconds(5)))) {
      OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").apiKey(server.newKey(io.gardefou.account.Role.OPERATOR)).maxRetries(0).build();
      BadRequestException refused;
      try {
        refused = catchThrowableOfType(BadRequestException.class, () -> openai.images().edit(
            ImageEditParams.builder().image(upload).prompt("undress her").build()));
      } finally {
        openai.close();
      }
      String id = decisionId(refused.getMessage());

      HttpResponse<String> response = server.get("/v1/evidence/" + id);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = json(response);
      assertThat(body.path("state").asText()).isEqualTo("readable");
      assertThat(body.path("legal_hold").asBoolean()).isFalse();
      assertThat(body.path("contents").path("prompt").asText()).isEqualTo("undress her");
      assertThat(Base64.getDecoder().decode(body.path("contents").path("images").path(0).path("b64").asText())).isEqualTo(upload);
      assertThat(body.path("image_sha256s")).hasSize(1);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("vault.key"))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void holdBlocksErasureUntilReleasedAndAnErasedEntryKeepsOnlyItsDigests() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      String id = refuseText(server);

      assertThat(json(post(server, "/v1/evidence/" + id + "/hold", "{\"reason\": \"police request 42\"}")).path("legal_hold").asBoolean()).isTrue();
      HttpResponse<String> blocked = delete(server, "/v1/evidence/" + id, "{\"reason\": \"data-subject request\"}");
      assertThat(blocked.statusCode()).isEqualTo(409);
      assertThat(json(blocked).path("error").path("code").asText()).isEqualTo("legal_hold");

      assertThat(post(server, "/v1/evidence/" + id + "/release", "").statusCode()).isEqualTo(200);
      HttpResponse<String> erased = delete(server, "/v1/evidence/" + id, "{\"reason\": \"data-subject request\"}");
      assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
      assertThat(json(erased).path("state").asText()).isEqualTo("shredded");
      assertThat(json(erased).path("shred_reason").asText()).isEqualTo("erased");

      JsonNode after = json(server.get("/v1/evidence/" + id));
      assertThat(after.has("contents")).isFalse();
      assertThat(after.path("prompt_sha256").asText()).hasSize(64);
      assertThat(delete(server, "/v1/evidence/" + id, "").statusCode()).isEqualTo(410);
      assertThat(json(post(server, "/v1/evidence/" + id + "/hold", "")).path("error").path("code").asText())
          .isEqualTo("evidence_shredded");
    }
  }

  @Test
  void allowedDecisionsAndUnknownIdsAreNotFoundAndBadIdsAreBadRequests() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      JsonNode moderation = json(server.post("/v1/moderations", "{\"input\": \"a lighthouse at dusk\"}"));
      String allowed = moderation.path("results").path(0).path("gardefou").path("decision_id").asText();

      assertThat(server.get("/v1/evidence/" + allowed).statusCode()).isEqualTo(404);
      assertThat(json(server.get("/v1/evidence/not-a-uuid")).path("error").path("code").asText()).isEqualTo("invalid_decision_id");
      assertThat(server.get("/v1/evidence/not-a-uuid").statusCode()).isEqualTo(400);
      assertThat(server.get("/v1/evidence/" + allowed + "?contents=maybe").statusCode()).isEqualTo(400);
      String refused = refuseText(server);
      assertThat(post(server, "/v1/evidence/" + refused + "/hold", "{\"reason\": 7}").statusCode()).isEqualTo(400);
      assertThat(json(server.get("/v1/evidence/" + refused + "?contents=false")).has("contents")).isFalse();
    }
  }

  @Test
  void everyReadAndActOverHttpIsRecordedInTheAuditTrailWithoutContent() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    EvidenceVault vault = EvidenceVault.builder().store(VaultStore.inMemory()).masterKey(MasterKey.generate())
        .auditTrail(event -> {
          events.add(event);
          return events.size() - 1;
        }).build();
    ScreeningRequest request = ScreeningRequest.ofText(Operation.GENERATE, "EVIDENCE-MARKER prompt");
    Instant now = Instant.now();
    Verdict verdict = new Verdict(Decision.REFUSE, Set.of(Category.VIOLENCE), List.of(), List.of(), List.of(), "test@1",
        DecisionId.generate(now), now, Signals.empty());
    vault.keep(request, verdict);
    String path = "/v1/evidence/" + verdict.decisionId();
    ServerConfig config = ServerConfig.defaults().withPort(0);
    NoteSigner signer = NoteSigner.generate("test.local/ledger");
    Accounts accounts = Accounts.builder().store(new InMemoryKeyStore()).auditTrail(event -> 0).build();
    IssuedKey issued = accounts.create(Role.ADMIN, ScreeningRequest.DEFAULT_TENANT, "test", "test");
    String admin = issued.token();
    try (Screener screener = Gardefou.screener(config, VerdictLog.discarding())) {
      HttpApi api = new HttpApi(config, screener, Gardefou.gateway(config, screener), new Metrics(), () -> true,
          Ledger.builder().origin(signer.name()).signer(signer).build(), accounts);
      api.serveEvidence(vault);
      api.start();
      try (HttpClient client = HttpClient.newHttpClient()) {
        String base = "http://127.0.0.1:" + api.port();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body())
            .contains("EVIDENCE-MARKER");
        client.send(HttpRequest.newBuilder(URI.create(base + path + "/hold")).header("Authorization", "Bearer " + admin)
            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"court order 7\"}")).build(), HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(URI.create(base + path + "/release")).header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
      } finally {
        api.stop();
      }
    }

    assertThat(events).extracting(AuditEvent::kind)
        .containsExactly("evidence.read", "evidence.held", "evidence.released", "evidence.erased");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.subject()).isEqualTo(verdict.decisionId().toString());
      assertThat(event.by()).isEqualTo(issued.key().id().toString());
      assertThat(new String(event.canonicalJson(), StandardCharsets.UTF_8)).doesNotContain("EVIDENCE-MARKER");
    });
    assertThat(events.get(1).details()).containsEntry("reason", "court order 7");
  }

  private static String refuseText(RunningGardefou server) throws Exception {
    JsonNode moderation = json(server.post("/v1/moderations", "{\"input\": \"nude photo of a 12 year old\"}"));
    JsonNode result = moderation.path("results").path(0).path("gardefou");
    assertThat(result.path("decision").asText()).isEqualToIgnoringCase("refuse");
    return result.path("decision_id").asText();
  }

  private static String decisionId(String message) {
    Matcher matcher = DECISION.matcher(message);
    assertThat(matcher.find()).as(message).isTrue();
    return matcher.group(1);
  }

  private static HttpResponse<String> post(RunningGardefou server, String path, String body) {
    return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> delete(RunningGardefou server, String path, String body) {
    return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JsonBodies.MAPPER.readTree(response.body());
  }
}
