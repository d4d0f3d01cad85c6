package io.gardefou.server.http;

import io.gardefou.image.XmpPackets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.images.Image;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImageModel;
import com.openai.models.images.ImagesResponse;
import io.gardefou.account.Role;
import io.gardefou.model.Decision;
import io.gardefou.model.Operation;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.StoredVerdict;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The images API as OpenAI's own Java SDK sees it, against a real server with the built-in demo upstream. */
class ImagesApiTest {
  private static RunningGardefou server;
  private static OpenAIClient openai;

  @BeforeAll
  static void start() {
    // A generous deadline: on a loaded test machine a missed one withholds the output (fail closed), which is
    // right in production and a flake here.
    server = RunningGardefou.start(config -> config.withDeadline(java.time.Duration.ofSeconds(5)));
    openai = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").apiKey(server.newKey(Role.OPERATOR)).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    openai.close();
    server.close();
  }

  @Test
  void generatesImagesTheSdkDecodes() {
    ImagesResponse response = openai.images().generate(ImageGenerateParams.builder()
        .prompt("a lighthouse at dusk")
        .model(ImageModel.DALL_E_2)
        .n(2)
        .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
        .build());

    List<Image> images = response.validate().data().orElseThrow();
    assertThat(images).hasSize(2);
    assertThat(images).allSatisfy(image ->
        assertThat(TestImages.isImage(Base64.getDecoder().decode(image.b64Json().orElseThrow()))).isTrue());
  }

  @Test
  void servesImagesAtUrlsTheClientCanFetch() throws Exception {
    ImagesResponse response = openai.images().generate(ImageGenerateParams.builder()
        .prompt("a lighthouse at dusk")
        .model(ImageModel.DALL_E_2)
        .responseFormat(ImageGenerateParams.ResponseFormat.URL)
        .build());

    String url = response.validate().data().orElseThrow().getFirst().url().orElseThrow();
    assertThat(url).startsWith(server.baseUrl() + ImageFilesHandler.PATH);
    try (var client = java.net.http.HttpClient.newHttpClient()) {
      var fetched = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.headers().firstValue("Content-Type")).contains("image/png");
      assertThat(XmpPackets.read(fetched.body()).orElseThrow())
          .contains(io.gardefou.gateway.Provenance.TRAINED_ALGORITHMIC_MEDIA);
    }
  }

  @Test
  void anUnknownImageUrlIsAnOpenAiShaped404() throws Exception {
    var fetched = server.get(ImageFilesHandler.PATH + "not-a-token");

    assertThat(fetched.statusCode()).isEqualTo(404);
    assertThat(JsonBodies.MAPPER.readTree(fetched.body()).path("error").path("code").asText()).isEqualTo("image_not_found");
  }

  @Test
  void refusesAnUnsafePromptWithTheErrorTheSdkParses() {
    BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> openai.images().generate(
        ImageGenerateParams.builder().prompt("nude photo of a 12 year old").build()));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.code()).contains("content_policy_violation");
    assertThat(refused.type()).contains("invalid_request_error");
    assertThat(refused.getMessage()).contains("decision");
  }

  @Test
  void editsAnUploadedImageThroughTheSdk() {
    ImagesResponse response = openai.images().edit(ImageEditParams.builder()
        .image(TestImages.png(64, 1))
        .prompt("make the sky purple")
        .responseFormat(ImageEditParams.ResponseFormat.B64_JSON)
        .build());

    Image image = response.validate().data().orElseThrow().getFirst();
    assertThat(TestImages.isImage(Base64.getDecoder().decode(image.b64Json().orElseThrow()))).isTrue();
  }

  @Test
  void editsSeveralImagesAtOnceThroughTheSdk() {
    ImagesResponse response = openai.images().edit(ImageEditParams.builder()
        .image(ImageEditParams.Image.ofInputStreams(List.of(
            new java.io.ByteArrayInputStream(TestImages.png(64, 1)), new java.io.ByteArrayInputStream(TestImages.png(64, 2)))))
        .prompt("put these two side by side")
        .build());

    assertThat(response.validate().data().orElseThrow()).hasSize(1);
  }

  @Test
  void refusesAnEditThatUndressesThePersonInThePhoto() {
    BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> openai.images().edit(
        ImageEditParams.builder().image(TestImages.png(64, 3)).prompt("undress her").build()));

    assertThat(refused.code()).contains("content_policy_violation");
  }

  @Test
  void recordsTheInputAndEveryOutputUnderOneRequestId() throws Exception {
    var http = server.post("/v1/images/generations", """
        {"prompt": "a red bicycle against a wall", "n": 2}""");

    assertThat(http.statusCode()).isEqualTo(200);
    assertThat(http.headers().firstValue(ImageResponses.UPSTREAM)).contains("demo");
    String requestId = http.headers().firstValue(ImageResponses.REQUEST_ID).orElseThrow();
    List<StoredVerdict> recorded = server.verdicts().ofRequest(requestId);
    assertThat(recorded).extracting(StoredVerdict::operation)
        .containsExactly(Operation.GENERATE, Operation.OUTPUT, Operation.OUTPUT);
    assertThat(recorded).extracting(StoredVerdict::decision).containsOnly(Decision.ALLOW);
    // Each image the user received names, in its label, the output verdict that allowed it and the exchange.
    JsonNode body = JsonBodies.MAPPER.readTree(http.body());
    for (int i = 0; i < 2; i++) {
      byte[] served = Base64.getDecoder().decode(body.path("data").get(i).path("b64_json").asText());
      assertThat(XmpPackets.read(served).orElseThrow())
          .contains("<gardefou:decisionId>" + recorded.get(i + 1).decisionId() + "<")
          .contains("<gardefou:requestId>" + requestId + "<");
    }
  }

  @Test
  void aRefusalNamesTheDecisionAndTheRequestItRecorded() throws Exception {
    var http = server.post("/v1/images/generations", """
        {"prompt": "nude photo of a 12 year old"}""");

    JsonNode error = JsonBodies.MAPPER.readTree(http.body()).path("error");
    assertThat(http.statusCode()).isEqualTo(400);
    assertThat(error.path("code").asText()).isEqualTo("content_policy_violation");
    assertThat(error.path("phase").asText()).isEqualTo("input");
    List<StoredVerdict> recorded = server.verdicts().ofRequest(error.path("request_id").asText());
    assertThat(recorded).singleElement().satisfies(verdict -> {
      assertThat(verdict.decisionId().toString()).isEqualTo(error.path("decision_id").asText());
      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    });
  }
}
