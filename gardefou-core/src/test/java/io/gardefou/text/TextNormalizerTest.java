package io.gardefou.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private final TextNormalizer normalizer = TextNormalizer.create();

  private List<Token> tokens(String text) {
    return normalizer.normalize(text).tokens();
  }

  private List<String> keys(String text) {
    return tokens(text).stream().map(Token::key).toList();
  }

  @Test
  void mapsOffsetsBackToOriginalAcrossZeroWidthChars() {
    String original = "a nu\u200Bd\u200De photo";
    Token word = tokens(original).get(1);

    assertThat(word.key()).isEqualTo("nude");
    assertThat(original.substring(word.start(), word.end())).isEqualTo("nu\u200Bd\u200De");
  }

  @Test
  void dropsSoftHyphensBidiMarksAndVariationSelectors() {
    assertThat(keys("nu\u00ADde\uFE0F \u202Enaked\u202C")).containsExactly("nude", "naked");
  }

  @Test
  void readsCyrillicLookAlikesInLatinWordsAsLatin() {
    String original = "n\u0430k\u0435d";
    Token word = tokens(original).getFirst();

    assertThat(word.key()).isEqualTo("naked");
    assertThat(word.start()).isZero();
    assertThat(word.end()).isEqualTo(original.length());
  }

  @Test
  void leavesWordsWhollyInCyrillicAlone() {
    assertThat(keys("голая")).containsExactly("голая");
  }

  @Test
  void foldsFullwidthAndStripsAccentsButKeepsTheAccentedForm() {
    Token word = tokens("ＤÉSHABILLÉE").getFirst();

    assertThat(word.key()).isEqualTo("deshabillee");
    assertThat(word.keys(Diacritics.KEEP)).containsExactly("déshabillée");
  }

  @Test
  void joinsSpacedAndDottedLetters() {
    for (String spaced : List.of("n u d e", "n.u.d.e", "n - u - d - e", "N_U_D_E")) {
      List<Token> tokens = tokens(spaced + " photo");
      assertThat(tokens).extracting(Token::key).containsExactly("nude", "photo");
      assertThat(tokens.getFirst().end()).isEqualTo(spaced.length());
    }
  }

  @Test
  void leavesTwoSpacedLettersApart() {
    assertThat(keys("an x y plot")).containsExactly("an", "x", "y", "plot");
  }

  @Test
  void undoesLeetOnlyInWordsWithLetters() {
    List<Token> tokens = tokens("n4k3d 12 $exy n@ked");

    assertThat(tokens).extracting(Token::key).containsExactly("naked", "12", "sexy", "naked");
    assertThat(tokens.get(1).literal()).isEqualTo("12");
  }

  @Test
  void keepsTheLeadingNumberOfAnAgeButUndoesLeetAfterIt() {
    assertThat(tokens("12yo y3ar 0ld").stream().map(Token::literal)).containsExactly("12yo", "year", "old");
  }

  @Test
  void squeezesRepeatedLettersToTwoAndToOne() {
    assertThat(tokens("nuuuude").getFirst().keys()).containsExactly("nuude", "nude");
    assertThat(tokens("sheeeep").getFirst().keys()).contains("sheep");
    assertThat(tokens("1000").getFirst().keys()).containsExactly("1000");
  }

  @Test
  void splitsFrenchElisionsAndHyphenatedPronouns() {
    assertThat(keys("l'enfant déshabille-la")).containsExactly("l", "enfant", "deshabille", "la");
  }
}
