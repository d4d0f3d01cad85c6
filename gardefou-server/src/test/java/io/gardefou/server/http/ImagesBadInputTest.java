package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.server.RunningGardefou;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the images API refuses as sent, each with OpenAI's error shape, before anything is screened or forwarded. */
class ImagesBadInputTest {
  private static final int MAX_IMAGE_BYTES = 8 * 1024;
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start(config -> config.withDeadline(java.time.Duration.ofSeconds(5))
        .withGateway(config.gateway().withLimits(2, MAX_IMAGE_BYTES)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anEditWithoutAnImage() throws Exception {
    assertError(edit(new TestImages.Form().field("prompt", "make it blue")), 400, "missing_required_parameter");
  }

  @Test
  void aCorruptImage() throws Exception {
    byte[] truncated = Arrays.copyOf(TestImages.png(64, 1), 60);
    assertError(edit(new TestImages.Form().field("prompt", "make it blue").file("image", truncated)), 400, "image_corrupt");
  }

  @Test
  void somethingThatIsNotAnImage() throws Exception {
    assertError(edit(new TestImages.Form().field("prompt", "make it blue").file("image", "hello".getBytes())),
        400, "image_unsupported_format");
  }

  @Test
  void anImageOverTheLimit() throws Exception {
    byte[] large = Arrays.copyOf(TestImages.png(64, 1), MAX_IMAGE_BYTES + 1);
    assertError(edit(new TestImages.Form().field("prompt", "make it blue").file("image", large)), 413, "image_too_large");
  }

  @Test
  void aMaskThatCannotBeDecoded() throws Exception {
    assertError(edit(new TestImages.Form().field("prompt", "make it blue")
        .file("image", TestImages.png(32, 1)).file("mask", "nope".getBytes())), 400, "image_unsupported_format");
  }

  @Test
  void moreImagesThanAnEditTakes() throws Exception {
    TestImages.Form form = new TestImages.Form().field("prompt", "a collage");
    for (int i = 0; i < 17; i++) {
      form.file("image[]", TestImages.png(16, i));
    }
    assertError(edit(form), 400, "too_many_images");
  }

  @Test
  void moreOutputsThanConfigured() throws Exception {
    assertError(server.post("/v1/images/generations", "{\"prompt\": \"a cat\", \"n\": 3}"), 400, "n_too_large");
  }

  @Test
  void anUnknownResponseFormat() throws Exception {
    assertError(server.post("/v1/images/generations", "{\"prompt\": \"a cat\", \"response_format\": \"jpeg\"}"),
        400, "unsupported_response_format");
  }

  @Test
  void anUnknownParameter() throws Exception {
    assertError(server.post("/v1/images/generations", "{\"prompt\": \"a cat\", \"stream\": \"true\"}"), 400, "unknown_parameter");
  }

  @Test
  void aGenerationWithoutAPrompt() throws Exception {
    assertError(server.post("/v1/images/generations", "{\"n\": 1}"), 400, "missing_required_parameter");
  }

  @Test
  void anEditSentAsJson() throws Exception {
    assertError(server.post("/v1/images/edits", "{\"prompt\": \"a cat\"}"), 400, "invalid_content_type");
  }

  private static HttpResponse<String> edit(TestImages.Form form) {
    return server.send(form.post(server.baseUrl() + "/v1/images/edits"));
  }

  private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = JsonBodies.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.has("type")).isTrue();
  }
}
