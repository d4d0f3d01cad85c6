package io.gardefou.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds age expressions ("12 year old", "12yo", "âgée de 13 ans", "twelve-year-old") with the number words and
 * age patterns of every lexicon.
 *
 * <p>Patterns run over the <em>literal</em> text: each token's literal form (digits kept, never de-leeted) joined
 * by single spaces, with a run of number words replaced by its value, summed while each word is smaller than the
 * one before, across a joiner ("twenty five" → 25, "dix sept" → 17, "vingt et un" → 21), so that the "five" of
 * "twenty five" is never read as an age of its own.
 */
final class AgeFinder {
  private static final int MAX_AGE = 130;

  private record LanguagePattern(String language, Pattern pattern) {}

  /** A stretch of the literal text and the tokens {@code first..last} it stands for. */
  private record Segment(int start, int end, int first, int last) {}

  /** Unit words ("taong", "yasinda") are read through typos from this many letters. */
  private static final int MIN_TYPO_LETTERS = 4;
  private static final Pattern UNIT_WORD = Pattern.compile("(?<![\\\\<])\\p{L}{5,}");

  private final Map<String, Integer> numbers;
  private final Set<String> joiners;
  private final List<LanguagePattern> patterns;
  /** Swaps of the patterns' unit words ("atong"), each to the one word it stands for ("taong"). */
  private final Map<String, String> swaps;

  private AgeFinder(Map<String, Integer> numbers, Set<String> joiners, List<LanguagePattern> patterns) {
    this.numbers = Map.copyOf(numbers);
    this.joiners = Set.copyOf(joiners);
    this.patterns = List.copyOf(patterns);
    this.swaps = swaps(patterns, numbers.keySet());
  }

