package io.gardefou.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps look-alike letters between Latin, Cyrillic and Greek inside words that mix them.
 *
 * <p>Why not the full UTS #39 skeleton on the whole text: it also maps digits to letters ({@code 1→l}), Latin
 * letters to other Latin sequences ({@code m→rn}) and every Cyrillic word, which would destroy age expressions
 * and the Russian lexicon. Instead the tables are derived once from ICU's skeletons, keeping only single Cyrillic,
 * Greek or non-ASCII Latin letters whose skeleton is one or more plain ASCII letters, and they apply only where a
 * word mixes scripts, the spoofing signal of UTS #39 §5.1: a word whose Cyrillic and Greek letters are all
 * look-alikes gets Latin ones ("nаkеd"), a word with a Cyrillic letter that has no Latin twin gets Cyrillic ones
 * ("гoлая"). A word made only of look-alikes ("ех", "αυѕ") is read as Latin when the prompt is mostly Latin.
 * Capitals are looked up as capitals, since the prompt is case folded first and Greek "Ν" folds to "ν", whose
 * skeleton is "v".
 */
final class Confusables {
  private static final Map<Integer, String> TO_LATIN = buildTable(false);
  /** Keyed by the case-folded letter, for letters that were capitals in the prompt (Ν → n, К → k). */
  private static final Map<Integer, String> CAPITALS_TO_LATIN = buildTable(true);
  private static final Map<Integer, Integer> TO_CYRILLIC = cyrillicTable();

  private Confusables() {}

  /**
   * The word with its look-alike letters replaced by Latin ones when all its Cyrillic and Greek letters are
   * look-alikes and it has Latin letters too, or the prompt is Latin; else the word itself. {@code capitals} marks
   * the chars that were capitals, or is null.
   */
  static String toLatin(String word, boolean latinPrompt, BitSet capitals) {
    boolean latin = false;
    boolean foreign = false;
    boolean latinLookAlike = false;
    boolean allLookAlikes = true;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int script = UScript.getScript(cp);
      if (script == UScript.LATIN) {
        latin = true;
        latinLookAlike |= cp >= 0x80 && TO_LATIN.containsKey(cp);
      } else if (script == UScript.CYRILLIC || script == UScript.GREEK) {
        foreign = true;
        allLookAlikes &= lookAlike(cp, capitals != null && capitals.get(i));
      }
      i += Character.charCount(cp);
    }
    boolean disguised = foreign && allLookAlikes && (latin || latinPrompt);
    if (!latinLookAlike && !disguised) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      String latinForm = capitals != null && capitals.get(i) && CAPITALS_TO_LATIN.containsKey(cp)
          ? CAPITALS_TO_LATIN.get(cp) : TO_LATIN.get(cp);
      boolean apply = latinForm != null && (UScript.getScript(cp) == UScript.LATIN || disguised);
      out.append(apply ? latinForm : Character.toString(cp));
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * The word with its Latin letters replaced by Cyrillic look-alikes when it also holds a Cyrillic letter that has
   * no Latin twin, so is Cyrillic ("гoлая"); else the word itself.
   */
  static String toCyrillic(String word) {
    boolean latin = false;
    boolean cyrillic = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int script = UScript.getScript(cp);
      if (script == UScript.LATIN) {
        latin = true;
        if (!TO_CYRILLIC.containsKey(cp)) {
          return word;
        }
      }
      cyrillic |= script == UScript.CYRILLIC && !TO_LATIN.containsKey(cp);
      i += Character.charCount(cp);
    }
    if (!latin || !cyrillic) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    word.codePoints().forEach(cp -> out.appendCodePoint(TO_CYRILLIC.getOrDefault(cp, cp)));
    return out.toString();
  }

  /** Whether the text has more Latin letters than Cyrillic and Greek ones that are not look-alikes. */
  static boolean mostlyLatin(String text) {
    int balance = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        balance += Character.isLetter(c) ? 1 : 0;
      } else if (Character.isLetter(c)) {
        int script = UScript.getScript(c);
        balance += script == UScript.LATIN ? 1
            : (script == UScript.CYRILLIC || script == UScript.GREEK) && !TO_LATIN.containsKey((int) c) ? -1 : 0;
      }
    }
    return balance > 0;
  }

  private static boolean lookAlike(int cp, boolean capital) {
    return TO_LATIN.containsKey(cp) || (capital && CAPITALS_TO_LATIN.containsKey(cp));
  }

  private static Map<Integer, String> buildTable(boolean capitals) {
    SpoofChecker checker = new SpoofChecker.Builder().build();
    String cased = capitals ? "[:Uppercase:]" : "[:Lowercase:]";
    String scripts = capitals ? "[[:Script=Cyrillic:][:Script=Greek:]]" : "[[:Script=Cyrillic:][:Script=Greek:][:Script=Latin:]]";
    UnicodeSet candidates = new UnicodeSet("[" + scripts + " & " + cased + " & [:L:]]").freeze();
    Map<Integer, String> table = new HashMap<>();
    for (UnicodeSetIterator it = new UnicodeSetIterator(candidates); it.next(); ) {
      int cp = it.codepoint;
      if (cp < 0x80) {
        continue;
      }
      // UTS #39 §4: the skeleton maps each character to its prototype in confusables.txt.
      String skeleton = UCharacter.toLowerCase(Locale.ROOT, checker.getSkeleton(Character.toString(cp)));
      if (skeleton.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        table.put(capitals ? UCharacter.foldCase(cp, true) : cp, skeleton);
      }
    }
    return Map.copyOf(table);
  }

  /** Single Latin letters and the lower-case Cyrillic letter whose skeleton they are (o → о, p → р). */
  private static Map<Integer, Integer> cyrillicTable() {
    Map<Integer, Integer> table = new HashMap<>();
    TO_LATIN.forEach((cp, latin) -> {
      if (UScript.getScript(cp) == UScript.CYRILLIC && latin.length() == 1 && UCharacter.isLowerCase(cp)) {
        table.merge((int) latin.charAt(0), cp, Math::min);
      }
    });
    return Map.copyOf(table);
  }
}
