package io.gardefou.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Cyrillic and Greek look-alikes of Latin letters to those letters inside mixed-script words.
 *
 * <p>Why not the full UTS #39 skeleton on the whole text: it also maps digits to letters ({@code 1→l}), Latin
 * letters to other Latin sequences ({@code m→rn}) and every Cyrillic word, which would destroy age expressions
 * and the Russian lexicon. Instead the table is derived once from ICU's skeletons, keeping only single Cyrillic,
 * Greek or non-ASCII Latin letters whose skeleton is plain ASCII letters, and it is applied to a Cyrillic or Greek
 * letter only in a word that also holds Latin letters: a mixed-script word is the spoofing signal (UTS #39 §5.1).
 */
final class Confusables {
  private static final Map<Integer, String> TO_LATIN = buildTable();

  private Confusables() {}

  /** The word with its look-alike letters replaced by Latin ones, or the word itself when nothing is mixed. */
  static String toLatin(String word) {
    boolean latin = false;
    boolean foreign = false;
    boolean latinLookAlike = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int script = UScript.getScript(cp);
      if (script == UScript.LATIN) {
        latin = true;
        latinLookAlike |= cp >= 0x80 && TO_LATIN.containsKey(cp);
      } else if (script == UScript.CYRILLIC || script == UScript.GREEK) {
        foreign = true;
      }
      i += Character.charCount(cp);
    }
    if (!latinLookAlike && !(latin && foreign)) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      String latinForm = TO_LATIN.get(cp);
      boolean apply = latinForm != null && (UScript.getScript(cp) == UScript.LATIN || latin);
      out.append(apply ? latinForm : Character.toString(cp));
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static Map<Integer, String> buildTable() {
    SpoofChecker checker = new SpoofChecker.Builder().build();
    UnicodeSet candidates =
        new UnicodeSet("[[[:Script=Cyrillic:][:Script=Greek:][:Script=Latin:]] & [:Lowercase:] & [:L:]]").freeze();
    Map<Integer, String> table = new HashMap<>();
    for (UnicodeSetIterator it = new UnicodeSetIterator(candidates); it.next(); ) {
      int cp = it.codepoint;
      if (cp < 0x80) {
        continue;
      }
      // UTS #39 §4: the skeleton maps each character to its prototype in confusables.txt.
      String skeleton = UCharacter.toLowerCase(Locale.ROOT, checker.getSkeleton(Character.toString(cp)));
      if (skeleton.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        table.put(cp, skeleton);
      }
    }
    return Map.copyOf(table);
  }
}
