package io.gardefou.eval;

import static io.gardefou.eval.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loads the real shared evaluation data, when it sits next to the checkout, and runs a trivial screen over it:
 * a check that every dataset reads cleanly, not a measure of Garde-fou. Skipped in a fresh clone.
 */
class SharedPublicDataTest {
  @Test
  void everySharedDatasetLoadsWithAPlausibleRowCountAndNoMalformedRows() throws IOException {
    Optional<Path> dir = sharedData();
    assumeTrue(dir.isPresent(), "no ../shared/eval/external next to this checkout; skipping the real-data check");

    CaseSet loaded = PublicDatasets.load(dir.get());

    assertThat(loaded.sources()).extracting(SourceStats::dataset).contains(
        "adversarial-nibbler", "coco-30k-captions", "edit-instructions-complexbench", "edit-instructions-ggip2p",
        "i2p", "id-multilabel-hatespeech", "multijail", "multilingual-hatecheck", "openai-moderation-eval",
        "partiprompts", "rece-eval-prompts", "ring-a-bell", "six-cd", "unlearndiffatk-nudity");
    assertThat(loaded.sources()).allSatisfy(source -> {
      assertThat(source.malformed()).as("%s malformed rows: %s", source.dataset(), source.problems()).isZero();
      assertThat(source.rows()).as(source.dataset()).isGreaterThanOrEqualTo(100);
      assertThat(source.loaded()).as(source.dataset()).isPositive();
      assertThat(source.loaded() + source.skippedTotal()).as(source.dataset()).isEqualTo(source.rows());
    });
    assertThat(loaded.cases()).hasSizeGreaterThan(30_000);

    EvaluationReport report = Evaluation.builder(request -> request.prompt().toLowerCase(Locale.ROOT).contains("nude")
            ? verdict(Decision.REFUSE, Category.SEXUAL) : verdict(Decision.ALLOW))
        .build()
        .run(loaded);

    assertThat(report.cases()).isEqualTo(loaded.cases().size());
    assertThat(report.failedScreens()).isZero();
    assertThat(report.check(Target.defaults()).results()).filteredOn(r -> !r.target().dataset().equals(SuiteCases.DATASET) && !r.target().dataset().equals(SuiteCases.HOLDOUT))
        .allSatisfy(r -> assertThat(r.status()).as(r.target().describe()).isNotEqualTo(TargetCheck.Status.NO_DATA));
  }

  /** The shared data sits beside the repository: walk up from the working directory (Maven uses the module's). */
  private static Optional<Path> sharedData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("eval").resolve("external");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
