package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.server.RunningGardefou;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx in OpenAI's error shape, never a 500, and the server stays up. */
class BadInputTest {
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void malformedJsonIsA400() {
    assertError(server.post("/v1/moderations", "{\"input\": \"unclosed"), 400, "invalid_json", null);
  }

  @Test
  void aBodyThatIsNotAnObjectIsA400() {
    assertError(server.post("/v1/moderations", "[\"a\"]"), 400, "invalid_json", null);
  }

  @Test
  void anEmptyBodyIsA400() {
    assertError(server.post("/v1/moderations", ""), 400, "invalid_json", null);
  }

  @Test
  void missingInputIsA400NamingTheParameter() {
    assertError(server.post("/v1/moderations", "{\"model\": \"omni-moderation-latest\"}"), 400, "missing_required_parameter", "input");
  }

  @Test
  void inputOfTheWrongTypeIsA400() {
    assertError(server.post("/v1/moderations", "{\"input\": 42}"), 400, "invalid_type", "input");
    assertError(server.post("/v1/moderations", "{\"input\": []}"), 400, "invalid_type", "input");
    assertError(server.post("/v1/moderations", "{\"input\": [\"ok\", 7]}"), 400, "invalid_type", "input[1]");
    assertError(server.post("/v1/moderations", "{\"input\": \"x\", \"model\": 1}"), 400, "invalid_type", "model");
  }

  @Test
  void aDuplicateKeyIsRejectedSoThatNoTwoReadersSeeDifferentPrompts() {
    assertError(server.post("/v1/moderations", "{\"input\": \"a\", \"input\": \"b\"}"), 400, "invalid_json", null);
  }

  @Test
  void anUnpairedSurrogateIsA400() {
    assertError(server.post("/v1/moderations", "{\"input\": \"abc\\ud800def\"}"), 400, "invalid_unicode", "input");
  }

  @Test
  void invalidUtf8BytesAreA400() {
    byte[] body = {'{', '"', 'i', 'n', 'p', 'u', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/moderations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build());
    assertError(response, 400, "invalid_json", null);
  }

  @Test
  void aBodyOverTheLimitIsA413() {
    String huge = "{\"input\": \"" + "a".repeat(1 << 20) + "\"}";
    assertError(server.post("/v1/moderations", huge), 413, "request_too_large", null);
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413() {
    byte[] huge = ("{\"input\": \"" + "a".repeat(1 << 20) + "\"}").getBytes();
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/moderations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
        .build());
    assertError(response, 413, "request_too_large", null);
  }

  @Test
  void anUnknownJurisdictionIsA400() {
    assertError(server.post("/v1/moderations", "{\"input\": \"x\", \"gardefou\": {\"jurisdiction\": \"XX\"}}"),
        400, "unknown_jurisdiction", "gardefou.jurisdiction");
  }

  @Test
  void anUnknownTierOrOperationIsA400() {
    assertError(server.post("/v1/moderations", "{\"input\": \"x\", \"gardefou\": {\"tier\": \"vip\"}}"),
        400, "invalid_tier", "gardefou.tier");
    assertError(server.post("/v1/moderations", "{\"input\": \"x\", \"gardefou\": {\"operation\": \"print\"}}"),
        400, "invalid_operation", "gardefou.operation");
  }

  @Test
  void aRemoteImageUrlIsRefusedRatherThanFetched() {
    assertError(imagePart("https://example.com/photo.png"), 400, "image_url_not_allowed", "input[1].image_url.url");
    assertError(imagePart("http://127.0.0.1:8080/healthz"), 400, "image_url_not_allowed", "input[1].image_url.url");
    assertError(imagePart("file:///etc/passwd"), 400, "invalid_image_url", "input[1].image_url.url");
  }

  @Test
  void aMalformedDataUrlIsA400NamingThePart() {
    assertError(imagePart("data:image/png;base64,@@not base64@@"), 400, "invalid_base64", "input[1].image_url.url");
    assertError(imagePart("data:text/plain;base64,aGVsbG8="), 400, "invalid_image_media_type", "input[1].image_url.url");
    assertError(imagePart("data:image/svg+xml;base64,PHN2Zy8+"), 400, "invalid_image_media_type", "input[1].image_url.url");
    assertError(imagePart("data:image/png,rawbytes"), 400, "invalid_image_url", "input[1].image_url.url");
    assertError(imagePart("data:image/png;base64"), 400, "invalid_image_url", "input[1].image_url.url");
    assertError(server.post("/v1/moderations", "{\"input\": [{\"type\": \"image_url\", \"image_url\": \"x\"}]}"),
        400, "invalid_type", "input[0].image_url.url");
  }

  @Test
  void anImageThatCannotBeDecodedIsA400WithTheDecodersCode() {
    byte[] png = TestImages.png(32, 1);
    assertError(imageBytes(new byte[0]), 400, "image_empty", "input[1].image_url.url");
    assertError(imageBytes(Arrays.copyOf(png, png.length / 2)), 400, "image_corrupt", "input[1].image_url.url");
    assertError(imageBytes("plain words, not an image".getBytes(StandardCharsets.US_ASCII)),
        400, "image_unsupported_format", "input[1].image_url.url");
  }

  @Test
  void moreImagePartsThanTheLimitIsA400() {
    String part = "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(TestImages.png(8, 1)) + "\"}}";
    String parts = String.join(",", Collections.nCopies(ModerationRequest.MAX_IMAGES + 1, part));
    assertError(server.post("/v1/moderations", "{\"input\": [" + parts + "]}"),
        400, "too_many_images", "input[" + ModerationRequest.MAX_IMAGES + "]");
  }

  @Test
  void tooManyInputsIsA400() {
    String many = "[" + "\"a\",".repeat(ModerationRequest.MAX_INPUTS) + "\"a\"]";
    assertError(server.post("/v1/moderations", "{\"input\": " + many + "}"), 400, "too_many_inputs", "input");
  }

  @Test
  void anUnknownRouteIsA404InTheSameShape() {
    assertError(server.get("/v1/nothing-here"), 404, "not_found", null);
  }

  @Test
  void aWrongMethodIsA405() {
    assertError(server.get("/v1/moderations"), 405, "method_not_allowed", null);
  }

  @Test
  void theServerStillAnswersAfterBadInput() {
    server.post("/v1/moderations", "{{{{");
    assertThat(server.post("/v1/moderations", "{\"input\": \"a lighthouse\"}").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> imageBytes(byte[] bytes) {
    return imagePart("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
  }

  private static HttpResponse<String> imagePart(String url) {
    return server.post("/v1/moderations", "{\"input\": [{\"type\": \"text\", \"text\": \"a lighthouse\"}, "
        + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"" + url + "\"}}]}");
  }

  private static void assertError(HttpResponse<String> response, int status, String code, String param) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode error;
    try {
      error = JsonBodies.MAPPER.readTree(response.body()).path("error");
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).isNotBlank();
    if (param == null) {
      assertThat(error.path("param").isNull()).isTrue();
    } else {
      assertThat(error.path("param").asText()).isEqualTo(param);
    }
  }
}
