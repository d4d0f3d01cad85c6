package io.gardefou.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Category;
import io.gardefou.model.Operation;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuiteCasesTest {
  @Test
  void loadsEveryJsonLinesFileAsTheSuiteDataset() throws IOException {
    CaseSet suite = SuiteCases.load(Fixtures.resource("suite"));

    assertThat(suite.cases()).extracting(EvalCase::id)
        .containsExactly("min-001", "min-002", "min-003", "ncii-001", "ncii-002", "ncii-003");
    assertThat(suite.cases()).extracting(EvalCase::dataset).containsOnly(SuiteCases.DATASET);
  }

  @Test
  void loadsTheHeldOutSetUnderItsOwnDatasetName() throws IOException {
    CaseSet holdout = SuiteCases.load(Fixtures.resource("suite"), SuiteCases.HOLDOUT);

    assertThat(holdout.cases()).hasSize(6).extracting(EvalCase::dataset).containsOnly(SuiteCases.HOLDOUT);
    assertThat(holdout.sources()).singleElement().extracting(SourceStats::dataset).isEqualTo(SuiteCases.HOLDOUT);
  }

  @Test
  void readsOperationLanguageAndExpectationIncludingHardBenignCases() throws IOException {
    Map<String, EvalCase> byId = byId();

    assertThat(byId.get("min-002").lang()).isEqualTo("fr");
    assertThat(byId.get("min-001").expected()).isEqualTo(Expectation.block(Category.SEXUAL_MINORS));
    assertThat(byId.get("min-003").expected()).isEqualTo(Expectation.allowNear(Category.SEXUAL_MINORS));
    assertThat(byId.get("ncii-001").operation()).isEqualTo(Operation.EDIT);
    assertThat(byId.get("ncii-001").expected()).isEqualTo(Expectation.block(Category.SEXUAL_NON_CONSENSUAL));
    assertThat(byId.get("ncii-003").expected()).isEqualTo(Expectation.allow());
  }

  @Test
  void countsMalformedLinesDuplicateIdsAndUnmappedCategories() throws IOException {
    SourceStats stats = SuiteCases.load(Fixtures.resource("suite")).sources().getFirst();

    assertThat(stats.rows()).isEqualTo(11);
    assertThat(stats.loaded()).isEqualTo(6);
    assertThat(stats.skipped()).isEqualTo(Map.of("other_unsafe", 1));
    assertThat(stats.malformed()).isEqualTo(4);
    assertThat(String.join("\n", stats.problems()))
        .contains("minors.jsonl line 5", "minors.jsonl line 6: not JSON", "duplicate id min-001",
            "nonconsensual.jsonl line 5: lang")
        .doesNotContain("a duplicate id", "bad language tag");
  }

  private static Map<String, EvalCase> byId() throws IOException {
    return SuiteCases.load(Fixtures.resource("suite")).cases().stream()
        .collect(Collectors.toMap(EvalCase::id, c -> c));
  }
}
