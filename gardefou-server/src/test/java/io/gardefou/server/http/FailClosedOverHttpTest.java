package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Detector;
import io.gardefou.screen.Screener;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A detector that hangs or throws makes the API refuse, and the refusal is recorded. */
class FailClosedOverHttpTest {

  @Test
  void aHangingDetectorMakesTheModerationApiRefuse() throws Exception {
    Detector hanging = detector(request -> {
      Thread.sleep(Duration.ofSeconds(30));
      return Signals.empty();
    });
    JsonNode result = moderateWith(hanging);

    assertThat(result.path("flagged").asBoolean()).isTrue();
    assertThat(result.path("categories").path("sexual/minors").asBoolean()).isTrue();
    assertThat(result.path("gardefou").path("decision").asText()).isEqualTo("REFUSE");
    assertThat(result.path("gardefou").path("rules").toString()).contains("fail-closed");
    assertThat(result.path("gardefou").path("unknown").toString()).contains("sexual/minors");
  }

  @Test
  void aThrowingDetectorMakesTheModerationApiRefuse() throws Exception {
    JsonNode result = moderateWith(detector(request -> {
      throw new IllegalStateException("weights missing");
    }));

    assertThat(result.path("gardefou").path("decision").asText()).isEqualTo("REFUSE");
    assertThat(result.path("gardefou").path("rules").toString()).contains("fail-closed");
  }

  private static JsonNode moderateWith(Detector detector) throws Exception {
    List<Verdict> recorded = new CopyOnWriteArrayList<>();
    try (Screener screener = Screener.builder()
            .detector(detector)
            .policy(PolicyPacks.bundled())
            .deadline(Duration.ofMillis(100))
            .log((request, verdict) -> recorded.add(verdict))
            .build()) {
      HttpResponse<String> response = HttpApiOver.moderate(screener, "{\"input\": \"a lighthouse at dusk\"}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(recorded).singleElement().extracting(Verdict::decision).isEqualTo(Decision.REFUSE);
      return JsonBodies.MAPPER.readTree(response.body()).path("results").path(0);
    }
  }

  private interface Detection {
    Signals detect(ScreeningRequest request) throws Exception;
  }

  private static Detector detector(Detection detection) {
    return new Detector() {
      @Override public String name() { return "faulty"; }
      @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL); }
      @Override public boolean appliesTo(ScreeningRequest request) { return true; }
      @Override public Signals detect(ScreeningRequest request) throws Exception { return detection.detect(request); }
    };
  }
}
