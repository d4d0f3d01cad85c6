package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.images.ImageGenerateParams;
import io.gardefou.account.Accounts;
import io.gardefou.account.InMemoryKeyStore;
import io.gardefou.account.Role;
import io.gardefou.gateway.DemoUpstream;
import io.gardefou.gateway.Gateway;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.gateway.RecentOutputs;
import io.gardefou.gateway.Upstream;
import io.gardefou.gateway.UpstreamException;
import io.gardefou.gateway.UpstreamImages;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.server.Metrics;
import io.gardefou.server.ServerConfig;
import io.gardefou.text.TextDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant at its concurrency limit gets OpenAI's 429 with Retry-After, which the SDK parses; nothing else breaks. */
class ImagesConcurrencyTest {
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private Screener screener;
  private HttpApi api;
  private HttpClient client;
  private String operator;

  @BeforeEach
  void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0);
    screener = Screener.builder().detector(TextDetector.create()).policy(PolicyPacks.bundled())
        .deadline(Duration.ofSeconds(5)).log((request, verdict) -> {}).build();
    Gateway gateway = Gateway.create(screener, new HangingUpstream(), ImageDecoder.create(ImageLimits.defaults()), 4, 1,
        new RecentOutputs(10));
    NoteSigner signer = NoteSigner.generate("test.local/ledger");
    Accounts accounts = Accounts.builder().store(new InMemoryKeyStore()).auditTrail(event -> 0).build();
    operator = accounts.create(Role.OPERATOR, ScreeningRequest.DEFAULT_TENANT, "test", "test").token();
    api = new HttpApi(config, screener, gateway, new Metrics(), () -> true,
        Ledger.builder().origin(signer.name()).signer(signer).build(), accounts);
    api.start();
    client = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    release.countDown();
    client.close();
    api.stop();
    screener.close();
  }

  @Test
  void aSecondRequestWhileTheTenantIsAtItsLimitIsA429WithRetryAfter() throws Exception {
    CompletableFuture<HttpResponse<String>> first = client.sendAsync(generation("slow lighthouse"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(arrived.await(60, TimeUnit.SECONDS)).as("the first request reached the upstream").isTrue();

    HttpResponse<String> second = client.send(generation("a kite"), HttpResponse.BodyHandlers.ofString());

    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).contains("1");
    JsonNode error = JsonBodies.MAPPER.readTree(second.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.path("type").asText()).isEqualTo("requests");

    OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + api.port() + "/v1")
        .apiKey(operator).maxRetries(0).build();
    try {
      RateLimitException limited = catchThrowableOfType(RateLimitException.class,
          () -> openai.images().generate(ImageGenerateParams.builder().prompt("a kite").build()));
      assertThat(limited.statusCode()).isEqualTo(429);
    } finally {
      openai.close();
    }

    release.countDown();
    assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(client.send(generation("a kite"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  private HttpRequest generation(String prompt) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/images/generations"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + operator)
        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"" + prompt + "\"}"))
        .build();
  }

  /** Holds calls whose prompt starts with "slow" until released. */
  private final class HangingUpstream implements Upstream {
    private final Upstream demo = DemoUpstream.create();

    @Override
    public String name() {
      return "hanging";
    }

    @Override
    public UpstreamImages generate(ImagesRequest request) {
      if (request.prompt().startsWith("slow")) {
        arrived.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw UpstreamException.unavailable("interrupted");
        }
      }
      return demo.generate(request);
    }

    @Override
    public UpstreamImages edit(ImagesRequest request) {
      return generate(request);
    }
  }
}
