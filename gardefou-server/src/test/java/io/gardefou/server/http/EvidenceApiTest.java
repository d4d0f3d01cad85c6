package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.images.ImageEditParams;
import io.gardefou.server.RunningGardefou;
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
      OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").apiKey("unused").maxRetries(0).build();
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