  /**
   * The adjacent-letter swaps of the words written out in the patterns (runs of 5+ letters: "taong", "tahun"), less
   * those that are such a word or a number word themselves, or that two words share.
   */
  private static Map<String, String> swaps(List<LanguagePattern> patterns, Set<String> numberWords) {
    Set<String> units = new HashSet<>();
    for (LanguagePattern pattern : patterns) {
      Matcher run = UNIT_WORD.matcher(pattern.pattern().pattern());
      while (run.find()) {
        units.add(run.group());
      }
    }
    Map<String, String> swaps = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String unit : units) {
      int[] letters = unit.codePoints().toArray();
      for (int i = 0; i + 1 < letters.length; i++) {
        if (letters[i] == letters[i + 1]) {
          continue;
        }
        int[] swapped = letters.clone();
        swapped[i] = letters[i + 1];
        swapped[i + 1] = letters[i];
        String typo = new String(swapped, 0, swapped.length);
        String other = swaps.putIfAbsent(typo, unit);
        if (other != null && !other.equals(unit)) {
          ambiguous.add(typo);
        }
      }
    }
    swaps.keySet().removeIf(typo -> ambiguous.contains(typo) || units.contains(typo) || numberWords.contains(typo));
    return Map.copyOf(swaps);
  }

  /** Merges the lexicons' number words and patterns; a word two languages value differently is a load error. */
  static AgeFinder of(List<Lexicon> lexicons) {
    Map<String, Integer> numbers = new HashMap<>();
    Set<String> joiners = new HashSet<>();
    List<LanguagePattern> patterns = new ArrayList<>();
    for (Lexicon lexicon : lexicons) {
      joiners.addAll(lexicon.numberJoiners());
      lexicon.numbers().forEach((word, value) -> {
        Integer other = numbers.putIfAbsent(word, value);
        if (other != null && !other.equals(value)) {
          throw new IllegalStateException(
              "lexicon/" + lexicon.language() + ".yaml: number '" + word + "' is " + value + " but another lexicon says " + other);
        }
      });
      lexicon.ages().forEach(pattern -> patterns.add(new LanguagePattern(lexicon.language(), pattern)));
    }
    return new AgeFinder(numbers, joiners, patterns);
  }

  List<ConceptHit> find(NormalizedText text) {
    if (patterns.isEmpty() || text.tokens().isEmpty()) {
      return List.of();
    }
    List<ConceptHit> hits = new ArrayList<>();
    Set<List<Integer>> seen = new HashSet<>();
    List<String> literals = text.tokens().stream().map(Token::literal).toList();
    find(text, literals, hits, seen);
    List<String> corrected = literals.stream().map(this::corrected).toList();
    if (!corrected.equals(literals)) {
      find(text, corrected, hits, seen);
    }
    return hits;
  }

  /**
   * The word as a unit word of the patterns when it is one mistyped: two adjacent letters swapped ("atong" for
   * "taong"), or one letter doubled ("yasindda", "ummur"; squeezed to a word of 4+ letters, so that "isst" does not
   * become "ist"). A leading number stays as written ("14lattka").
   */
  private String corrected(String literal) {
    int digits = 0;
    while (digits < literal.length() && Character.isDigit(literal.charAt(digits))) {
      digits++;
    }
    String word = literal.substring(digits);
    if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetter)) {
      return literal;
    }
    String unit = swaps.get(word);
    if (unit != null) {
      return literal.substring(0, digits) + unit;
    }
    String single = squeezeDoubles(word);
    return single.codePointCount(0, single.length()) >= MIN_TYPO_LETTERS ? literal.substring(0, digits) + single : literal;
  }

  private static String squeezeDoubles(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int previous = -1;
    for (int k = 0; k < word.length(); ) {
      int cp = word.codePointAt(k);
      if (cp != previous) {
        out.appendCodePoint(cp);
      }
      previous = cp;
      k += Character.charCount(cp);
    }
    return out.toString();
  }

  private void find(NormalizedText text, List<String> literals, List<ConceptHit> hits, Set<List<Integer>> seen) {
    StringBuilder literal = new StringBuilder();
    List<Segment> segments = segments(literals, literal);
    for (LanguagePattern pattern : patterns) {
      Matcher matcher = pattern.pattern().matcher(literal);
      while (matcher.find()) {
        String digits = matcher.group("age");
        if (digits == null || digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
          continue;
        }
        int age = Integer.parseInt(digits);
        int first = firstAt(segments, matcher.start());
        int last = lastBefore(segments, matcher.end());
        if (age <= MAX_AGE && seen.add(List.of(first, last, age))) {
          hits.add(new ConceptHit(
              Concept.AGE, pattern.language(), first, last, age, text.evidence(Concept.AGE.name(), first, last)));
        }
      }
    }
  }

  private List<Segment> segments(List<String> tokens, StringBuilder literal) {
    List<Segment> segments = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      if (!literal.isEmpty()) {
        literal.append(' ');
      }
      int start = literal.length();
      Integer value = numbers.get(tokens.get(i));
      int last = i;
      if (value == null) {
        literal.append(tokens.get(i));
      } else {
        int sum = value;
        int previous = value;
        while (true) {
          int next = last + 1;
          if (next < tokens.size() && joiners.contains(tokens.get(next))) {
            next++;
          }
          Integer more = next < tokens.size() ? numbers.get(tokens.get(next)) : null;
          if (more == null || more >= previous) {
            break;
          }
          sum += more;
          previous = more;
          last = next;
        }
        literal.append(sum);
      }
      segments.add(new Segment(start, literal.length(), i, last));
      i = last + 1;
    }
    return segments;
  }

  private static int firstAt(List<Segment> segments, int offset) {
    for (Segment segment : segments) {
      if (segment.end() > offset) {
        return segment.first();
      }
    }
    return segments.getLast().first();
  }

  private static int lastBefore(List<Segment> segments, int offset) {
    for (int s = segments.size() - 1; s >= 0; s--) {
      if (segments.get(s).start() < offset) {
        return segments.get(s).last();
      }
    }
    return segments.getFirst().last();
  }
}
