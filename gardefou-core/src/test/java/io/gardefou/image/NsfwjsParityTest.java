package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted model, run by ONNX Runtime, agrees with the original nsfwjs under Node. Expected values:
 * {@code nsfwjs-reference.json}, written by {@code src/test/node/nsfwjs-reference.mjs} (nsfwjs 4.4.0,
 * tfjs 4.22.0 CPU backend) on the patterns of {@link SyntheticPatterns}.
 */
class NsfwjsParityTest {
  private static final double TOLERANCE = 1e-4;
  private static NudityClassifier classifier;

  @BeforeAll
  static void load() {
    classifier = NudityClassifier.create();
  }

  @AfterAll
  static void close() throws Exception {
    classifier.close();
  }

  @Test
  void convertedModelMatchesNsfwjsOnEverySyntheticInput() throws Exception {
    JsonNode reference;
    try (InputStream in = NsfwjsParityTest.class.getResourceAsStream("nsfwjs-reference.json")) {
      reference = JsonMapper.builder().build().readTree(in);
    }
    assertThat(reference.path("classes").toString()).isEqualTo("[\"Drawing\",\"Hentai\",\"Neutral\",\"Porn\",\"Sexy\"]");
    List<String> report = new ArrayList<>();
    double worst = 0;
    for (JsonNode testCase : reference.path("cases")) {
      String pattern = testCase.path("pattern").asText();
      int width = testCase.path("width").asInt();
      int height = testCase.path("height").asInt();
      double[] actual = classifier.classify(SyntheticPatterns.decoded(pattern, width, height)).toArray();
      double diff = 0;
      for (int i = 0; i < actual.length; i++) {
        diff = Math.max(diff, Math.abs(actual[i] - testCase.path("probabilities").get(i).asDouble()));
      }
      worst = Math.max(worst, diff);
      report.add(pattern + " " + width + "x" + height + " max abs diff " + diff);
    }
    System.out.println("nsfwjs parity: " + String.join("; ", report));
    assertThat(report).hasSize(6);
    assertThat(worst).as(String.join("\n", report)).isLessThanOrEqualTo(TOLERANCE);
  }
}
