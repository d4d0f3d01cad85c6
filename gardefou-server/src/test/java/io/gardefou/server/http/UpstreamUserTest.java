package io.gardefou.server.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.gardefou.server.ActorKey;
import io.gardefou.server.GatewaySettings;
import io.gardefou.server.RunningGardefou;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The images upstream sees the actor's pseudonym as OpenAI's {@code user}, never the operator's id. */
class UpstreamUserTest {
  @Test
  void theUpstreamGetsThePseudonymNotTheRawUser() {
    WireMockServer upstream = new WireMockServer(options().dynamicPort());
    upstream.start();
    try (RunningGardefou server = RunningGardefou.start(config -> config.withGateway(new GatewaySettings(
        upstream.baseUrl() + "/v1", Optional.empty(), Duration.ofSeconds(5), 4, 1 << 20)))) {
      upstream.stubFor(post("/v1/images/generations").willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"created\": 1, \"data\": [{\"b64_json\": \""
              + Base64.getEncoder().encodeToString(TestImages.png(32, 5)) + "\"}]}")));

      var response = server.post("/v1/images/generations", """
          {"prompt": "a lighthouse at dusk", "user": "frank@example.org"}""");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      String pseudonym = ActorKey.loadOrCreate(server.dataDir()).of("default", "frank@example.org");
      upstream.verify(1, postRequestedFor(urlEqualTo("/v1/images/generations"))
          .withRequestBody(matchingJsonPath("$.user", com.github.tomakehurst.wiremock.client.WireMock.equalTo(pseudonym))));
      upstream.verify(0, postRequestedFor(urlEqualTo("/v1/images/generations"))
          .withRequestBody(containing("frank@example.org")));
    } finally {
      upstream.stop();
    }
  }
}
