package io.gardefou.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ibm.icu.lang.UScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One language's concept terms, number words and age patterns, read from {@code lexicon/<lang>.yaml} and
 * checked once at load. The file format is described in docs/design/lexicon.md.
 */
public final class Lexicon {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final int MIN_STEM = 3;
  /** A Hangul syllable is a consonant and a vowel or more: two of them make a stem as specific as three letters. */
  private static final int MIN_HANGUL_STEM = 2;
  private static final int MAX_AGE = 130;

  private final String language;
  private final Diacritics diacritics;
  private final TermIndex terms;
  private final Map<String, Integer> numbers;
  private final Set<String> numberJoiners;
  private final List<Pattern> ages;

  private Lexicon(
      String language,
      Diacritics diacritics,
      TermIndex terms,
      Map<String, Integer> numbers,
      Set<String> numberJoiners,
      List<Pattern> ages) {
    this.language = language;
    this.diacritics = diacritics;
    this.terms = terms;
    this.numbers = Map.copyOf(numbers);
    this.numberJoiners = Set.copyOf(numberJoiners);
    this.ages = List.copyOf(ages);
  }

  /** The file as written: what Jackson reads before the checks. */
  private record LexiconFile(
      String language,
      String diacritics,
      Map<String, List<String>> concepts,
      Map<String, Integer> numbers,
      List<String> numberJoiners,
      List<String> ages) {}

