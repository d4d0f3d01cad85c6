package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted BlazeFace and the rebuilt AgeGenderNet, run by ONNX Runtime, agree with the originals under Node:
 * BlazeFace loaded by tfjs's GraphModel, AgeGenderNet run by face-api's own code. Expected values:
 * {@code faces-reference.json}, written by {@code src/test/node/faces-reference.mjs} on the patterns of
 * {@link SyntheticPatterns}.
 */
class FaceParityTest {
  private static final double TOLERANCE = 1e-4;
  private static JsonNode reference;
  private static BlazeFace blazeFace;
  private static AgeEstimator ages;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = FaceParityTest.class.getResourceAsStream("faces-reference.json")) {
      reference = JsonMapper.builder().build().readTree(in);
    }
    blazeFace = BlazeFace.create();
    ages = AgeEstimator.create();
  }

  @AfterAll
  static void close() throws Exception {
    blazeFace.close();
    ages.close();
  }

  /**
   * Logits reach -500 and box regressors 100 (pixels of the 256 input), where float32 spacing alone is 3e-5 to
   * 6e-5, so the raw values are compared relative to their size: |actual - expected| <= 1e-4 * max(1, |expected|).
   * What the decoder uses is compared absolutely: scores (sigmoid) and coordinates as fractions of the input.
   */
  @Test
  void convertedBlazeFaceMatchesTfjsRawOutputs() throws Exception {
    List<String> report = new ArrayList<>();
    double worst = 0;
    double worstDecoded = 0;
    for (JsonNode testCase : reference.path("blazeface")) {
      String pattern = testCase.path("pattern").asText();
      Map<String, float[]> actual = blazeFace.run(BlazeFace.normalize(
          SyntheticPatterns.pattern(pattern, BlazeFace.SIZE, BlazeFace.SIZE)));
      assertThat(actual.keySet()).containsExactlyInAnyOrder("Identity", "Identity_1", "Identity_2", "Identity_3");
      double diff = 0;
      double relative = 0;
      double decoded = 0;
      for (Map.Entry<String, float[]> output : actual.entrySet()) {
        JsonNode expected = testCase.path("outputs").path(output.getKey()).path("values");
        boolean logits = expected.size() < 1000;
        assertThat(output.getValue()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          double e = expected.get(i).asDouble();
          double a = output.getValue()[i];
          diff = Math.max(diff, Math.abs(a - e));
          relative = Math.max(relative, Math.abs(a - e) / Math.max(1, Math.abs(e)));
          decoded = Math.max(decoded, logits ? Math.abs(sigmoid(a) - sigmoid(e)) : Math.abs(a - e) / BlazeFace.SIZE);
        }
      }
      worst = Math.max(worst, relative);
      worstDecoded = Math.max(worstDecoded, decoded);
      report.add(String.format(java.util.Locale.ROOT, "%s max abs diff %.2e, relative %.2e, decoded %.2e", pattern,
          diff, relative, decoded));
    }
    System.out.println("blazeface parity: " + String.join("; ", report));
    assertThat(report).hasSize(3);
    assertThat(worst).as(String.join("\n", report)).isLessThanOrEqualTo(TOLERANCE);
    assertThat(worstDecoded).as(String.join("\n", report)).isLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void rebuiltAgeGenderNetMatchesFaceApi() throws Exception {
    List<String> report = new ArrayList<>();
    double worst = 0;
    for (JsonNode testCase : reference.path("ageGender")) {
      String pattern = testCase.path("pattern").asText();
      AgeEstimator.Estimate actual = ages.run(AgeEstimator.normalize(
          SyntheticPatterns.pattern(pattern, AgeEstimator.SIZE, AgeEstimator.SIZE)));
      double diff = Math.max(Math.abs(actual.age() - testCase.path("age").asDouble()),
          Math.max(Math.abs(actual.male() - testCase.path("gender").get(0).asDouble()),
              Math.abs(1 - actual.male() - testCase.path("gender").get(1).asDouble())));
      worst = Math.max(worst, diff);
      report.add(String.format(java.util.Locale.ROOT, "%s age %.4f max abs diff %.2e", pattern, actual.age(), diff));
    }
    System.out.println("age-gender parity: " + String.join("; ", report));
    assertThat(report).hasSize(4);
    assertThat(worst).as(String.join("\n", report)).isLessThanOrEqualTo(TOLERANCE);
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
