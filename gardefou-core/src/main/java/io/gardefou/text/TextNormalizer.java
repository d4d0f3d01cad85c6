package io.gardefou.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Normalises a prompt into words fit for matching, each keeping its span in the original text.
 *
 * <p>The walk: (1) per normalisation segment, drop format and default-ignorable characters and apply
 * NFKC_Casefold, recording for every output char the original span it came from; (2) read leet {@code @ $} next
 * to a letter as {@code a s}; (3) split words by UAX #29 (ICU's dictionaries segment Chinese, Japanese and Thai);
 * (4) split at apostrophes and underscores (tag-style "large_breasts") and drop in-word dots ("n.u.d.e");
 * (5) join runs of three or more spaced single letters ("n u d e", "n_u_d_e"), and segment spaced Chinese and
 * Japanese letters again as one text; (6) per word, map look-alike letters ({@link Confusables}), strip
 * diacritics, de-leet digits (only in words with a letter, so "12" stays a number) and squeeze repeated letters.
 * The {@link Token#literal() literal} form, for age expressions, also keeps a word's leading number ("12yo").
 *
 * <p>Thread-safe: Normalizer2 is immutable and the word BreakIterator is cloned per call.
 */
public final class TextNormalizer {
  // UAX #15 + UAX #44: NFKC_Casefold is NFKC, full case folding and removal of Default_Ignorable_Code_Point.
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final int MIN_SPACED_RUN = 3;
  private static final int MAX_SPACED_GAP = 3;
  private static final String SPACED_SEPARATORS = " \t.-_*·/|+~";
  private static final String APOSTROPHES = "'’ʼ`´";
  private static final int TATWEEL = 0x0640;
  /** The letter a masked word stands for one hidden letter with ("n*de", "n#de"); see {@link TermIndex}. */
  static final char WILDCARD = '*';
  private static final String MASKS = "*#";

  private final BreakIterator wordPrototype;

  private TextNormalizer() {
    this.wordPrototype = BreakIterator.getWordInstance(ULocale.ROOT);
  }

  public static TextNormalizer create() {
    return new TextNormalizer();
  }

  public NormalizedText normalize(String original) {
    Folded folded = fold(original);
    BreakIterator words = (BreakIterator) wordPrototype.clone();
    List<Piece> pieces = joinMasked(joinSpaced(words(folded.text(), words), folded.text(), words), folded.text());
    List<Token> tokens = new ArrayList<>(pieces.size());
    boolean latinPrompt = Confusables.mostlyLatin(folded.text());
    for (Piece piece : pieces) {
      tokens.add(token(piece, folded, latinPrompt));
    }
    return new NormalizedText(original, tokens);
  }

  /**
   * The prompt after NFKC_Casefold; char {@code k} came from original chars {@code from[k]..to[k]}, and was a
   * Cyrillic or Greek capital when {@code capitals} (null when there are none) holds {@code k}.
   */
  private record Folded(String text, int[] from, int[] to, BitSet capitals) {}

  /**
   * A word of the folded text before per-word normalisation: its kept chars, read as written and then as the
   * alternatives in {@code readings}, and its folded-text span.
   */
  private record Piece(List<String> readings, int start, int end) {
    Piece(String text, int start, int end) {
      this(List.of(text), start, end);
    }

    String text() {
      return readings.getFirst();
    }
  }

  private static Folded fold(String original) {
    int n = original.length();
    StringBuilder out = new StringBuilder(n);
    int[] from = new int[n + 16];
    int[] to = new int[n + 16];
    BitSet capitals = null;
    int i = 0;
    while (i < n) {
      int cp = original.codePointAt(i);
      int end = i + Character.charCount(cp);
      int before = out.length();
      if (cp < 0x80 && (end == n || original.charAt(end) < 0x80)) {
        // ASCII followed by ASCII is a segment of its own, and its NFKC_Casefold is its lower case.
        out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
      } else {
        // UAX #15 §9.1: normalising piecewise between normalisation boundaries equals normalising the whole.
        while (end < n && !NFKC_CASEFOLD.hasBoundaryBefore(original.codePointAt(end))) {
          end += Character.charCount(original.codePointAt(end));
        }
        out.append(NFKC_CASEFOLD.normalize(visible(original, i, end)));
        if (isForeignCapital(original.codePointAt(i))) {
          capitals = capitals == null ? new BitSet() : capitals;
          capitals.set(before, out.length());
        }
      }
      if (out.length() > from.length) {
        from = Arrays.copyOf(from, out.length() * 2);
        to = Arrays.copyOf(to, out.length() * 2);
      }
      Arrays.fill(from, before, out.length(), i);
      Arrays.fill(to, before, out.length(), end);
      i = end;
    }
    deleetSymbols(out);
    return new Folded(out.toString(), from, to, capitals);
  }

  private static boolean isForeignCapital(int cp) {
    int script = UScript.getScript(cp);
    return (script == UScript.CYRILLIC || script == UScript.GREEK) && UCharacter.isUUppercase(cp);
  }

  /**
   * The segment without format characters (Cf: soft hyphen, bidi marks…), default-ignorables (ZWSP, VS…) or the
   * Arabic tatweel, which only stretches a word ("عـــارية").
   */
  private static String visible(String text, int start, int end) {
    StringBuilder kept = new StringBuilder(end - start);
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (cp != TATWEEL
          && UCharacter.getType(cp) != UCharacter.FORMAT
          && !UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
        kept.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return kept.toString();
  }

  /** Reads {@code @} and {@code $} beside a letter as the letters they stand for, before words are split. */
  private static void deleetSymbols(StringBuilder text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if ((c == '@' || c == '$')
          && ((k > 0 && Character.isLetter(text.charAt(k - 1)))
              || (k + 1 < text.length() && Character.isLetter(text.charAt(k + 1))))) {
        text.setCharAt(k, c == '@' ? 'a' : 's');
      }
    }
  }

  /** UAX #29 words, split at apostrophes (elision, contractions) and underscores, keeping letters, marks, digits. */
  private static List<Piece> words(String text, BreakIterator words) {
    words.setText(text);
    List<Piece> pieces = new ArrayList<>();
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      if (words.getRuleStatus() < BreakIterator.WORD_NONE_LIMIT) {
        continue;
      }
      StringBuilder kept = new StringBuilder(end - start);
      int pieceStart = -1;
      int pieceEnd = -1;
      for (int k = start; k < end; k++) {
        char c = text.charAt(k);
        if (APOSTROPHES.indexOf(c) >= 0 || c == '_') {
          addPiece(pieces, kept, pieceStart, pieceEnd);
          kept.setLength(0);
          pieceStart = -1;
        } else if (Character.isLetterOrDigit(c) || isMark(c) || Character.isSurrogate(c)) {
          if (pieceStart < 0) {
            pieceStart = k;
          }
          kept.append(c);
          pieceEnd = k + 1;
        }
      }
      addPiece(pieces, kept, pieceStart, pieceEnd);
    }
    return pieces;
  }

  private static void addPiece(List<Piece> pieces, StringBuilder kept, int start, int end) {
    if (!kept.isEmpty()) {
      pieces.add(new Piece(kept.toString(), start, end));
    }
  }

  private static boolean isMark(int cp) {
    int type = UCharacter.getType(cp);
    return type == UCharacter.NON_SPACING_MARK
        || type == UCharacter.COMBINING_SPACING_MARK
        || type == UCharacter.ENCLOSING_MARK;
  }

  /**
   * Joins letters the user set apart ("n u d e", "n . u . d . e") into one word: three or more single letters with
   * the same separator between each. A digit at either end stays apart ("kelas 7 t a n p a" is 7 + tanpa), and so
   * does a letter glued to the next or previous word ("12살 여 자 아 이"). The run read without its first or last
   * letter is kept as an alternative, since that letter may be a word of its own (Polish "w b i k i n i": w bikini).
   * Chinese and Japanese letters are joined, then segmented again by the dictionary ("脱 掉 她 的 衣 服").
   */
  private static List<Piece> joinSpaced(List<Piece> pieces, String text, BreakIterator words) {
    List<Piece> joined = new ArrayList<>(pieces.size());
    int i = 0;
    while (i < pieces.size()) {
      int end = cjkRunEnd(pieces, text, i);
      if (end > i) {
        if (end - i >= 2 && separated(pieces, text, i, end)) {
          joined.addAll(resegment(pieces.subList(i, end), words));
        } else {
          joined.addAll(pieces.subList(i, end));
        }
        i = end;
        continue;
      }
      end = spacedRunEnd(pieces, text, i);
      int first = i;
      int last = end;
      while (first < last && isDigit(pieces.get(first))) {
        first++;
      }
      while (last > first && isDigit(pieces.get(last - 1))) {
        last--;
      }
      joined.addAll(pieces.subList(i, first));
      if (last - first >= MIN_SPACED_RUN) {
        joined.add(joinLetters(pieces.subList(first, last)));
      } else {
        joined.addAll(pieces.subList(first, last));
      }
      joined.addAll(pieces.subList(last, end));
      i = end;
    }
    return joined;
  }

  /**
   * Joins a word with one letter masked ("n*de", "n#de": a word, a single {@code *} or {@code #}, a word) into one
   * word holding {@link #WILDCARD} for the hidden letter. Both sides must end and start with a letter, and neither
   * may be Chinese or Japanese, and no other mask or backslash may touch the word (markup: "*bold*", an escaped
   * "\\n*Di"); spaced letters ("n*u*d*e") were joined before.
   */
  private static List<Piece> joinMasked(List<Piece> pieces, String text) {
    List<Piece> joined = new ArrayList<>(pieces.size());
    for (Piece piece : pieces) {
      if (!joined.isEmpty()) {
        Piece before = joined.getLast();
        if (piece.start() == before.end() + 1
            && MASKS.indexOf(text.charAt(before.end())) >= 0
            && before.readings().size() == 1
            && piece.readings().size() == 1
            && maskable(before.text().codePointBefore(before.text().length()))
            && maskable(piece.text().codePointAt(0))
            && !markup(text, before.start() - 1)
            && !markup(text, piece.end())) {
          joined.set(joined.size() - 1, new Piece(before.text() + WILDCARD + piece.text(), before.start(), piece.end()));
          continue;
        }
      }
      joined.add(piece);
    }
    return joined;
  }

  /** A mask or an escape beside the word: markup ("*bold*", "\\n*Di"), not a masked letter. */
  private static boolean markup(String text, int at) {
    return at >= 0 && at < text.length() && (MASKS.indexOf(text.charAt(at)) >= 0 || text.charAt(at) == '\\');
  }

  private static boolean maskable(int cp) {
    return Character.isLetter(cp) && !isCjk(cp);
  }

  /** The end (exclusive) of the run of single letters from {@code i} with one separator repeated, at least i + 1. */
  private static int spacedRunEnd(List<Piece> pieces, String text, int i) {
    if (i + 1 >= pieces.size() || !isSingle(pieces.get(i)) || (i > 0 && glued(pieces.get(i - 1), pieces.get(i)))) {
      return i + 1;
    }
    String separator = text.substring(pieces.get(i).end(), pieces.get(i + 1).start());
    if (!isSpacedGap(separator)) {
      return i + 1;
    }
    int end = i + 1;
    while (end < pieces.size()
        && isSingle(pieces.get(end))
        && text.substring(pieces.get(end - 1).end(), pieces.get(end).start()).equals(separator)) {
      end++;
    }
    // A last letter glued to the next word belongs to it.
    return end < pieces.size() && glued(pieces.get(end - 1), pieces.get(end)) ? end - 1 : end;
  }

  /** The run joined, with the readings that leave out its first or last letter as alternatives. */
  private static Piece joinLetters(List<Piece> run) {
    StringBuilder word = new StringBuilder();
    run.forEach(piece -> word.append(piece.text()));
    String all = word.toString();
    String head = run.getFirst().text();
    String tail = run.getLast().text();
    List<String> readings = new ArrayList<>(List.of(all));
    if (run.size() > MIN_SPACED_RUN) {
      readings.add(all.substring(head.length()));
      readings.add(all.substring(0, all.length() - tail.length()));
    }
    if (run.size() > MIN_SPACED_RUN + 1) {
      readings.add(all.substring(head.length(), all.length() - tail.length()));
    }
    return new Piece(readings, run.getFirst().start(), run.getLast().end());
  }

  /** The end (exclusive) of the run of single Chinese or Japanese letters from {@code i}; {@code i} if none. */
  private static int cjkRunEnd(List<Piece> pieces, String text, int i) {
    int end = i;
    while (end < pieces.size()
        && isSingle(pieces.get(end))
        && isCjk(pieces.get(end).text().codePointAt(0))
        && (end == i || glued(pieces.get(end - 1), pieces.get(end))
            || isSpacedGap(text.substring(pieces.get(end - 1).end(), pieces.get(end).start())))) {
      end++;
    }
    return end;
  }

  private static boolean separated(List<Piece> pieces, String text, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (!glued(pieces.get(k - 1), pieces.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** The run's letters segmented as one text by the word break iterator (UAX #29 with ICU's CJ dictionary). */
  private static List<Piece> resegment(List<Piece> run, BreakIterator words) {
    StringBuilder joined = new StringBuilder();
    run.forEach(piece -> joined.append(piece.text()));
    int[] owner = new int[joined.length()];
    for (int k = 0, at = 0; k < run.size(); at += run.get(k).text().length(), k++) {
      Arrays.fill(owner, at, at + run.get(k).text().length(), k);
    }
    words.setText(joined.toString());
    List<Piece> segmented = new ArrayList<>();
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      if (words.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
        segmented.add(new Piece(joined.substring(start, end), run.get(owner[start]).start(), run.get(owner[end - 1]).end()));
      }
    }
    return segmented;
  }

  private static boolean isCjk(int cp) {
    return UScript.hasScript(cp, UScript.HAN) || UScript.hasScript(cp, UScript.HIRAGANA)
        || UScript.hasScript(cp, UScript.KATAKANA);
  }

  private static boolean glued(Piece before, Piece after) {
    return before.end() == after.start();
  }

  /** One letter or digit, with its combining marks ("رٍ"). */
  private static boolean isSingle(Piece piece) {
    String text = piece.text();
    return text.codePoints().filter(cp -> !isMark(cp)).count() == 1;
  }

  private static boolean isDigit(Piece piece) {
    return Character.isDigit(piece.text().codePointAt(0));
  }

  private static boolean isSpacedGap(String gap) {
    if (gap.isEmpty() || gap.length() > MAX_SPACED_GAP) {
      return false;
    }
    for (int k = 0; k < gap.length(); k++) {
      if (SPACED_SEPARATORS.indexOf(gap.charAt(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Token token(Piece piece, Folded folded, boolean latinPrompt) {
    List<String> keys = new ArrayList<>(2);
    List<String> accentedKeys = new ArrayList<>(2);
    String literal = null;
    for (String reading : piece.readings()) {
      // Capitals line up with the reading as written; the shorter alternatives are read without them.
      BitSet capitals = literal == null ? capitals(piece, folded) : null;
      String accented = Confusables.toLatin(reading, latinPrompt, capitals);
      String bare = stripDiacritics(accented);
      boolean hasLetter = reading.codePoints().anyMatch(Character::isLetter);
      if (literal == null) {
        literal = squeeze(hasLetter ? deleetAfterNumber(bare) : bare, 1);
      }
      addAll(keys, keys(bare, hasLetter));
      addAll(accentedKeys, keys(accented, hasLetter));
    }
    return new Token(folded.from()[piece.start()], folded.to()[piece.end() - 1], literal, keys, accentedKeys);
  }

  /** Which chars of the piece as written were Cyrillic or Greek capitals, or null when none. */
  private static BitSet capitals(Piece piece, Folded folded) {
    if (folded.capitals() == null || folded.capitals().nextSetBit(piece.start()) >= piece.end()
        || folded.capitals().nextSetBit(piece.start()) < 0) {
      return null;
    }
    BitSet capitals = new BitSet();
    String text = folded.text();
    boolean masked = piece.text().indexOf(WILDCARD) >= 0;
    for (int p = piece.start(), k = 0; p < piece.end(); p++) {
      char c = text.charAt(p);
      if (Character.isLetterOrDigit(c) || isMark(c) || Character.isSurrogate(c) || (masked && MASKS.indexOf(c) >= 0)) {
        capitals.set(k++, folded.capitals().get(p));
      }
    }
    return capitals;
  }

  private static void addAll(List<String> keys, List<String> more) {
    for (String key : more) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
  }

  /** The word de-leeted (when it holds a letter) with repeats squeezed to two, then to one if that differs. */
  private static List<String> keys(String word, boolean hasLetter) {
    String plain = hasLetter ? Confusables.toCyrillic(deleet(word)) : word;
    String two = squeeze(plain, 2);
    String one = squeeze(plain, 1);
    return two.equals(one) ? List.of(two) : List.of(two, one);
  }

  private static String stripDiacritics(String word) {
    if (word.chars().allMatch(c -> c < 0xC0)) {
      return word;
    }
    String decomposed = NFD.normalize(word);
    StringBuilder bare = new StringBuilder(decomposed.length());
    decomposed.codePoints().filter(cp -> UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK).forEach(bare::appendCodePoint);
    return NFC.normalize(bare);
  }

  /** De-leets all but a leading number that cannot be leet ("12yo" stays, "y3ar" and "0ld" become words). */
  private static String deleetAfterNumber(String word) {
    int digits = 0;
    while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || word.charAt(0) == '0') {
      return deleet(word);
    }
    return word.substring(0, digits) + deleet(word.substring(digits));
  }

  private static String deleet(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      out.append(
          switch (c) {
            case '4' -> 'a';
            case '3' -> 'e';
            case '1' -> 'i';
            case '0' -> 'o';
            case '5' -> 's';
            case '7' -> 't';
            default -> c;
          });
    }
    return out.toString();
  }

  /** Squeezes runs of three or more of the same letter to {@code keep} ("nuuude" → "nuude" or "nude"). */
  private static String squeeze(String word, int keep) {
    StringBuilder out = new StringBuilder(word.length());
    int k = 0;
    while (k < word.length()) {
      int cp = word.codePointAt(k);
      int width = Character.charCount(cp);
      int run = 1;
      while (k + run * width < word.length() && word.codePointAt(k + run * width) == cp) {
        run++;
      }
      int copies = Character.isLetter(cp) && run >= 3 ? Math.min(run, keep) : run;
      for (int c = 0; c < copies; c++) {
        out.appendCodePoint(cp);
      }
      k += run * width;
    }
    return out.toString();
  }
}
