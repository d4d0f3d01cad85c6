package io.gardefou.eval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes obfuscated variants of harmful cases, the way users dodge filters: leetspeak, spaced or dotted letters,
 * look-alike letters, invisible characters, odd casing, typos and emoji between words.
 *
 * <p>Deterministic: a variant depends only on the seed, the case id and the kind, not on order or threads.
 * Only letters are touched (a letter moves with its combining marks), so digits such as the age in
 * "12 year old" survive every kind and surrogate pairs are never split.
 */
public final class Perturbations {
  /** One way of obfuscating; its {@link #wireName()} is the suffix of variant ids. */
  public enum Kind {
    LEET, SPACED, DOTTED, HOMOGLYPH, ZERO_WIDTH, UPPER, ALTERNATING, TYPO, EMOJI;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final Map<Integer, String> LEET = Map.ofEntries(
      Map.entry((int) 'a', "4"), Map.entry((int) 'e', "3"), Map.entry((int) 'i', "1"), Map.entry((int) 'o', "0"),
      Map.entry((int) 's', "5"), Map.entry((int) 't', "7"), Map.entry((int) 'A', "4"), Map.entry((int) 'E', "3"),
      Map.entry((int) 'I', "1"), Map.entry((int) 'O', "0"), Map.entry((int) 'S', "5"), Map.entry((int) 'T', "7"));
  /** Latin letters and their Cyrillic and Greek look-alikes (Unicode confusables). */
  private static final Map<Integer, String> HOMOGLYPHS = Map.ofEntries(
      Map.entry((int) 'a', "\u0430\u03B1"), Map.entry((int) 'c', "\u0441"), Map.entry((int) 'e', "\u0435"),
      Map.entry((int) 'i', "\u0456\u03B9"), Map.entry((int) 'j', "\u0458"), Map.entry((int) 'o', "\u043E\u03BF"),
      Map.entry((int) 'p', "\u0440"), Map.entry((int) 's', "\u0455"), Map.entry((int) 'u', "\u03C5"),
      Map.entry((int) 'v', "\u03BD"), Map.entry((int) 'x', "\u0445"), Map.entry((int) 'y', "\u0443"),
      Map.entry((int) 'A', "\u0410\u0391"), Map.entry((int) 'B', "\u0412\u0392"), Map.entry((int) 'C', "\u0421"),
      Map.entry((int) 'E', "\u0415\u0395"), Map.entry((int) 'H', "\u041D\u0397"), Map.entry((int) 'I', "\u0406\u0399"),
      Map.entry((int) 'K', "\u041A\u039A"), Map.entry((int) 'M', "\u041C\u039C"), Map.entry((int) 'N', "\u039D"),
      Map.entry((int) 'O', "\u041E\u039F"), Map.entry((int) 'P', "\u0420\u03A1"), Map.entry((int) 'T', "\u0422\u03A4"),
      Map.entry((int) 'X', "\u0425\u03A7"), Map.entry((int) 'Y', "\u03A5"), Map.entry((int) 'Z', "\u0396"));
  private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060";
  private static final List<String> EMOJI =
      List.of("\uD83D\uDD25", "\u2728", "\uD83D\uDC8B", "\uD83D\uDC49", "\uD83C\uDF51");

  private final long seed;
  private final Set<Kind> kinds;

  private Perturbations(long seed, Set<Kind> kinds) {
    this.seed = seed;
    this.kinds = EnumSet.copyOf(kinds);
  }

  /** Every kind, from this seed. */
  public static Perturbations seeded(long seed) {
    return new Perturbations(seed, EnumSet.allOf(Kind.class));
  }

