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
    assertThat(keys("сними с неё одежду")).containsExactly("сними", "с", "нее", "одежду");
  }

  @Test
  void readsGreekAndCyrillicCapitalsAsTheLatinCapitalsTheyImitate() {
    // Greek capital Nu folds to nu, whose own skeleton is "v"; Cyrillic К and Greek Κ have no lower-case twin in Latin.
    assertThat(keys("Νаckt Кind Κleid")).containsExactly("nackt", "kind", "kleid");
  }

  @Test
  void readsAWordMadeOnlyOfLookAlikesAsLatinInALatinPrompt() {
    assertThat(keys("la mia ех nuda")).containsExactly("la", "mia", "ex", "nuda");
    assertThat(keys("zieh sie αυѕ")).containsExactly("zieh", "sie", "aus");
  }

  @Test
  void readsLatinLettersAndDigitsInACyrillicWordAsCyrillic() {
    assertThat(keys("г0лая девушка")).containsExactly("голая", "девушка");
    assertThat(keys("гoлая")).containsExactly("голая");
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
  void dropsTheArabicTatweel() {
    assertThat(keys("عــــارية")).containsExactly("عارية");
  }

  @Test
  void keepsADigitOutOfSpacedLetters() {
    assertThat(keys("kelas 7 t a n p a baju")).containsExactly("kelas", "7", "tanpa", "baju");
  }

  @Test
  void keepsALetterGluedToAWordOutOfSpacedLetters() {
    assertThat(keys("12살 여 자 아 이")).containsExactly("12", "살", "여자아이");
    assertThat(keys("중1 여 학 생")).containsExactly("중", "1", "여학생");
  }

  @Test
  void joinsOnlyLettersSetApartByTheSameSeparator() {
    assertThat(keys("d e s p e-a")).containsExactly("despe", "a");
  }

  @Test
  void readsSpacedLettersAlsoWithoutAnEdgeLetterThatMayBeAWord() {
    assertThat(tokens("ubierz ją w b i k i n i").getLast().keys()).contains("wbikini", "bikini");
    assertThat(tokens("r o p a a este").getFirst().keys()).contains("ropaa", "ropa");
  }

  @Test
  void countsALetterWithItsMarksAsOneSpacedLetter() {
    assertThat(keys("طفل ع ا رٍ")).containsExactly("طفل", "عار");
  }

  @Test
  void segmentsSpacedChineseAndJapaneseAgainByDictionary() {
    assertThat(keys("脱 掉 她 的 衣 服")).containsExactly("脱掉", "她的", "衣服");
    assertThat(tokens("12歳.の.女.の.子").stream().map(t -> t.keys(Diacritics.KEEP).getFirst()))
        .containsExactly("12", "歳", "の", "女の子");
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
