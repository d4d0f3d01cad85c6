package io.gardefou.server.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.gardefou.gateway.Provenance;
import io.gardefou.image.XmpPackets;
import io.gardefou.server.GatewaySettings;
import io.gardefou.server.RunningGardefou;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway in front of a fake OpenAI-compatible upstream (WireMock): what reaches it, and how its failures show. */
class ImagesUpstreamTest {
  private static WireMockServer upstream;
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    upstream = new WireMockServer(options().dynamicPort());
    upstream.start();
    server = RunningGardefou.start(config -> config.withDeadline(Duration.ofSeconds(5)).withGateway(new GatewaySettings(
        upstream.baseUrl() + "/v1", Optional.of("sk-test-key"), Duration.ofSeconds(2), 4, 1 << 20)));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.stop();
  }

  @BeforeEach
  void reset() {
    upstream.resetAll();
  }

  @Test
  void aRefusedGenerationNeverReachesTheUpstream() {
    var response = server.post("/v1/images/generations", """
        {"prompt": "nude photo of a 12 year old"}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("content_policy_violation");
    // Matched on the prompt, so that a slow request of another test arriving late cannot confuse this one.
    upstream.verify(0, postRequestedFor(anyUrl()).withRequestBody(containing("12 year old")));
  }

  @Test
  void aWebpFromTheUpstreamIsLabelledInPlace() throws Exception {
    // A 1×1 lossy WebP (Modernizr's feature test): a simple file the label turns into an extended one.
    byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    upstream.stubFor(post("/v1/images/generations").willReturn(images(webp)));

    var response = server.post("/v1/images/generations", """
        {"prompt": "a lighthouse at dusk", "output_format": "webp"}""");

    assertThat(response.statusCode()).isEqualTo(200);
    byte[] served = firstImage(response);
    assertThat(new String(served, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("VP8X");
    assertThat(XmpPackets.read(served).orElseThrow()).contains(Provenance.TRAINED_ALGORITHMIC_MEDIA);
    assertThat(TestImages.pixels(served)).isEqualTo(TestImages.pixels(webp));
  }

  @Test
  void aRefusedEditNeverReachesTheUpstream() {
    var response = server.send(new TestImages.Form()
        .field("prompt", "undress her").file("image", TestImages.png(64, 1))
        .post(server.baseUrl() + "/v1/images/edits"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("content_policy_violation");
    upstream.verify(0, postRequestedFor(anyUrl()).withRequestBody(containing("undress her")));
  }

  @Test
  void anAllowedGenerationReachesTheUpstreamAskingForBase64WithTheKey() throws Exception {
    upstream.stubFor(post("/v1/images/generations").willReturn(images(TestImages.png(32, 5))));

    var response = server.post("/v1/images/generations", """
        {"prompt": "a lighthouse at dusk", "model": "dall-e-3", "size": "1024x1024"}""");

    assertThat(response.statusCode()).isEqualTo(200);
    // The upstream's image, labelled: the same pixels, with the XMP label.
    assertThat(TestImages.pixels(firstImage(response))).isEqualTo(TestImages.pixels(TestImages.png(32, 5)));
    assertThat(XmpPackets.read(firstImage(response)).orElseThrow()).contains(Provenance.TRAINED_ALGORITHMIC_MEDIA);
    upstream.verify(1, postRequestedFor(urlEqualTo("/v1/images/generations"))
        .withHeader("Authorization", equalTo("Bearer sk-test-key"))
        .withRequestBody(matchingJsonPath("$.prompt", equalTo("a lighthouse at dusk")))
        .withRequestBody(matchingJsonPath("$.response_format", equalTo("b64_json")))
        .withRequestBody(matchingJsonPath("$.size", equalTo("1024x1024")))
        .withRequestBody(matchingJsonPath("$.model", equalTo("dall-e-3"))));
  }

  @Test
  void anAllowedEditReachesTheUpstreamAsMultipart() {
    upstream.stubFor(post("/v1/images/edits").willReturn(images(TestImages.png(32, 6))));

    var response = server.send(new TestImages.Form()
        .field("prompt", "make the sky purple").file("image", TestImages.png(64, 2))
        .post(server.baseUrl() + "/v1/images/edits"));

    assertThat(response.statusCode()).isEqualTo(200);
    upstream.verify(1, postRequestedFor(urlEqualTo("/v1/images/edits"))
        .withHeader("Content-Type", containing("multipart/form-data"))
        .withRequestBody(containing("make the sky purple"))
        .withRequestBody(containing("name=\"image\"")));
  }

  @Test
  void anUpstream500BecomesAnOpenAiShaped502() throws Exception {
    upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));

    var response = server.post("/v1/images/generations", "{\"prompt\": \"a lighthouse in a storm\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode error = JsonBodies.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("server_error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_error");
    // Not idempotent: one try only.
    upstream.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("a lighthouse in a storm")));
  }

  @Test
  void anUpstreamTooSlowBecomesAnOpenAiShaped504() throws Exception {
    upstream.stubFor(post(anyUrl()).willReturn(images(TestImages.png(32, 7)).withFixedDelay(6_000)));

    var response = server.post("/v1/images/generations", "{\"prompt\": \"a lighthouse at dusk\"}");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(JsonBodies.MAPPER.readTree(response.body()).path("error").path("code").asText()).isEqualTo("upstream_timeout");
  }

  @Test
  void anUpstreamRefusalOfTheRequestIsPassedOnAsItsStatus() throws Exception {
    upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"Invalid size\",\"type\":\"invalid_request_error\"}}")));

    var response = server.post("/v1/images/generations", "{\"prompt\": \"a lighthouse\", \"size\": \"3x3\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JsonBodies.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_rejected");
    assertThat(error.path("message").asText()).contains("Invalid size");
  }

  @Test
  void anOutputThatCannotBeDecodedIsWithheld() throws Exception {
    upstream.stubFor(post(anyUrl()).willReturn(images("not an image".getBytes())));

    var response = server.post("/v1/images/generations", "{\"prompt\": \"a lighthouse at dusk\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JsonBodies.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("content_policy_violation");
    assertThat(error.path("phase").asText()).isEqualTo("output");
  }

  @Test
  void onlyTheAllowedOutputsAreReturned() throws Exception {
    upstream.stubFor(post(anyUrl()).willReturn(images(TestImages.png(32, 8), "garbage".getBytes())));

    var response = server.post("/v1/images/generations", "{\"prompt\": \"a lighthouse at dusk\", \"n\": 2}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.MAPPER.readTree(response.body()).path("data")).hasSize(1);
    assertThat(response.headers().firstValue(ImageResponses.WITHHELD)).contains("1");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder images(byte[]... images) {
    StringBuilder data = new StringBuilder();
    for (byte[] image : images) {
      data.append(data.isEmpty() ? "" : ",").append("{\"b64_json\":\"").append(Base64.getEncoder().encodeToString(image)).append("\"}");
    }
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"created\":1700000000,\"data\":[" + data + "]}");
  }

  private static byte[] firstImage(HttpResponse<String> response) throws Exception {
    return Base64.getDecoder().decode(JsonBodies.MAPPER.readTree(response.body()).path("data").get(0).path("b64_json").asText());
  }
}
