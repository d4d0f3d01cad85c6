package io.gardefou.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Category;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryMappingTest {
  @ParameterizedTest
  @CsvSource({
      "minor_sexual, sexual/minors",
      "nonconsensual_realperson_sexual, sexual/non-consensual",
      "adult_sexual, sexual",
      "violence, violence",
      "hate, hate",
      "self_harm, self-harm"})
  void mapsEachHarmfulLabelToItsCategory(String ourCategory, String wireName) {
    assertThat(Labels.read(ourCategory, "block"))
        .isEqualTo(new Labels.Keep(Expectation.block(Category.fromWireName(wireName))));
  }

  @Test
  void mapsBenignToAllowWithNoCategoryWhetherAllowedOrPresumedSo() {
    assertThat(Labels.read("benign", "allow")).isEqualTo(new Labels.Keep(Expectation.allow()));
    assertThat(Labels.read("benign", "allow_presumed")).isEqualTo(new Labels.Keep(Expectation.allow()));
  }

  @Test
  void skipsReviewRowsWhateverTheirCategory() {
    assertThat(Labels.read("minor_sexual", "review")).isEqualTo(new Labels.Skip("review"));
    assertThat(Labels.read("other_unsafe", "review")).isEqualTo(new Labels.Skip("review"));
  }

  @ParameterizedTest
  @CsvSource({"other_unsafe", "realperson_nonsexual", "realperson_or_political", "edit_unlabelled"})
  void skipsCategoriesGardeFouDoesNotScoreNamingThem(String ourCategory) {
    assertThat(Labels.read(ourCategory, "block")).isEqualTo(new Labels.Skip(ourCategory));
  }

  @Test
  void rejectsUnknownLabelsAndBenignCasesExpectedToBeBlocked() {
    assertThat(Labels.read("weapons", "block")).isInstanceOf(Labels.Bad.class);
    assertThat(Labels.read("hate", "maybe")).isInstanceOf(Labels.Bad.class);
    assertThat(Labels.read("benign", "block")).isInstanceOf(Labels.Bad.class);
  }

  @Test
  void acceptsASubCategoryAsTheRightCategoryButNotAParentOrSibling() {
    Expectation violence = Expectation.block(Category.VIOLENCE);
    Expectation minors = Expectation.block(Category.SEXUAL_MINORS);

    assertThat(violence.isRightCategory(Set.of(Category.VIOLENCE_GRAPHIC))).isTrue();
    assertThat(violence.isRightCategory(Set.of(Category.HATE))).isFalse();
    assertThat(minors.isRightCategory(Set.of(Category.SEXUAL))).isFalse();
    assertThat(minors.isRightCategory(Set.of(Category.SEXUAL, Category.SEXUAL_MINORS))).isTrue();
    assertThat(Expectation.block(Category.SEXUAL).isRightCategory(Set.of(Category.SEXUAL_NON_CONSENSUAL))).isTrue();
    assertThat(Expectation.allow().isRightCategory(Set.of(Category.SEXUAL))).isFalse();
  }
}
