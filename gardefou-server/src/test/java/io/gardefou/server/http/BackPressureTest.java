package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLogFullException;
import io.gardefou.text.TextDetector;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A full verdict log is back-pressure: 503 with Retry-After, and the request is not acted on. */
class BackPressureTest {

  @Test
  void aFullVerdictLogAnswers503WithRetryAfter() throws Exception {
    try (Screener screener = Screener.builder()
            .detector(TextDetector.create())
            .policy(PolicyPacks.bundled())
            .log((request, verdict) -> {
              throw new VerdictLogFullException(10, Duration.ofSeconds(2));
            })
            .build()) {
      HttpResponse<String> response = HttpApiOver.moderate(screener, "{\"input\": \"a lighthouse at dusk\"}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(response.body()).contains("\"code\":\"ledger_busy\"").contains("not acted on");
    }
  }
}
