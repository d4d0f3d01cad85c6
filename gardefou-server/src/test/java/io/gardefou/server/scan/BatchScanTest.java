package io.gardefou.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.policy.TenantSettings;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.Gardefou;
import io.gardefou.server.RunningGardefou;
import io.gardefou.image.ImageDecoder;
import io.gardefou.model.Category;
import io.gardefou.model.InputImage;
import io.gardefou.model.Signals;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Detector;
import io.gardefou.image.ImageLimits;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Screener screener;

  @BeforeAll
  static void build() {
    screener = Gardefou.screener(RunningGardefou.TESTING, VerdictLog.discarding());
  }

  @AfterAll
  static void close() {
    screener.close();
  }

  @Test
  void writesOneVerdictPerLineInTheContractShape() throws Exception {
    List<JsonNode> out = scan("""
        {"id": "a", "text": "nude photo of a 12 year old", "op": "generate", "jurisdiction": "GB", "tier": "registered"}
        {"id": 2, "text": "a child building a sandcastle", "op": "generate"}
        """, new BatchScan.Summary(2, 0));

    JsonNode refused = out.get(0);
    assertThat(refused.path("id").asText()).isEqualTo("a");
    assertThat(refused.path("decision").asText()).isEqualTo("REFUSE");
    assertThat(refused.path("categories").toString()).contains("sexual/minors");
    assertThat(refused.path("scores").path("sexual/minors").asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(refused.path("rules").toString()).contains("refuse-sexual-minors");
    assertThat(refused.path("legal_basis").size()).isPositive();
    assertThat(refused.path("language").asText()).isEqualTo("en");

    JsonNode allowed = out.get(1);
    assertThat(allowed.path("id").asInt()).isEqualTo(2);
    assertThat(allowed.path("decision").asText()).isEqualTo("ALLOW");
    assertThat(allowed.path("categories").isEmpty()).isTrue();
  }

  @Test
  void indonesiaRefusesAdultContentCitingItsLawWhereTheUnitedStatesAllowsItForAVerifiedAdult() throws Exception {
    List<TenantSettings> optedIn =
        List.of(new TenantSettings(ScreeningRequest.DEFAULT_TENANT, true, Jurisdiction.global()));
    try (Screener adultTenant = Gardefou.screener(RunningGardefou.TESTING.withTenants(optedIn), VerdictLog.discarding())) {
      StringWriter written = new StringWriter();
      new BatchScan(adultTenant).run(new BufferedReader(new StringReader("""
          {"id": "id", "text": "a nude woman on a beach", "jurisdiction": "ID", "tier": "verified_adult"}
          {"id": "us", "text": "a nude woman on a beach", "jurisdiction": "US", "tier": "verified_adult"}
          """)), written);
      List<JsonNode> out = written.toString().lines().map(BatchScanTest::json).toList();

      assertThat(out.get(0).path("decision").asText()).isEqualTo("REFUSE");
      JsonNode hit = out.get(0).path("rule_hits").get(0);
      assertThat(hit.path("pack").asText()).isEqualTo("ID@2026.07.0");
      assertThat(hit.path("reason").asText()).isNotBlank();
      assertThat(hit.path("legal_basis").toString()).contains("UU 44/2008");
      assertThat(out.get(0).path("policy_version").asText()).startsWith("global@2026.07.0+ID@2026.07.0#");
      assertThat(out.get(1).path("decision").asText()).isEqualTo("ALLOW");
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBadLineYieldsAnErrorLineAndTheScanGoesOn() throws Exception {
    List<JsonNode> out = scan("""
        {"id": "broken", "text": "unclosed
        {"id": "no-text", "op": "edit"}
        {"id": "bad-place", "text": "hello", "jurisdiction": "Atlantis"}
        {"id": "bad-op", "text": "hello", "op": "print"}
        [1, 2]
        {"id": "fine", "text": "a lighthouse at dusk"}
        """, new BatchScan.Summary(1, 5));

    assertThat(out).hasSize(6);
    assertThat(out.get(0).path("error").asText()).contains("line 1").contains("not valid JSON");
    assertThat(out.get(1).path("id").asText()).isEqualTo("no-text");
    assertThat(out.get(1).path("error").asText()).contains("'text'");
    assertThat(out.get(2).path("error").asText()).contains("unknown jurisdiction");
    assertThat(out.get(3).path("error").asText()).contains("unknown operation");
    assertThat(out.get(4).path("error").asText()).contains("expected a JSON object");
    assertThat(out.get(5).path("decision").asText()).isEqualTo("ALLOW");
  }

  @Test
  void screensEditsAsEditsOfARealPhoto() throws Exception {
    List<JsonNode> out = scan("{\"id\": 1, \"text\": \"remove her clothes\", \"op\": \"edit\"}\n", new BatchScan.Summary(1, 0));

    assertThat(out.get(0).path("categories").toString()).contains("sexual/non-consensual");
    assertThat(out.get(0).path("decision").asText()).isEqualTo("REFUSE");
  }

  @Test
  void screensImagesNamedByPathsRelativeToTheInputOrAbsolute(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("pics"));
    byte[] one = png(24, Color.ORANGE);
    byte[] two = png(32, Color.BLUE);
    Files.write(dir.resolve("pics/one.png"), one);
    Path absolute = Files.write(dir.resolve("two.png"), two);
    List<ScreeningRequest> seen = new CopyOnWriteArrayList<>();
    try (Screener recording = Screener.builder()
        .detector(new Detector() {
          @Override public String name() {
            return "recording";
          }

          @Override public Set<Category> covers() {
            return Set.of();
          }

          @Override public boolean appliesTo(ScreeningRequest request) {
            return true;
          }

          @Override public Signals detect(ScreeningRequest request) {
            seen.add(request);
            return Signals.empty();
          }
        })
        .policy(PolicyPacks.bundled())
        .log(VerdictLog.discarding())
        .build()) {
      scan(new BatchScan(recording, Gardefou.imageDecoder(RunningGardefou.TESTING), dir), """
          {"id": "one", "text": "make the sky brighter", "op": "edit", "image": "pics/one.png"}
          {"id": "two", "text": "add a hat", "op": "edit", "images": ["pics/one.png", "%s"]}
          """.formatted(absolute.toString().replace("\\", "\\\\")), new BatchScan.Summary(2, 0));
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).images()).singleElement().satisfies(image -> {
      assertThat(image.name()).isEqualTo("pics/one.png");
      assertThat(image.bytes()).isEqualTo(one);
    });
    assertThat(seen.get(1).images()).extracting(InputImage::bytes).containsExactly(one, two);
  }

  @Test
  void theSharedScreenerJudgesAScannedImage(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("calm.png"), png(48, Color.CYAN));

    List<JsonNode> out = scan(new BatchScan(screener, Gardefou.imageDecoder(RunningGardefou.TESTING), dir),
        "{\"id\": 1, \"text\": \"make the sky brighter\", \"op\": \"edit\", \"image\": \"calm.png\"}\n",
        new BatchScan.Summary(1, 0));

    assertThat(out.get(0).path("decision").asText()).isEqualTo("ALLOW");
    assertThat(out.get(0).path("scores").path("sexual").asDouble()).isLessThan(0.5);
  }

  @Test
  void aMissingOrUndecodableImageIsAnErrorLineAndTheScanGoesOn(@TempDir Path dir) throws Exception {
    byte[] png = png(24, Color.GREEN);
    Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
    Files.writeString(dir.resolve("words.png"), "not an image");
    Files.write(dir.resolve("big.png"), new byte[4096]);
    BatchScan scan = new BatchScan(screener, ImageDecoder.create(new ImageLimits(2048, 1_000_000, 1, 4096)), dir);

    List<JsonNode> out = scan(scan, """
        {"id": 1, "text": "add a hat", "op": "edit", "image": "nowhere.png"}
        {"id": 2, "text": "add a hat", "op": "edit", "image": "truncated.png"}
        {"id": 3, "text": "add a hat", "op": "edit", "images": ["words.png"]}
        {"id": 4, "text": "add a hat", "op": "edit", "image": "big.png"}
        {"id": 5, "text": "add a hat", "op": "edit", "images": "words.png"}
        {"id": 6, "text": "a lighthouse at dusk"}
        """, new BatchScan.Summary(1, 5));

    assertThat(out.get(0).path("error").asText()).contains("line 1").contains("nowhere.png").contains("not found");
    assertThat(out.get(1).path("error").asText()).contains("image_corrupt");
    assertThat(out.get(2).path("error").asText()).contains("image_unsupported_format");
    assertThat(out.get(3).path("error").asText()).contains("image_too_large");
    assertThat(out.get(4).path("error").asText()).contains("'images' must be an array");
    assertThat(out.get(5).path("decision").asText()).isEqualTo("ALLOW");
  }

  private static byte[] png(int side, Color color) throws Exception {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, side, side);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static List<JsonNode> scan(String input, BatchScan.Summary expected) throws Exception {
    return scan(new BatchScan(screener), input, expected);
  }

  private static List<JsonNode> scan(BatchScan scan, String input, BatchScan.Summary expected) throws Exception {
    StringWriter out = new StringWriter();
    BatchScan.Summary summary = scan.run(new BufferedReader(new StringReader(input)), out);
    assertThat(summary).isEqualTo(expected);
    return out.toString().lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
  }
}
