package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.account.ApiKey;
import io.gardefou.account.KeyId;
import io.gardefou.account.Role;
import io.gardefou.server.AdminKey;
import io.gardefou.server.RunningGardefou;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys over the real server and store: who gets in, and for which tenant a request is screened. */
class AccessApiTest {
  private static final String MODERATE = "{\"input\": \"a lighthouse at dusk\"}";
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRevokedKeyGets401() throws Exception {
    String key = server.newKey(Role.OPERATOR);
    assertThat(server.as(key).post("/v1/moderations", MODERATE).statusCode()).isEqualTo(200);

    server.accounts().revoke(idOf(key), "test");

    assertUnauthenticated(server.as(key).post("/v1/moderations", MODERATE));
  }

  @Test
  void aWrongSecretForARealKeyIdGets401() throws Exception {
    String key = server.newKey(Role.OPERATOR);
    String wrong = key.substring(0, key.length() - 4) + (key.endsWith("aaaa") ? "bbbb" : "aaaa");

    assertUnauthenticated(server.as(wrong).post("/v1/moderations", MODERATE));
    assertThat(server.as(key).post("/v1/moderations", MODERATE).statusCode()).isEqualTo(200);
    assertUnauthenticated(server.as(wrong).post("/v1/moderations", MODERATE));
  }

  @Test
  void noKeyGets401WithTheOpenAiErrorShape() throws Exception {
    HttpResponse<String> response = server.as(null).post("/v1/moderations", MODERATE);

    assertUnauthenticated(response);
    assertThat(error(response).has("param")).isTrue();
    assertThat(error(response).path("message").asText()).contains("Authorization: Bearer");
  }

  @Test
  void publicRoutesAnswerWithoutAKey() {
    for (String path : new String[] {"/healthz", "/readyz", "/metrics", "/v1/audit/checkpoint", "/v1/audit/key",
        "/v1/audit/consistency?from=0"}) {
      assertThat(server.as(null).get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theKeysTenantIsTheRequestsTenant() throws Exception {
    String acme = server.newKey(Role.OPERATOR, "acme");

    JsonNode moderation = json(server.as(acme).post("/v1/moderations", "{\"input\": \"a red kite\"}"));
    JsonNode images = json(server.as(acme).post("/v1/images/generations", "{\"prompt\": \"a red kite over a beach\"}"));

    String decisionId = moderation.path("results").path(0).path("gardefou").path("decision_id").asText();
    assertThat(server.verdicts().find(io.gardefou.model.DecisionId.parse(decisionId)))
        .hasValueSatisfying(verdict -> assertThat(verdict.tenant()).isEqualTo("acme"));
    assertThat(images.path("data").size()).isEqualTo(1);
    assertThat(server.verdicts().recent(2)).allSatisfy(verdict -> assertThat(verdict.tenant()).isEqualTo("acme"));
  }

  @Test
  void anAdminKeyMayNameTheTenantAndAnOperatorKeyMayNotNameAnother() throws Exception {
    String acme = server.newKey(Role.OPERATOR, "acme");
    var asAdmin = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/v1/moderations"))
        .header(AccessCheck.TENANT_HEADER, "globex")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(MODERATE));

    JsonNode named = json(server.send(asAdmin.build()));
    HttpResponse<String> refused = server.send(asAdmin.header("Authorization", "Bearer " + acme).build());

    String decisionId = named.path("results").path(0).path("gardefou").path("decision_id").asText();
    assertThat(server.verdicts().find(io.gardefou.model.DecisionId.parse(decisionId)))
        .hasValueSatisfying(verdict -> assertThat(verdict.tenant()).isEqualTo("globex"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(error(refused).path("code").asText()).isEqualTo("tenant_not_allowed");
  }

  @Test
  void theFirstStartWritesAnOwnerOnlyAdminKeyAndRecordsItsCreation() throws Exception {
    Path file = server.dataDir().resolve(AdminKey.FILE);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    ApiKey first = server.accounts().list().getFirst();
    assertThat(first.role()).isEqualTo(Role.ADMIN);
    assertThat(Files.readString(file).strip()).isEqualTo(server.adminKey()).contains(first.id().value());
    JsonNode entry = json(server.get("/v1/audit/entries/0"));
    String event = new String(Base64.getDecoder().decode(entry.path("entry_base64").asText()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(event).contains("\"event\":\"key.created\"").contains("\"by\":\"system\"")
        .contains(first.id().value()).doesNotContain(server.adminKey().substring(20));
  }

  @Test
  void aRestartKeepsTheAdminKeyAndIssuesNoOther() throws Exception {
    Path data = Files.createTempDirectory("gardefou-restart");
    String admin;
    try (RunningGardefou first = RunningGardefou.start(config -> config.withDataDir(data))) {
      admin = first.adminKey();
    }
    try (RunningGardefou second = RunningGardefou.start(config -> config.withDataDir(data))) {
      assertThat(second.adminKey()).isEqualTo(admin);
      assertThat(second.accounts().list()).singleElement().satisfies(key -> assertThat(key.role()).isEqualTo(Role.ADMIN));
      assertThat(second.as(admin).post("/v1/moderations", MODERATE).statusCode()).isEqualTo(200);
    }
  }

  static KeyId idOf(String token) {
    return KeyId.of(token.substring("gf_".length(), "gf_".length() + 16));
  }

  private static void assertUnauthenticated(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(error(response).path("code").asText()).isEqualTo("invalid_api_key");
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    return JsonBodies.MAPPER.readTree(response.body()).path("error");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.MAPPER.readTree(response.body());
  }
}
