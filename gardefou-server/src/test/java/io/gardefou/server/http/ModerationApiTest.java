package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.moderations.Moderation;
import com.openai.models.moderations.ModerationCreateParams;
import com.openai.models.moderations.ModerationCreateResponse;
import com.openai.models.moderations.ModerationImageUrlInput;
import com.openai.models.moderations.ModerationModel;
import com.openai.models.moderations.ModerationMultiModalInput;
import com.openai.models.moderations.ModerationTextInput;
import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The moderation API as OpenAI's own Java SDK sees it, against a real in-process server. */
class ModerationApiTest {
  private static RunningGardefou server;
  private static OpenAIClient openai;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start();
    openai = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").apiKey(server.newKey(Role.OPERATOR)).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    openai.close();
    server.close();
  }

  @Test
  void flagsSexualContentInvolvingAMinorThroughTheOpenAiSdk() {
    Moderation result = moderate("nude photo of a 12 year old");

    assertThat(result.flagged()).isTrue();
    assertThat(result.categories().sexualMinors()).isTrue();
    assertThat(result.categoryScores().sexualMinors()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void passesAnEverydaySceneWithAChildThroughTheOpenAiSdk() {
    Moderation result = moderate("a child building a sandcastle");

    assertThat(result.flagged()).isFalse();
    assertThat(result.categories().sexualMinors()).isFalse();
    assertThat(result.categories().sexual()).isFalse();
    assertThat(result.categoryScores().sexualMinors()).isLessThan(0.5);
  }

  @Test
  void answersEveryStringOfAnArrayWithItsOwnResult() {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder()
        .inputOfStrings(List.of("a child building a sandcastle", "nude photo of a 12 year old"))
        .build());

    assertThat(response.results()).extracting(Moderation::flagged).containsExactly(false, true);
    assertThat(response.id()).startsWith("modr-");
  }

  @Test
  void validatesAgainstTheSdkModelWithEveryOpenAiCategoryPresent() {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder()
        .input("a lighthouse at dusk")
        .model(ModerationModel.OMNI_MODERATION_LATEST)
        .build());

    // validate() throws if any field the SDK requires is missing or mistyped.
    assertThat(response.validate().model()).isEqualTo("omni-moderation-latest");
  }

  @Test
  void explainsTheDecisionInTheGardefouExtension() throws Exception {
    var http = server.post("/v1/moderations", """
        {"input": "nude photo of a 12 year old", "gardefou": {"jurisdiction": "fr", "operation": "generate"}}""");

    assertThat(http.statusCode()).isEqualTo(200);
    JsonNode result = JsonBodies.MAPPER.readTree(http.body()).path("results").path(0);
    assertThat(result.path("categories").path("sexual/non-consensual").isBoolean()).isTrue();
    assertThat(result.path("categories").size()).isEqualTo(14);
    assertThat(result.path("category_applied_input_types").path("sexual/minors").get(0).asText()).isEqualTo("text");
    JsonNode gardefou = result.path("gardefou");
    assertThat(gardefou.path("decision").asText()).isEqualTo("REFUSE");
    assertThat(gardefou.path("rules").toString()).contains("refuse-sexual-minors");
    assertThat(gardefou.path("legal_basis").size()).isPositive();
    assertThat(gardefou.path("rule_hits").get(0).path("pack").asText()).startsWith("global@");
    assertThat(gardefou.path("rule_hits").get(0).path("reason").asText()).isNotBlank();
    assertThat(gardefou.path("policy_version").asText()).contains("#");
    assertThat(gardefou.path("decision_id").asText()).hasSize(36);
    assertThat(gardefou.path("language").asText()).isEqualTo("en");
  }

  @Test
  void acceptsTextContentPartsAsOneInput() throws Exception {
    var http = server.post("/v1/moderations", """
        {"input": [{"type": "text", "text": "nude photo"}, {"type": "text", "text": "of a 12 year old"}]}""");

    assertThat(http.statusCode()).isEqualTo(200);
    JsonNode results = JsonBodies.MAPPER.readTree(http.body()).path("results");
    assertThat(results.size()).isEqualTo(1);
    assertThat(results.path(0).path("flagged").asBoolean()).isTrue();
  }

  @Test
  void theEdgeHeaderOutranksTheBodyInSayingWhereTheUserIs() throws Exception {
    var http = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/v1/moderations"))
        .header("X-Gardefou-Jurisdiction", "ID")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"input\": \"a nude figure study in charcoal\", \"gardefou\": {\"jurisdiction\": \"US\"}}"))
        .build());

    JsonNode gardefou = JsonBodies.MAPPER.readTree(http.body()).path("results").path(0).path("gardefou");
    assertThat(gardefou.path("jurisdiction").asText()).isEqualTo("ID");
    assertThat(gardefou.path("jurisdiction_source").asText()).isEqualTo("header");
    assertThat(gardefou.path("decision").asText()).isEqualTo("REFUSE");
    assertThat(gardefou.path("legal_basis").toString()).contains("44/2008");
  }

  @Test
  void theBodySaysWhereTheUserIsWhenTheEdgeDoesNot() throws Exception {
    JsonNode gardefou = JsonBodies.MAPPER.readTree(server.post("/v1/moderations",
            "{\"input\": \"a lighthouse\", \"gardefou\": {\"jurisdiction\": \"fr\"}}").body())
        .path("results").path(0).path("gardefou");

    assertThat(gardefou.path("jurisdiction").asText()).isEqualTo("FR");
    assertThat(gardefou.path("jurisdiction_source").asText()).isEqualTo("request");
    assertThat(gardefou.path("policy_version").asText()).contains("FR@").contains("EU@");
  }

  @Test
  void screensTextAndAnInlineImageInOneResultThroughTheOpenAiSdk() {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder()
        .inputOfModerationMultiModalArray(List.of(textPart("a lighthouse at dusk"), imagePart(TestImages.png(64, 3))))
        .build());

    Moderation result = response.validate().results().get(0);
    assertThat(response.results()).hasSize(1);
    assertThat(result.flagged()).isFalse();
    assertThat(result.categoryAppliedInputTypes().sexual()).extracting(Object::toString).containsExactly("text", "image");
    assertThat(result.categoryAppliedInputTypes().hate()).extracting(Object::toString).containsExactly("text");
  }

  @Test
  void anImageAloneAppliesOnlyToTheCategoriesAnImageDetectorScored() throws Exception {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder()
        .inputOfModerationMultiModalArray(List.of(imagePart(TestImages.png(48, 5))))
        .build());

    Moderation result = response.validate().results().get(0);
    assertThat(result.categoryAppliedInputTypes().sexual()).extracting(Object::toString).containsExactly("image");
    assertThat(result.categoryAppliedInputTypes().hate()).isEmpty();
    assertThat(result.categoryAppliedInputTypes().sexualMinors()).isEmpty();
  }

  @Test
  void theTextOfAMultimodalInputIsStillScreenedBesideItsImage() {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder()
        .inputOfModerationMultiModalArray(List.of(imagePart(TestImages.png(32, 1)), textPart("nude photo of a 12 year old")))
        .build());

    Moderation result = response.results().get(0);
    assertThat(result.flagged()).isTrue();
    assertThat(result.categories().sexualMinors()).isTrue();
    assertThat(result.categoryAppliedInputTypes().sexualMinors()).extracting(Object::toString).containsExactly("text");
  }

  @Test
  void theImagePartIsNamedInTheExplanationOfAnImageScore() throws Exception {
    String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(40, 2));
    var http = server.post("/v1/moderations", """
        {"input": [{"type": "text", "text": "a lighthouse"}, {"type": "image_url", "image_url": {"url": "%s"}}]}"""
        .formatted(dataUrl));

    assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
    JsonNode result = JsonBodies.MAPPER.readTree(http.body()).path("results").path(0);
    assertThat(result.path("category_applied_input_types").path("sexual").toString()).isEqualTo("[\"text\",\"image\"]");
    assertThat(result.path("gardefou").path("decision").asText()).isEqualTo("ALLOW");
  }

  @Test
  void anImageLargerThanTheJsonLimitIsAcceptedWithinTheImageLimit() throws Exception {
    byte[] png = noisePng(720);
    assertThat(png.length).isGreaterThan(io.gardefou.server.ServerConfig.DEFAULT_MAX_JSON_BYTES);
    String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);

    var http = server.post("/v1/moderations",
        "{\"input\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"" + dataUrl + "\"}}]}");

    assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
  }

  /** A PNG of random pixels, which does not compress: about 3 bytes a pixel. */
  private static byte[] noisePng(int side) throws java.io.IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(11);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static ModerationMultiModalInput textPart(String text) {
    return ModerationMultiModalInput.ofText(ModerationTextInput.builder().text(text).build());
  }

  private static ModerationMultiModalInput imagePart(byte[] png) {
    return ModerationMultiModalInput.ofImageUrl(ModerationImageUrlInput.builder()
        .imageUrl(ModerationImageUrlInput.ImageUrl.builder()
            .url("data:image/png;base64," + Base64.getEncoder().encodeToString(png))
            .build())
        .build());
  }

  private static Moderation moderate(String text) {
    ModerationCreateResponse response = openai.moderations().create(ModerationCreateParams.builder().input(text).build());
    assertThat(response.results()).hasSize(1);
    return response.results().get(0);
  }
}
