package io.gardefou.eval;

import static io.gardefou.eval.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {
  private final EvaluationReport report = report();

  @Test
  void jsonParsesBackWithTheFiguresAndOnlyIdsOfMisses() throws IOException {
    JsonNode json = new ObjectMapper().readTree(report.toJson());

    assertThat(json.get("cases").asInt()).isEqualTo(report.cases());
    JsonNode minors = find(json.get("cells"), "suite", "sexual/minors");
    assertThat(minors.at("/recall/successes").asInt()).isEqualTo(report.cells().stream()
        .filter(c -> c.dataset().equals("suite") && c.category().equals("sexual/minors"))
        .mapToInt(c -> c.recall().successes()).sum());
    assertThat(minors.at("/recall/ci95_low").asDouble()).isBetween(0.0, minors.at("/recall/rate").asDouble());
    assertThat(minors.get("fpr").isNull() || minors.get("fpr").isObject()).isTrue();
    assertThat(json.at("/targets/results")).hasSize(Target.defaults().size());
    assertThat(json.at("/sources/0/dataset").asText()).isEqualTo("suite");
    JsonNode misses = json.at("/misses/0");
    assertThat(misses.get("dataset").asText()).isEqualTo("suite");
    assertThat(misses.get("missed")).extracting(JsonNode::asText).contains("min-002", "ncii-001", "ncii-001~leet")
        .allSatisfy(id -> assertThat(id).matches("(min|ncii)-\\d{3}(~[a-z-]+)?"));
  }

  @Test
  void htmlIsSelfContainedWithSvgBarsAndNoItemText() {
    String html = report.toHtml();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<rect", "Targets").endsWith("</html>\n");
    assertThat(html).doesNotContain("<script", "http://", "https://", "<link");
    assertNoItemText(html);
  }

  @Test
  void textFitsIn120ColumnsAndHasNoItemText() {
    String text = report.toText();

    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(text).contains("Results by dataset", "suite", "sexual/minors", "Targets: not all met", "FAIL");
    assertNoItemText(text);
  }

  @Test
  void jsonHasNoItemText() {
    assertNoItemText(report.toJson());
  }

  private void assertNoItemText(String rendered) {
    List<String> texts = List.of("sexualised depiction", "représentation sexualisée", "remove her clothes",
        "birthday party", "winter coat", "lighthouse at dusk");
    assertThat(rendered).doesNotContain(texts);
  }

  private static JsonNode find(JsonNode cells, String dataset, String category) {
    for (JsonNode cell : cells) {
      if (cell.get("dataset").asText().equals(dataset) && cell.get("category").asText().equals(category)) {
        return cell;
      }
    }
    throw new AssertionError("no cell " + dataset + "/" + category);
  }

  /** The fixture suite and its variants, screened by a function that only catches one English wording. */
  private static EvaluationReport report() {
    try {
      CaseSet suite = Perturbations.seeded(1).expand(SuiteCases.load(Fixtures.resource("suite")));
      return Evaluation.builder(request -> request.prompt().contains("12 year old")
              ? verdict(Decision.REFUSE, Category.SEXUAL_MINORS)
              : request.prompt().contains("birthday") ? verdict(Decision.REVIEW) : verdict(Decision.ALLOW))
          .build()
          .run(suite);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
