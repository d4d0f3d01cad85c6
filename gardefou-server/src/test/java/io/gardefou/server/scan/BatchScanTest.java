package io.gardefou.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.policy.TenantSettings;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.Gardefou;
import io.gardefou.server.RunningGardefou;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Screener screener;

  @BeforeAll
  static void build() {
    screener = Gardefou.screener(RunningGardefou.TESTING, VerdictLog.discarding());
  }

  @AfterAll
  static void close() {
    screener.close();
  }

  @Test
  void writesOneVerdictPerLineInTheContractShape() throws Exception {
    List<JsonNode> out = scan("""
        {"id": "a", "text": "nude photo of a 12 year old", "op": "generate", "jurisdiction": "GB", "tier": "registered"}
        {"id": 2, "text": "a child building a sandcastle", "op": "generate"}
        """, new BatchScan.Summary(2, 0));

    JsonNode refused = out.get(0);
    assertThat(refused.path("id").asText()).isEqualTo("a");
    assertThat(refused.path("decision").asText()).isEqualTo("REFUSE");
    assertThat(refused.path("categories").toString()).contains("sexual/minors");
    assertThat(refused.path("scores").path("sexual/minors").asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(refused.path("rules").toString()).contains("refuse-sexual-minors");
    assertThat(refused.path("legal_basis").size()).isPositive();
    assertThat(refused.path("language").asText()).isEqualTo("en");

    JsonNode allowed = out.get(1);
    assertThat(allowed.path("id").asInt()).isEqualTo(2);
    assertThat(allowed.path("decision").asText()).isEqualTo("ALLOW");
    assertThat(allowed.path("categories").isEmpty()).isTrue();
  }

  @Test
  void indonesiaRefusesAdultContentCitingItsLawWhereTheUnitedStatesAllowsItForAVerifiedAdult() throws Exception {
    List<TenantSettings> optedIn =
        List.of(new TenantSettings(ScreeningRequest.DEFAULT_TENANT, true, Jurisdiction.global()));
    try (Screener adultTenant = Gardefou.screener(RunningGardefou.TESTING.withTenants(optedIn), VerdictLog.discarding())) {
      StringWriter written = new StringWriter();
      new BatchScan(adultTenant).run(new BufferedReader(new StringReader("""
          {"id": "id", "text": "a nude woman on a beach", "jurisdiction": "ID", "tier": "verified_adult"}
          {"id": "us", "text": "a nude woman on a beach", "jurisdiction": "US", "tier": "verified_adult"}
          """)), written);
      List<JsonNode> out = written.toString().lines().map(BatchScanTest::json).toList();

      assertThat(out.get(0).path("decision").asText()).isEqualTo("REFUSE");
      JsonNode hit = out.get(0).path("rule_hits").get(0);
      assertThat(hit.path("pack").asText()).isEqualTo("ID@2026.07.0");
      assertThat(hit.path("reason").asText()).isNotBlank();
      assertThat(hit.path("legal_basis").toString()).contains("UU 44/2008");
      assertThat(out.get(0).path("policy_version").asText()).startsWith("global@2026.07.0+ID@2026.07.0#");
      assertThat(out.get(1).path("decision").asText()).isEqualTo("ALLOW");
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBadLineYieldsAnErrorLineAndTheScanGoesOn() throws Exception {
    List<JsonNode> out = scan("""
        {"id": "broken", "text": "unclosed
        {"id": "no-text", "op": "edit"}
        {"id": "bad-place", "text": "hello", "jurisdiction": "Atlantis"}
        {"id": "bad-op", "text": "hello", "op": "print"}
        [1, 2]
        {"id": "fine", "text": "a lighthouse at dusk"}
        """, new BatchScan.Summary(1, 5));

    assertThat(out).hasSize(6);
    assertThat(out.get(0).path("error").asText()).contains("line 1").contains("not valid JSON");
    assertThat(out.get(1).path("id").asText()).isEqualTo("no-text");
    assertThat(out.get(1).path("error").asText()).contains("'text'");
    assertThat(out.get(2).path("error").asText()).contains("unknown jurisdiction");
    assertThat(out.get(3).path("error").asText()).contains("unknown operation");
    assertThat(out.get(4).path("error").asText()).contains("expected a JSON object");
    assertThat(out.get(5).path("decision").asText()).isEqualTo("ALLOW");
  }

  @Test
  void screensEditsAsEditsOfARealPhoto() throws Exception {
    List<JsonNode> out = scan("{\"id\": 1, \"text\": \"remove her clothes\", \"op\": \"edit\"}\n", new BatchScan.Summary(1, 0));

    assertThat(out.get(0).path("categories").toString()).contains("sexual/non-consensual");
    assertThat(out.get(0).path("decision").asText()).isEqualTo("REFUSE");
  }

  private static List<JsonNode> scan(String input, BatchScan.Summary expected) throws Exception {
    StringWriter out = new StringWriter();
    BatchScan.Summary summary = new BatchScan(screener).run(new BufferedReader(new StringReader(input)), out);
    assertThat(summary).isEqualTo(expected);
    return out.toString().lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
  }
}
