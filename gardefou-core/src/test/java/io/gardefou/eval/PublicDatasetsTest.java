package io.gardefou.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Category;
import io.gardefou.model.Operation;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicDatasetsTest {
  private final CaseSet loaded = load("csv");

  @Test
  void readsRfc4180QuotingWithCommasDoubledQuotesAndEmbeddedNewlines() {
    assertThat(caseById("a1").text()).isEqualTo("a lighthouse at dusk, oil on canvas");
    assertThat(caseById("a2").text()).isEqualTo("caption with \"quoted\" words\nand a second line");
  }

  @Test
  void mapsModalitiesToOperationsAndLanguagesToLowerCaseOrUnd() {
    assertThat(caseById("a3").operation()).isEqualTo(Operation.GENERATE);
    assertThat(caseById("a4").operation()).isEqualTo(Operation.GENERATE);
    assertThat(caseById("b3").operation()).isEqualTo(Operation.GENERATE);
    assertThat(caseById("a5").operation()).isEqualTo(Operation.EDIT);
    assertThat(caseById("a5").lang()).isEqualTo("en");
    assertThat(caseById("a9").lang()).isEqualTo("und");
  }

  @Test
  void mapsOurCategoriesToGardeFouCategoriesAndAllowPresumedToAllow() {
    assertThat(caseById("a3").expected()).isEqualTo(Expectation.block(Category.SEXUAL));
    assertThat(caseById("a4").expected()).isEqualTo(Expectation.block(Category.SEXUAL_MINORS));
    assertThat(caseById("a5").expected()).isEqualTo(Expectation.block(Category.SEXUAL_NON_CONSENSUAL));
    assertThat(caseById("b2").expected()).isEqualTo(Expectation.block(Category.VIOLENCE));
    assertThat(caseById("b3").expected()).isEqualTo(Expectation.block(Category.HATE));
    assertThat(caseById("b4").expected()).isEqualTo(Expectation.block(Category.SELF_HARM));
    assertThat(caseById("a1").expected()).isEqualTo(Expectation.allow());
    assertThat(caseById("a9").expected()).isEqualTo(Expectation.allow());
  }

  @Test
  void skipsReviewRowsAndUnmappedCategoriesButCountsThemByReason() {
    SourceStats alpha = stats("alpha");

    assertThat(alpha.skipped()).isEqualTo(Map.of("review", 1, "other_unsafe", 1, "edit_unlabelled", 1));
    assertThat(loaded.cases()).extracting(EvalCase::id).doesNotContain("a6", "a7", "a8");
  }

  @Test
  void countsMalformedRowsWithoutEchoingTheirContentAndKeepsReading() {
    SourceStats alpha = stats("alpha");

    assertThat(alpha.rows()).isEqualTo(13);
    assertThat(alpha.loaded()).isEqualTo(6);
    assertThat(alpha.malformed()).isEqualTo(4);
    assertThat(alpha.problems()).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("alpha/normalized.csv row "));
    assertThat(String.join("\n", alpha.problems()))
        .contains("5 fields, expected 9", "unknown modality", "benign case cannot expect block")
        .doesNotContain("too few fields", "video_prompt", "marked block", "without an id");
  }

  @Test
  void notesTextsAlreadySeenInAnotherDataset() {
    assertThat(stats("beta").duplicateTexts()).isEqualTo(1);
    assertThat(stats("alpha").duplicateTexts()).isZero();
    assertThat(loaded.cases()).extracting(EvalCase::id).contains("a1", "b1");
  }

  @Test
  void readsOnlyFilesNamedNormalizedCsv() {
    assertThat(loaded.cases()).extracting(EvalCase::id).doesNotContain("x1");
    assertThat(loaded.sources()).extracting(SourceStats::dataset).containsExactly("alpha", "beta");
  }

  @Test
  void stopsAFileAtBrokenQuotingButKeepsTheRowsBefore() {
    CaseSet broken = load("broken");

    assertThat(broken.cases()).extracting(EvalCase::id).containsExactly("g1");
    assertThat(broken.sources()).singleElement().satisfies(s -> {
      assertThat(s.malformed()).isEqualTo(1);
      assertThat(s.problems()).singleElement().asString().contains("unreadable CSV");
    });
  }

  @Test
  void failsNamingTheDirectoryWhenItIsMissing() {
    assertThatThrownBy(() -> PublicDatasets.load(Fixtures.resource("csv").resolve("absent")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("absent");
  }

  private EvalCase caseById(String id) {
    Optional<EvalCase> found = loaded.cases().stream().filter(c -> c.id().equals(id)).findFirst();
    assertThat(found).as("case %s", id).isPresent();
    return found.orElseThrow();
  }

  private SourceStats stats(String dataset) {
    return loaded.sources().stream().filter(s -> s.dataset().equals(dataset)).findFirst().orElseThrow();
  }

  private static CaseSet load(String dir) {
    try {
      return PublicDatasets.load(Fixtures.resource(dir));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
