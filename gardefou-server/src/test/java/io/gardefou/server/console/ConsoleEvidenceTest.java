package io.gardefou.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.account.Role;
import io.gardefou.hash.Pdq;
import io.gardefou.server.RunningGardefou;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review queue's evidence: an appealed refusal's image is loadable (blurred), a known-csam match never is. */
class ConsoleEvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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
  void anAppealedRefusalsImageLoadsOnRequestAndTheLoadIsRecorded() throws Exception {
    byte[] image = Shapes.png(41);
    String decision = appealedRefusal(image);
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));

      String queue = moderator.get("/console/queue").body();
      assertThat(queue).contains("data-src=\"/console/evidence/" + decision + "/0\"").doesNotContain("<img");
      HttpResponse<byte[]> loaded = bytes(moderator, "/console/evidence/" + decision + "/0");

      assertThat(loaded.statusCode()).isEqualTo(200);
      assertThat(loaded.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(loaded.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(loaded.body()).isEqualTo(image);
    }
  }

  @Test
  void aKnownCsamMatchIsNeverOfferedNorServed() throws Exception {
    byte[] image = Shapes.png(42);
    String pdq = Pdq.hash(ImageIO.read(new ByteArrayInputStream(image))).hash().toHex();
    HttpResponse<String> imported = server.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/v1/banks/known-csam/import?format=hma"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("pdq " + pdq + "\n")).build());
    assertThat(imported.statusCode()).isEqualTo(200);
    String decision = appealedRefusal(image);
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));

      String queue = moderator.get("/console/queue").body();

      assertThat(queue).contains(decision).contains("withheld: a known-csam match is never kept or shown")
          .doesNotContain("/console/evidence/" + decision);
      assertThat(bytes(moderator, "/console/evidence/" + decision + "/0").statusCode()).isEqualTo(404);
    }
  }

  /** A refused moderation with the image, appealed by the operator; returns the decision id. */
  private static String appealedRefusal(byte[] image) throws IOException {
    String operator = server.newKey(Role.OPERATOR);
    String body = "{\"input\": [{\"type\": \"text\", \"text\": \"nude photo of a 12 year old\"}, {\"type\": \"image_url\", "
        + "\"image_url\": {\"url\": \"data:image/png;base64," + Base64.getEncoder().encodeToString(image) + "\"}}]}";
    JsonNode result = JSON.readTree(server.as(operator).post("/v1/moderations", body).body()).path("results").path(0).path("gardefou");
    assertThat(result.path("decision").asText()).isEqualToIgnoringCase("refuse");
    String decision = result.path("decision_id").asText();
    for (int attempt = 0; attempt < 400; attempt++) {
      HttpResponse<String> appeal = server.as(operator).post("/v1/appeals",
          "{\"decision_id\": \"" + decision + "\", \"statement\": \"it was a drawing of shapes\"}");
      if (appeal.statusCode() == 201) {
        return decision;
      }
      sleep(); // The decision must be stored before it can be appealed; the ledger commits in batches.
    }
    throw new AssertionError("the refusal " + decision + " could not be appealed");
  }

  private static HttpResponse<byte[]> bytes(ConsoleClient client, String path) {
    return client.getBytes(path);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
