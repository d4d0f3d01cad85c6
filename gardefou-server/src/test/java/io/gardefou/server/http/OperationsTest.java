package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Decision;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.Database;
import io.gardefou.store.StoredVerdict;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, and the record every decision leaves in the store. */
class OperationsTest {

  @Test
  void reportsHealthAndReadiness() {
    try (RunningGardefou server = RunningGardefou.start()) {
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = server.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("ready");
    }
  }

  @Test
  void exposesRequestDecisionAndCategoryMetrics() {
    try (RunningGardefou server = RunningGardefou.start()) {
      server.post("/v1/moderations", "{\"input\": \"nude photo of a 12 year old\"}");
      server.post("/v1/moderations", "{\"input\": \"a lighthouse at dusk\"}");

      HttpResponse<String> metrics = server.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("gardefou_decisions_total{decision=\"REFUSE\",operation=\"moderate\"} 1.0")
          .contains("gardefou_decisions_total{decision=\"ALLOW\",operation=\"moderate\"} 1.0")
          .contains("gardefou_flags_total{category=\"sexual/minors\"} 1.0")
          .contains("gardefou_http_requests_seconds_count{method=\"POST\",route=\"/v1/moderations\",status=\"200\"} 2")
          .contains("gardefou_screen_duration_seconds_count 2")
          .contains("gardefou_detector_duration_seconds_count{detector=\"text\",outcome=\"ok\"} 2")
          .contains("gardefou_detector_duration_seconds_count{detector=\"text\",outcome=\"failed\"} 0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void recordsEveryDecisionInTheStoreWithoutThePrompt() throws Exception {
    String decisionId;
    RunningGardefou server = RunningGardefou.start();
    try (server) {
      HttpResponse<String> response = server.post("/v1/moderations", "{\"input\": [\"nude photo of a 12 year old\", \"a red kite\"]}");
      decisionId = JsonBodies.MAPPER.readTree(response.body()).path("results").path(0).path("gardefou").path("decision_id").asText();
    }
    try (Database database = Database.openDefault(server.dataDir())) {
      assertThat(database.verdicts().count()).isEqualTo(2);
      StoredVerdict stored = database.verdicts().find(io.gardefou.model.DecisionId.parse(decisionId)).orElseThrow();
      assertThat(stored.decision()).isEqualTo(Decision.REFUSE);
      assertThat(stored.rules()).contains("refuse-sexual-minors");
      assertThat(stored.promptSha256()).hasSize(64);
      assertThat(stored.toString()).doesNotContain("nude photo");
    }
  }
}
