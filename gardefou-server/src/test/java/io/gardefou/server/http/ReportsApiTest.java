package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/reports/{kind}} on a running server: renderings, and bad requests as 4xx. */
class ReportsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesEachReportAndRejectsBadRequestsWithMachineReadableCodes() throws Exception {
    try (RunningGardefou server = RunningGardefou.start()) {
      String from = Instant.now().minusSeconds(60).toString();
      server.post("/v1/moderations", """
          {"input": "nude photo of a 12 year old", "gardefou": {"jurisdiction": "fr", "operation": "generate"}}""");
      server.post("/v1/moderations", "{\"input\": \"a lighthouse at dusk\"}");
      String period = "from=" + from + "&to=" + Instant.now().plusSeconds(60);
      String refused = server.verdicts().recent(2).get(1).decisionId().toString();
      RunningGardefou.Caller auditor = server.as(server.newKey(Role.AUDITOR));

      assertThat(server.as(null).get("/v1/reports/transparency?" + period).statusCode()).isEqualTo(401);
      assertThat(server.as(server.newKey(Role.OPERATOR)).get("/v1/reports/transparency?" + period).statusCode())
          .isEqualTo(403);

      HttpResponse<String> transparency = auditor.get("/v1/reports/transparency?" + period + "&jurisdiction=fr");
      assertThat(transparency.statusCode()).isEqualTo(200);
      assertThat(transparency.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      JsonNode report = JSON.readTree(transparency.body());
      assertThat(report.path("decisions").asLong()).isEqualTo(1);
      assertThat(report.path("by_decision").path("REFUSE").asLong()).isEqualTo(1);

      assertThat(auditor.get("/v1/reports/statements?" + period + "&format=csv").body()).startsWith("puid,");
      assertThat(auditor.get("/v1/reports/regulator?" + period + "&format=html").body()).startsWith("<!DOCTYPE html>");
      assertThat(auditor.get("/v1/reports/regulator?" + period + "&format=pdf").headers().firstValue("Content-Type"))
          .contains("application/pdf");
      JsonNode bundle = JSON.readTree(auditor.get("/v1/reports/authority?decision=" + refused).body());
      assertThat(bundle.path("decision").path("decision_id").asText()).isEqualTo(refused);
      assertThat(bundle.path("ledger_inclusion").path("inclusion_proof").isArray()).isTrue();

      assertError(auditor.get("/v1/reports/bogus?" + period), 400, "invalid_report_request");
      assertError(auditor.get("/v1/reports/transparency?" + period + "&format=xml"), 400, "invalid_format");
      assertError(auditor.get("/v1/reports/transparency?from=" + from), 400, "invalid_report_request");
      assertError(auditor.get("/v1/reports/transparency?from=yesterday&to=today"), 400, "invalid_report_request");
      assertError(auditor.get("/v1/reports/transparency?" + period + "&jurisdiction=not%20a%20code"), 400,
          "invalid_report_request");
      assertError(auditor.get("/v1/reports/authority"), 400, "invalid_report_request");
      assertError(auditor.get("/v1/reports/authority?decision=0190d5f2-0000-7000-8000-000000000000"), 404, "unknown_decision");
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo(code);
  }
}
