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

  private final Map<String, Integer> numbers;
  private final Set<String> joiners;
  private final List<LanguagePattern> patterns;

  private AgeFinder(Map<String, Integer> numbers, Set<String> joiners, List<LanguagePattern> patterns) {
    this.numbers = Map.copyOf(numbers);
    this.joiners = Set.copyOf(joiners);
    this.patterns = List.copyOf(patterns);
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
    StringBuilder literal = new StringBuilder();
    List<Segment> segments = segments(text.tokens(), literal);
    List<ConceptHit> hits = new ArrayList<>();
    Set<List<Integer>> seen = new HashSet<>();
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
    return hits;
  }

  private List<Segment> segments(List<Token> tokens, StringBuilder literal) {
    List<Segment> segments = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      if (!literal.isEmpty()) {
        literal.append(' ');
      }
      int start = literal.length();
      Integer value = numbers.get(tokens.get(i).literal());
      int last = i;
      if (value == null) {
        literal.append(tokens.get(i).literal());
      } else {
        int sum = value;
        int previous = value;
        while (true) {
          int next = last + 1;
          if (next < tokens.size() && joiners.contains(tokens.get(next).literal())) {
            next++;
          }
          Integer more = next < tokens.size() ? numbers.get(tokens.get(next).literal()) : null;
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
