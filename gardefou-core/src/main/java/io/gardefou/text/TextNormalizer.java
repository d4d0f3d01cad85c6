package io.gardefou.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalises a prompt into words fit for matching, each keeping its span in the original text.
 *
 * <p>The walk: (1) per normalisation segment, drop format and default-ignorable characters and apply
 * NFKC_Casefold, recording for every output char the original span it came from; (2) read leet {@code @ $} next
 * to a letter as {@code a s}; (3) split words by UAX #29 (ICU's dictionaries segment Chinese, Japanese and Thai);
 * (4) split at apostrophes and underscores (tag-style "large_breasts") and drop in-word dots ("n.u.d.e");
 * (5) join runs of three or more spaced single characters ("n u d e", "n_u_d_e"); (6) per word, map look-alike letters ({@link Confusables}), strip
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

  private final BreakIterator wordPrototype;

  private TextNormalizer() {
    this.wordPrototype = BreakIterator.getWordInstance(ULocale.ROOT);
  }

  public static TextNormalizer create() {
    return new TextNormalizer();
  }

  public NormalizedText normalize(String original) {
    Folded folded = fold(original);
    List<Piece> pieces = joinSpaced(words(folded.text()), folded.text());
    List<Token> tokens = new ArrayList<>(pieces.size());
    for (Piece piece : pieces) {
      tokens.add(token(piece, folded));
    }
    return new NormalizedText(original, tokens);
  }

  /** The prompt after NFKC_Casefold; char {@code k} came from original chars {@code from[k]..to[k]}. */
  private record Folded(String text, int[] from, int[] to) {}

  /** A word of the folded text before per-word normalisation: its kept chars and its folded-text span. */
  private record Piece(String text, int start, int end) {}

  private static Folded fold(String original) {
    int n = original.length();
    StringBuilder out = new StringBuilder(n);
    int[] from = new int[n + 16];
    int[] to = new int[n + 16];
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
    return new Folded(out.toString(), from, to);
  }

  /** The segment without format characters (Cf: soft hyphen, bidi marks…) or default-ignorables (ZWSP, VS…). */
  private static String visible(String text, int start, int end) {
    StringBuilder kept = new StringBuilder(end - start);
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (UCharacter.getType(cp) != UCharacter.FORMAT
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
  private List<Piece> words(String text) {
    BreakIterator words = (BreakIterator) wordPrototype.clone();
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

  /** Joins runs of single characters set apart by spaces or dots ("n u d e", "n . u . d . e") into one word. */
  private static List<Piece> joinSpaced(List<Piece> pieces, String text) {
    List<Piece> joined = new ArrayList<>(pieces.size());
    int i = 0;
    while (i < pieces.size()) {
      int j = i;
      boolean letter = isSingle(pieces.get(i)) && Character.isLetter(pieces.get(i).text().codePointAt(0));
      while (isSingle(pieces.get(i))
          && j + 1 < pieces.size()
          && isSingle(pieces.get(j + 1))
          && isSpacedGap(text, pieces.get(j).end(), pieces.get(j + 1).start())) {
        j++;
        letter |= Character.isLetter(pieces.get(j).text().codePointAt(0));
      }
      if (j - i + 1 >= MIN_SPACED_RUN && letter) {
        StringBuilder word = new StringBuilder();
        for (int k = i; k <= j; k++) {
          word.append(pieces.get(k).text());
        }
        joined.add(new Piece(word.toString(), pieces.get(i).start(), pieces.get(j).end()));
      } else {
        joined.addAll(pieces.subList(i, j + 1));
      }
      i = j + 1;
    }
    return joined;
  }

  private static boolean isSingle(Piece piece) {
    String text = piece.text();
    return text.codePointCount(0, text.length()) == 1;
  }

  private static boolean isSpacedGap(String text, int from, int to) {
    if (to - from < 1 || to - from > MAX_SPACED_GAP) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (SPACED_SEPARATORS.indexOf(text.charAt(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Token token(Piece piece, Folded folded) {
    String accented = Confusables.toLatin(piece.text());
    String bare = stripDiacritics(accented);
    boolean hasLetter = piece.text().codePoints().anyMatch(Character::isLetter);
    String literal = squeeze(hasLetter ? deleetAfterNumber(bare) : bare, 1);
    return new Token(
        folded.from()[piece.start()],
        folded.to()[piece.end() - 1],
        literal,
        keys(bare, hasLetter),
        keys(accented, hasLetter));
  }

  /** The word de-leeted (when it holds a letter) with repeats squeezed to two, then to one if that differs. */
  private static List<String> keys(String word, boolean hasLetter) {
    String plain = hasLetter ? deleet(word) : word;
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