  /** Loads {@code lexicon/<language>.yaml} from the classpath; throws IllegalStateException naming what is wrong. */
  public static Lexicon load(String language, TextNormalizer normalizer) {
    String resource = "lexicon/" + language + ".yaml";
    try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + ": not on the classpath");
      }
      Lexicon lexicon = parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), normalizer);
      if (!lexicon.language.equals(language)) {
        throw new IllegalStateException(resource + ": declares language '" + lexicon.language + "'");
      }
      return lexicon;
    } catch (IOException e) {
      throw new IllegalStateException(resource + ": cannot be read", e);
    }
  }

  /** Parses and checks a lexicon; {@code source} names it in every error. */
  static Lexicon parse(String source, String yaml, TextNormalizer normalizer) {
    LexiconFile file;
    try {
      file = YAML.readValue(yaml, LexiconFile.class);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalStateException(source + line + ": " + e.getOriginalMessage(), e);
    }
    if (file == null || file.language() == null || !LANGUAGE_TAG.matcher(file.language()).matches()) {
      throw new IllegalStateException(source + ": 'language' must be a BCP 47 tag such as 'en' or 'hi-Latn'");
    }
    Diacritics diacritics = diacritics(source, file.diacritics());
    if (file.concepts() == null || file.concepts().isEmpty()) {
      throw new IllegalStateException(source + ": 'concepts' lists no terms");
    }
    TermIndex terms = terms(source, file.concepts(), diacritics, normalizer);
    Map<String, Integer> numbers = numbers(source, file.numbers() == null ? Map.of() : file.numbers(), normalizer);
    Set<String> joiners = joiners(source, file.numberJoiners() == null ? List.of() : file.numberJoiners(), normalizer);
    List<Pattern> ages = ages(source, file.ages() == null ? List.of() : file.ages());
    return new Lexicon(file.language(), diacritics, terms, numbers, joiners, ages);
  }

  public String language() {
    return language;
  }

  /** Every term found in the text: at each token, the longest term that starts there. */
  public List<ConceptHit> match(NormalizedText text) {
    List<ConceptHit> hits = new ArrayList<>();
    List<Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      terms.longestAt(tokens, i, diacritics).ifPresent(found -> hits.add(new ConceptHit(
          found.term().concept(), language, found.first(), found.last(), -1,
          text.evidence(found.term().concept().name(), found.first(), found.last()))));
    }
    return hits;
  }

  /** Number words by their literal token form ("twelve" → 12), for age expressions. */
  Map<String, Integer> numbers() {
    return numbers;
  }

  /** Words that join two number words into one number ("vingt et un"), by their literal token form. */
  Set<String> numberJoiners() {
    return numberJoiners;
  }

  /** Age patterns over the literal text, each with a group named {@code age}, bounded to whole words. */
  List<Pattern> ages() {
    return ages;
  }

  private static Diacritics diacritics(String source, String value) {
    if (value == null) {
      return Diacritics.STRIP;
    }
    return switch (value) {
      case "strip" -> Diacritics.STRIP;
      case "keep" -> Diacritics.KEEP;
      default -> throw new IllegalStateException(source + ": 'diacritics' must be 'strip' or 'keep', was '" + value + "'");
    };
  }

  private static TermIndex terms(
      String source, Map<String, List<String>> concepts, Diacritics diacritics, TextNormalizer normalizer) {
    TermIndex.Builder index = TermIndex.builder();
    concepts.forEach((name, entries) -> {
      Concept concept = concept(source, name);
      if (entries == null || entries.isEmpty()) {
        throw new IllegalStateException(source + ": concept " + name + " lists no terms");
      }
      for (int i = 0; i < entries.size(); i++) {
        String entry = entries.get(i);
        String where = source + ": concept " + name + ", entry " + (i + 1) + " ('" + entry + "')";
        List<TermIndex.Word> words = words(where, entry, diacritics, normalizer);
        index.add(words, new TermIndex.Term(concept, entry)).ifPresent(earlier -> {
          throw new IllegalStateException(
              where + " duplicates '" + earlier.entry() + "' under " + earlier.concept() + " once normalised");
        });
      }
    });
    return index.build();
  }

  private static Concept concept(String source, String name) {
    Concept concept;
    try {
      concept = Concept.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": unknown concept '" + name + "'", e);
    }
    if (!concept.listed()) {
      throw new IllegalStateException(source + ": concept " + name + " is found by patterns, not listed as terms");
    }
    return concept;
  }

  /** A term's words as token keys; a word ending in {@code *} matches by prefix on its last token. */
  private static List<TermIndex.Word> words(String where, String entry, Diacritics diacritics, TextNormalizer normalizer) {
    if (entry == null || entry.isBlank()) {
      throw new IllegalStateException(where + " is empty");
    }
    List<TermIndex.Word> words = new ArrayList<>();
    for (String raw : entry.strip().split("\\s+")) {
      boolean prefix = raw.endsWith("*");
      String word = prefix ? raw.substring(0, raw.length() - 1) : raw;
      if (word.indexOf('*') >= 0) {
        throw new IllegalStateException(where + " has a '*' that does not end a word");
      }
      List<Token> tokens = normalizer.normalize(word).tokens();
      for (int t = 0; t < tokens.size(); t++) {
        String key = tokens.get(t).keys(diacritics).getFirst();
        boolean isPrefix = prefix && t == tokens.size() - 1;
        int minStem = key.codePoints().allMatch(cp -> UScript.getScript(cp) == UScript.HANGUL) ? MIN_HANGUL_STEM : MIN_STEM;
        if (isPrefix && key.codePointCount(0, key.length()) < minStem) {
          throw new IllegalStateException(where + " has a prefix shorter than " + minStem + " letters");
        }
        words.add(new TermIndex.Word(key, isPrefix));
      }
    }
    if (words.isEmpty()) {
      throw new IllegalStateException(where + " is empty once normalised");
    }
    return words;
  }

  private static Map<String, Integer> numbers(String source, Map<String, Integer> numbers, TextNormalizer normalizer) {
    Map<String, Integer> byLiteral = new HashMap<>();
    numbers.forEach((word, value) -> {
      List<Token> tokens = word == null ? List.of() : normalizer.normalize(word).tokens();
      if (tokens.size() != 1 || value == null || value < 0 || value > MAX_AGE) {
        throw new IllegalStateException(
            source + ": number '" + word + "' must be one word with a value from 0 to " + MAX_AGE);
      }
      if (byLiteral.put(tokens.getFirst().literal(), value) != null) {
        throw new IllegalStateException(source + ": number '" + word + "' is listed twice once normalised");
      }
    });
    return byLiteral;
  }

  private static Set<String> joiners(String source, List<String> joiners, TextNormalizer normalizer) {
    Set<String> byLiteral = new HashSet<>();
    for (String joiner : joiners) {
      List<Token> tokens = joiner == null ? List.of() : normalizer.normalize(joiner).tokens();
      if (tokens.size() != 1) {
        throw new IllegalStateException(source + ": number joiner '" + joiner + "' must be one word");
      }
      byLiteral.add(tokens.getFirst().literal());
    }
    return byLiteral;
  }

  private static List<Pattern> ages(String source, List<String> patterns) {
    List<Pattern> compiled = new ArrayList<>();
    for (String pattern : patterns) {
      if (pattern == null || pattern.isBlank()) {
        throw new IllegalStateException(source + ": an age pattern is empty");
      }
      Pattern regex;
      try {
        // Bounded by non-word chars so that a pattern only ever matches whole tokens of the literal text.
        regex = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + pattern + ")(?![\\p{L}\\p{N}])");
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException(source + ": age pattern '" + pattern + "' is not a regex: " + e.getDescription(), e);
      }
      if (!regex.namedGroups().containsKey("age")) {
        throw new IllegalStateException(source + ": age pattern '" + pattern + "' has no group named 'age'");
      }
      compiled.add(regex);
    }
    return compiled;
  }

  @Override
  public String toString() {
    return "Lexicon[" + language + "]";
  }
}