  public static Perturbations seeded(long seed, Set<Kind> kinds) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("at least one perturbation kind is needed");
    }
    return new Perturbations(seed, kinds);
  }

  /** The cases followed by the variants of each expected-block case. */
  public CaseSet expand(CaseSet set) {
    List<EvalCase> variants = new ArrayList<>();
    set.cases().forEach(c -> variants.addAll(variantsOf(c)));
    return set.plus(CaseSet.of(variants));
  }

  /** Each kind's variant of a harmful case, id {@code <id>~<kind>}; kinds that change nothing are left out. */
  public List<EvalCase> variantsOf(EvalCase original) {
    if (!original.expected().block()) {
      return List.of();
    }
    List<EvalCase> variants = new ArrayList<>();
    for (Kind kind : kinds) {
      String text = apply(kind, original.text(), original.id());
      if (!text.equals(original.text())) {
        variants.add(original.withVariant(kind.wireName(), text));
      }
    }
    return variants;
  }

  /** The text obfuscated by one kind; {@code salt} (the case id) varies the random choices between cases. */
  public String apply(Kind kind, String text, String salt) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + salt.hashCode() * 31L + kind.ordinal());
    List<String> units = units(text);
    return switch (kind) {
      case LEET -> substitute(units, LEET, random);
      case HOMOGLYPH -> substitute(units, HOMOGLYPHS, random);
      case SPACED -> separateOneWord(units, " ", random);
      case DOTTED -> separateOneWord(units, ".", random);
      case ZERO_WIDTH -> insertZeroWidth(units, random);
      case UPPER -> text.toUpperCase(Locale.ROOT);
      case ALTERNATING -> alternate(units);
      case TYPO -> typo(units, random);
      case EMOJI -> emojiBetweenWords(text, random);
    };
  }

  /** Replaces some letters found in the table (at least one when any is there), keeping their marks. */
  private static String substitute(List<String> units, Map<Integer, String> table, SplittableRandom random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      if (table.containsKey(units.get(i).codePointAt(0))) {
        candidates.add(i);
      }
    }
    for (int i : some(candidates, random)) {
      String unit = units.get(i);
      int letter = unit.codePointAt(0);
      String options = table.get(letter);
      int pick = random.nextInt(options.codePointCount(0, options.length()));
      String replacement = new String(Character.toChars(options.codePointAt(options.offsetByCodePoints(0, pick))));
      units.set(i, replacement + unit.substring(Character.charCount(letter)));
    }
    return String.join("", units);
  }

  /** Some of the candidates, each with even odds, but never none of a non-empty list. */
  private static List<Integer> some(List<Integer> candidates, SplittableRandom random) {
    List<Integer> chosen = new ArrayList<>();
    for (int candidate : candidates) {
      if (random.nextBoolean()) {
        chosen.add(candidate);
      }
    }
    if (chosen.isEmpty() && !candidates.isEmpty()) {
      chosen.add(candidates.get(random.nextInt(candidates.size())));
    }
    return chosen;
  }

  private static String separateOneWord(List<String> units, String separator, SplittableRandom random) {
    List<int[]> words = words(units, 3);
    if (words.isEmpty()) {
      words = words(units, 2);
    }
    if (words.isEmpty()) {
      return String.join("", units);
    }
    int[] word = words.get(random.nextInt(words.size()));
    for (int i = word[0]; i < word[1] - 1; i++) {
      units.set(i, units.get(i) + separator);
    }
    return String.join("", units);
  }

  /** One invisible character at a random place inside every word of two letters or more. */
  private static String insertZeroWidth(List<String> units, SplittableRandom random) {
    for (int[] word : words(units, 2)) {
      int at = word[0] + random.nextInt(word[1] - word[0] - 1);
      units.set(at, units.get(at) + ZERO_WIDTH.charAt(random.nextInt(ZERO_WIDTH.length())));
    }
    return String.join("", units);
  }

  /** aLtErNaTiNg case over the letters of the whole text. */
  private static String alternate(List<String> units) {
    int letters = 0;
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      int letter = unit.codePointAt(0);
      if (Character.isLetter(letter)) {
        int cased = letters++ % 2 == 0 ? Character.toLowerCase(letter) : Character.toUpperCase(letter);
        units.set(i, new String(Character.toChars(cased)) + unit.substring(Character.charCount(letter)));
      }
    }
    return String.join("", units);
  }

  /** In one word of four letters or more: swap two different adjacent letters, or double one. */
  private static String typo(List<String> units, SplittableRandom random) {
    List<int[]> words = words(units, 4);
    if (words.isEmpty()) {
      return String.join("", units);
    }
    int[] word = words.get(random.nextInt(words.size()));
    int at = word[0] + random.nextInt(word[1] - word[0] - 1);
    if (random.nextBoolean() && !units.get(at).equals(units.get(at + 1))) {
      String first = units.get(at);
      units.set(at, units.get(at + 1));
      units.set(at + 1, first);
    } else {
      units.set(at, units.get(at) + units.get(at));
    }
    return String.join("", units);
  }

  private static String emojiBetweenWords(String text, SplittableRandom random) {
    String[] words = text.strip().split("\\s+");
    if (words.length < 2) {
      return text;
    }
    return String.join(" " + EMOJI.get(random.nextInt(EMOJI.size())) + " ", words);
  }

  /** The text cut into letters (each with its combining marks) and single other code points. */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = i + Character.charCount(text.codePointAt(i));
      if (Character.isLetter(text.codePointAt(i))) {
        while (end < text.length() && isMark(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
      }
      units.add(text.substring(i, end));
      i = end;
    }
    return units;
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** [start, end) unit ranges of the runs of at least {@code minLetters} letters. */
  private static List<int[]> words(List<String> units, int minLetters) {
    List<int[]> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= units.size(); i++) {
      boolean letter = i < units.size() && Character.isLetter(units.get(i).codePointAt(0));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        if (i - start >= minLetters) {
          words.add(new int[] {start, i});
        }
        start = -1;
      }
    }
    return words;
  }
}
