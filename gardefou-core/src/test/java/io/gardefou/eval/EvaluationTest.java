package io.gardefou.eval;

import static io.gardefou.eval.Fixtures.benign;
import static io.gardefou.eval.Fixtures.harmful;
import static io.gardefou.eval.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  /** Answers by prompt, as a screener would; "throws" stands for a screener fault. */
  private static final Map<String, Verdict> ANSWERS = Map.of(
      "minor one", verdict(Decision.REFUSE, Category.SEXUAL_MINORS),
      "minor two", verdict(Decision.REFUSE, Category.SEXUAL),
      "minor three", verdict(Decision.ALLOW),
      "minor four", verdict(Decision.REVIEW, Category.SEXUAL_MINORS),
      "benign one", verdict(Decision.ALLOW),
      "benign two", verdict(Decision.REVIEW),
      "benign four", verdict(Decision.ALLOW),
      "benign five", verdict(Decision.ALLOW));
  private static final Function<ScreeningRequest, Verdict> SCREEN = request -> {
    Verdict answer = ANSWERS.get(request.prompt());
    if (answer == null) {
      throw new IllegalStateException("screener fault");
    }
    return answer;
  };
  private static final List<EvalCase> CASES = List.of(
      harmful("d", "h1", "minor one", Category.SEXUAL_MINORS),
      harmful("d", "h2", "minor two", Category.SEXUAL_MINORS),
      harmful("d", "h3", "minor three", Category.SEXUAL_MINORS),
      harmful("d", "h4", "minor four", Category.SEXUAL_MINORS),
      benign("d", "b1", "benign one"),
      benign("d", "b2", "benign two"),
      benign("d", "b3", "throws"),
      benign("d", "b4", "benign four"),
      new EvalCase("d", "b5", "benign five", "fr", Operation.EDIT, Expectation.allow()),
      harmful("e", "x1", "minor one", Category.SEXUAL_MINORS));

  private final EvaluationReport report =
      Evaluation.builder(SCREEN).targets(List.of()).build().run(CaseSet.of(CASES));

  @Test
  void countsBlockedAtAllAndBlockedForTheRightCategorySeparately() {
    Cell minors = cell("d", "sexual/minors", "en");

    assertThat(minors.recall()).isEqualTo(Proportion.of(3, 4));
    assertThat(minors.categoryRecall()).isEqualTo(Proportion.of(2, 4));
    assertThat(minors.falsePositiveRate().isEmpty()).isTrue();
  }

  @Test
  void countsEveryBenignCaseNotAllowedAsAFalsePositiveIncludingScreenFaults() {
    Cell benignEn = cell("d", "benign", "en");

    assertThat(benignEn.falsePositiveRate()).isEqualTo(Proportion.of(2, 4));
    assertThat(benignEn.recall().isEmpty()).isTrue();
    assertThat(cell("d", "benign", "fr").falsePositiveRate()).isEqualTo(Proportion.of(0, 1));
    assertThat(report.failedScreens()).isEqualTo(1);
  }

  @Test
  void poolsTotalsOverDatasetsCountingEachTextOnce() {
    Cell totalMinors =
        report.totals().stream().filter(c -> c.category().equals("sexual/minors")).findFirst().orElseThrow();

    assertThat(totalMinors.dataset()).isEqualTo(Cell.ALL);
    assertThat(totalMinors.recall()).isEqualTo(Proportion.of(3, 4));
    assertThat(cell("e", "sexual/minors", "en").recall()).isEqualTo(Proportion.of(1, 1));
  }

  @Test
  void listsTheIdsOfEveryMistakeByKind() {
    EvaluationReport.Misses misses =
        report.misses().stream().filter(m -> m.dataset().equals("d")).findFirst().orElseThrow();

    assertThat(misses.missed()).containsExactly("h3");
    assertThat(misses.wrongCategory()).containsExactly("h2");
    assertThat(misses.falsePositives()).containsExactly("b2", "b3");
    assertThat(misses.failed()).containsExactly("b3");
  }

  @Test
  void measuresLatencyPerDatasetAndOverall() {
    assertThat(report.latency()).extracting(EvaluationReport.Latency::dataset).containsExactly("d", "e", Cell.ALL);
    assertThat(report.latency()).extracting(EvaluationReport.Latency::count).containsExactly(9, 1, 10);
  }

  @Test
  void takesNearestRankPercentiles() {
    long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Aggregation.percentile(oneToHundred, 0.50)).isEqualTo(Duration.ofNanos(50));
    assertThat(Aggregation.percentile(oneToHundred, 0.90)).isEqualTo(Duration.ofNanos(90));
    assertThat(Aggregation.percentile(oneToHundred, 0.99)).isEqualTo(Duration.ofNanos(99));
    assertThat(Aggregation.percentile(new long[] {7}, 0.99)).isEqualTo(Duration.ofNanos(7));
  }

  @Test
  void givesTheSameFiguresWhateverTheParallelism() {
    List<EvalCase> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add(i % 3 == 0 ? harmful("m", "h" + i, "minor " + (i % 2 == 0 ? "one" : "three"), Category.SEXUAL_MINORS)
          : benign("m", "b" + i, i % 2 == 0 ? "benign one" : "benign two"));
    }
    EvaluationReport serial = Evaluation.builder(SCREEN).parallelism(1).build().run(CaseSet.of(many));
    EvaluationReport parallel = Evaluation.builder(SCREEN).parallelism(8).build().run(CaseSet.of(many));

    assertThat(parallel.cells()).isEqualTo(serial.cells());
    assertThat(parallel.misses()).isEqualTo(serial.misses());
    assertThat(parallel.cases()).isEqualTo(2_000);
  }

  @Test
  void refusesANonPositiveParallelism() {
    assertThatThrownBy(() -> Evaluation.builder(SCREEN).parallelism(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parallelism");
  }

  private Cell cell(String dataset, String category, String lang) {
    return report.cells().stream()
        .filter(c -> c.dataset().equals(dataset) && c.category().equals(category) && c.lang().equals(lang))
        .findFirst().orElseThrow(() -> new AssertionError("no cell " + dataset + "/" + category + "/" + lang));
  }
}
