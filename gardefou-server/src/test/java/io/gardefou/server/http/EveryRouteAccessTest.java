package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the API registers, whoever added it, against every role: a key reaches a protected route only if
 * its role grants the route's, and without a valid key only public routes answer.
 */
class EveryRouteAccessTest {
  private static RunningGardefou gardefou;
  private static HttpClient client;
  private static final Map<Role, String> KEYS = new EnumMap<>(Role.class);

  /** The server as `serve` wires it, so routes added after the API's construction (banks, vault, reports) count. */
  @BeforeAll
  static void start() {
    gardefou = RunningGardefou.start();
    for (Role role : Role.values()) {
      KEYS.put(role, gardefou.newKey(role));
    }
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    gardefou.close();
    client.close();
  }

  @Test
  void registersTheExpectedAccessForEachRoute() {
    Map<String, Set<Access>> access = new TreeMap<>();
    gardefou.routes().forEach(route -> access.put(route.getHttpMethod() + " " + route.getPath(), AccessCheck.accessOf(route)));

    assertThat(access)
        .containsEntry("GET /healthz", Set.of(Access.PUBLIC))
        .containsEntry("GET /readyz", Set.of(Access.PUBLIC))
        .containsEntry("GET /metrics", Set.of(Access.PUBLIC))
        .containsEntry("POST /v1/moderations", Set.of(Access.OPERATOR))
        .containsEntry("POST /v1/images/generations", Set.of(Access.OPERATOR))
        .containsEntry("POST /v1/images/edits", Set.of(Access.OPERATOR))
        .containsEntry("GET /v1/audit/checkpoint", Set.of(Access.PUBLIC))
        .containsEntry("GET /v1/audit/key", Set.of(Access.PUBLIC))
        .containsEntry("GET /v1/audit/consistency", Set.of(Access.PUBLIC))
        .containsEntry("GET /v1/audit/entries/{index}", Set.of(Access.AUDITOR))
        .containsEntry("GET /v1/banks", Set.of(Access.AUDITOR, Access.MODERATOR))
        .containsEntry("POST /v1/banks/{bank}/import", Set.of(Access.ADMIN))
        .containsEntry("GET /v1/evidence/{decision_id}", Set.of(Access.MODERATOR))
        .containsEntry("DELETE /v1/evidence/{decision_id}", Set.of(Access.ADMIN))
        .containsEntry("GET /v1/reports/{kind}", Set.of(Access.AUDITOR));
  }

  @Test
  void aRouteRegisteredWithoutAnAccessStopsTheStart() {
    Javalin app = Javalin.create(config -> config.events.handlerAdded(AccessCheck::requireAccess));
    app.get("/v1/public", ctx -> ctx.result("open"), Access.PUBLIC);
    app.get("/v1/for-two-roles", ctx -> ctx.result("read"), Access.AUDITOR, Access.MODERATOR);

    assertThatThrownBy(() -> app.get("/v1/open-by-omission", ctx -> ctx.result("open")))
        .hasMessageContaining("GET /v1/open-by-omission is registered without an Access");
    assertThatThrownBy(() -> app.post("/v1/public-and-admin", ctx -> ctx.result("?"), Access.PUBLIC, Access.ADMIN))
        .hasMessageContaining("POST /v1/public-and-admin");
  }

  @Test
  void everyProtectedRouteRefusesAMissingOrInvalidKeyWith401() throws Exception {
    String unknown = "gf_aaaaaaaaaaaaaaaa_" + "a".repeat(52);
    for (HandlerMetaInfo route : protectedRoutes()) {
      for (Optional<String> authorization : List.of(Optional.<String>empty(), Optional.of("Bearer " + unknown),
          Optional.of("Bearer not-a-key"), Optional.of("Basic " + KEYS.get(Role.ADMIN)))) {
        HttpResponse<String> response = call(route, authorization);

        assertThat(response.statusCode()).as(route + " with " + authorization).isEqualTo(401);
        assertThat(error(response).path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            value -> assertThat(value).startsWith("Bearer"));
      }
    }
  }

  @Test
  void aKeyReachesExactlyTheRoutesItsRoleGrants() throws Exception {
    for (HandlerMetaInfo route : protectedRoutes()) {
      Set<Access> access = AccessCheck.accessOf(route);
      for (Role role : Role.values()) {
        HttpResponse<String> response = call(route, Optional.of("Bearer " + KEYS.get(role)));

        if (access.stream().anyMatch(required -> role.grants(required.role().orElseThrow()))) {
          assertThat(response.statusCode()).as(role + " on " + route + ": " + response.body()).isNotIn(401, 403);
        } else {
          assertThat(response.statusCode()).as(role + " on " + route).isEqualTo(403);
          assertThat(error(response).path("code").asText()).isEqualTo("insufficient_role");
        }
      }
    }
  }

  @Test
  void anAuditorKeyCannotCallAnyRouteThatChangesSomething() throws Exception {
    List<HandlerMetaInfo> allWrites = gardefou.routes().stream()
        .filter(route -> route.getHttpMethod() != HandlerType.GET && route.getHttpMethod() != HandlerType.HEAD)
        .toList();
    // The console's forms take no key: its session and CSRF checks are ConsoleTest's; no other write is public.
    assertThat(allWrites).filteredOn(route -> AccessCheck.accessOf(route).contains(Access.PUBLIC))
        .allSatisfy(route -> assertThat(route.getPath()).startsWith("/console/"));
    List<HandlerMetaInfo> writes = allWrites.stream()
        .filter(route -> !AccessCheck.accessOf(route).contains(Access.PUBLIC))
        .toList();
    assertThat(writes).isNotEmpty();
    for (HandlerMetaInfo route : writes) {
      HttpResponse<String> response = call(route, Optional.of("Bearer " + KEYS.get(Role.AUDITOR)));

      assertThat(response.statusCode()).as(route.getHttpMethod() + " " + route.getPath()).isEqualTo(403);
    }
  }

  @Test
  void anOperatorKeyCannotReadLedgerEntries() throws Exception {
    HttpResponse<String> asOperator = get("/v1/audit/entries/0", KEYS.get(Role.OPERATOR));
    HttpResponse<String> asAuditor = get("/v1/audit/entries/0", KEYS.get(Role.AUDITOR));

    assertThat(asOperator.statusCode()).isEqualTo(403);
    assertThat(asOperator.body()).doesNotContain("entry_base64");
    assertThat(asAuditor.statusCode()).isEqualTo(200);
    assertThat(asAuditor.body()).contains("entry_base64");
  }

  private static List<HandlerMetaInfo> protectedRoutes() {
    List<HandlerMetaInfo> routes = gardefou.routes().stream()
        .filter(route -> !AccessCheck.accessOf(route).contains(Access.PUBLIC))
        .toList();
    assertThat(routes).isNotEmpty();
    return routes;
  }

  /** Calls the route with a path parameter of 0 and an empty JSON body: enough to pass or fail the access check. */
  private static HttpResponse<String> call(HandlerMetaInfo route, Optional<String> authorization) throws Exception {
    String path = route.getPath().replaceAll("\\{[^}]*}|<[^>]*>", "0");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gardefou.baseUrl() + path))
        .header("Content-Type", "application/json")
        .method(route.getHttpMethod().name(), route.getHttpMethod() == HandlerType.GET
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String key) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gardefou.baseUrl() + path))
        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    return JsonBodies.MAPPER.readTree(response.body()).path("error");
  }
}
