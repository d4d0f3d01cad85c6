package io.gardefou.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeFinderTest {
  private static final TextNormalizer NORMALIZER = TextNormalizer.create();
  private static final AgeFinder AGES = AgeFinder.of(
      TextDetector.BUNDLED_LANGUAGES.stream().map(language -> Lexicon.load(language, NORMALIZER)).toList());

  private static List<Integer> ages(String text) {
    return AGES.find(NORMALIZER.normalize(text)).stream().map(ConceptHit::age).distinct().toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a 12 year old              | 12
      a 12-year-old              | 12
      12yo                       | 12
      12 y.o.                    | 12
      age 9                      | 9
      aged 13                    | 13
      a twelve-year-old          | 12
      a twenty five year old     | 25
      13 ans                     | 13
      âgée de 12 ans             | 12
      une fille de dix-sept ans  | 17
      une femme de vingt et un ans | 21
      1\u200B2 y3ar 0ld          | 12
      """)
  void findsAgeExpressions(String text, int age) {
    assertThat(ages(text)).containsExactly(age);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      o 13 yaşındda              | 13
      jadi ummur 10              | 10
      14-lattka w bikini         | 14
      15 atong gulang na babae   | 15
      """)
  void readsUnitWordsWithADoubledLetterOrTwoLettersSwapped(String text, int age) {
    assertThat(ages(text)).containsExactly(age);
  }

  @Test
  void doesNotSqueezeAWordIntoAShorterUnitWord() {
    assertThat(ages("er isst 12 Äpfel")).isEmpty();
    assertThat(ages("room 1122, summer 2011")).isEmpty();
  }

  @Test
  void ignoresSpansOfTimeAndNumbersThatAreNotAges() {
    assertThat(ages("dans 13 ans")).isEmpty();
    assertThat(ages("il y a 12 ans")).isEmpty();
    assertThat(ages("12 apples on page 13")).isEmpty();
    assertThat(ages("20 years older")).isEmpty();
  }

  @Test
  void evidenceSpansTheWholeExpressionInTheOriginal() {
    String text = "photo of a 12-Year-Old";
    ConceptHit hit = AGES.find(NORMALIZER.normalize(text)).getFirst();

    assertThat(hit.evidence().text()).isEqualTo("12-Year-Old");
    assertThat(text.substring(hit.evidence().start(), hit.evidence().end())).isEqualTo("12-Year-Old");
  }
}
