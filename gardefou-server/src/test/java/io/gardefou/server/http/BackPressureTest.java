package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLogFullException;
import io.gardefou.server.Gardefou;
import io.gardefou.server.Metrics;
import io.gardefou.server.ServerConfig;
import io.gardefou.text.TextDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A full verdict log is back-pressure: 503 with Retry-After, and the request is not acted on. */
class BackPressureTest {

  @Test
  void aFullVerdictLogAnswers503WithRetryAfter() throws Exception {
    NoteSigner signer = NoteSigner.generate("test.local/ledger");
    try (Screener screener = Screener.builder()
            .detector(TextDetector.create())
            .policy(PolicyPacks.bundled())
            .log((request, verdict) -> {
              throw new VerdictLogFullException(10, Duration.ofSeconds(2));
            })
            .build();
        HttpClient client = HttpClient.newHttpClient()) {
      ServerConfig config = ServerConfig.defaults().withPort(0);
      HttpApi api = new HttpApi(config, screener, Gardefou.gateway(config, screener), new Metrics(), () -> true,
          Ledger.builder().origin(signer.name()).signer(signer).build());
      api.start();
      try {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/moderations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"a lighthouse at dusk\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body()).contains("\"code\":\"ledger_busy\"").contains("not acted on");
      } finally {
        api.stop();
      }
    }
  }
}
