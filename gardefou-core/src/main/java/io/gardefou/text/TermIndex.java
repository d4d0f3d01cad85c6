package io.gardefou.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One lexicon's terms as a trie over token keys; finds the longest term that starts at a token.
 *
 * <p>Typos: a term may match with <em>one</em> of its words mistyped, the way people slip: one letter doubled
 * (words of {@value #MIN_TYPO_LETTERS}+ letters) or two adjacent letters swapped (words of {@value #MIN_SWAP_LETTERS}+
 * letters: French "peins" is a swap of "penis"). Shorter words ({@value #MIN_TYPO_LETTERS}+ letters) are swapped too
 * for terms of the concepts that flag nothing alone ({@link #SHORT_SWAPS}: "taek off" still needs a
 * garment), and then match only terms of those concepts. A prefix stem also matches a word one letter longer with
 * its last two letters swapped ("desnuad" for "desnud*").
 * A letter left out is not tried: too many real words are a term less a letter ("striped", "violet", "boxes").
 * Every misspelling is computed when the lexicon loads, so a lookup is one hash probe and allocates nothing; a
 * misspelling that is itself a word of the lexicon is dropped, and an exact match always beats a fuzzy one. SAFE
 * phrases never match fuzzily: a typo must not widen what they mask.
 *
 * <p>Ties are broken by a total order, so that a prompt reads the same in every run: at equal span an exact match
 * beats a fuzzy one, then the earlier key form of a token wins, then an exact word beats a prefix, a longer prefix
 * beats a shorter one ("kıyafetsiz*" over "kıyafet*"), and last the term declared first in the file wins.
 */
final class TermIndex {
  static final int MIN_TYPO_LETTERS = 4;
  static final int MIN_SWAP_LETTERS = 6;
  /** A masked word ("n*de") matches terms' words of this many letters or more, and only when one word fits. */
  static final int MIN_MASKED_LETTERS = 4;
  /** Concepts that count only beside another: a short swap that meets a real word finds half a pair at most. */
  static final Set<Concept> SHORT_SWAPS =
      EnumSet.of(Concept.MINOR, Concept.YOUTH, Concept.REMOVAL, Concept.GARMENT, Concept.REAL_PERSON);

  /** A lexicon entry as written, and the concept it stands for. */
  record Term(Concept concept, String entry) {}

  /** One word of a term: its key, and whether it matches any token key that starts with it ({@code nud*}). */
  record Word(String key, boolean prefix) {}

  /** A term found at tokens {@code first..last} (inclusive); {@code fuzzy} when a word matched by a typo. */
  record Found(Term term, int first, int last, boolean fuzzy) {}

  /** How a walk has matched so far: exactly, with one typo, or with one short swap (only SHORT_SWAPS terms). */
  private enum Fuzz { EXACT, TYPO, SHORT_SWAP }

  /** A misspelt key's node, and whether the misspelling is a short swap. */
  private record Typo(Node node, Fuzz fuzz) {}

  /** A prefix stem ({@code nud*}) and the node its term continues from. */
  private record Prefix(String key, Node node) {}

  /**
   * A trie node; {@code prefixes} are ordered longest stem first, then as declared; {@code typos} maps each
   * misspelling of an exact child key to that child, {@code prefixTypos} each misspelling of a prefix stem, probed
   * at the lengths in {@code prefixTypoLengths}.
   */
  private record Node(Map<String, Node> exact, List<Prefix> prefixes, Map<String, Typo> typos,
      Map<String, Typo> prefixTypos, int[] prefixTypoLengths, Term term) {}

  private final Node root;

  private TermIndex(Node root) {
    this.root = root;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The longest term starting at token {@code first}, trying every key form of each token. */
  Optional<Found> longestAt(List<Token> tokens, int first, Diacritics diacritics) {
    Found[] best = new Found[1];
    walk(root, tokens, first, first, Fuzz.EXACT, diacritics, best);
    return Optional.ofNullable(best[0]);
  }

  private static void walk(Node node, List<Token> tokens, int first, int next, Fuzz fuzz, Diacritics diacritics,
      Found[] best) {
    Term term = node.term();
    boolean fuzzy = fuzz != Fuzz.EXACT;
    if (term != null && accepts(fuzz, term.concept()) && better(best[0], next - 1, fuzzy)) {
      best[0] = new Found(term, first, next - 1, fuzzy);
    }
    if (next >= tokens.size()) {
      return;
    }
    for (String key : tokens.get(next).keys(diacritics)) {
      Node child = node.exact().get(key);
      if (child != null) {
        walk(child, tokens, first, next + 1, fuzz, diacritics, best);
      }
      for (Prefix prefix : node.prefixes()) {
        if (key.startsWith(prefix.key())) {
          walk(prefix.node(), tokens, first, next + 1, fuzz, diacritics, best);
        }
      }
      if (!fuzzy) {
        walkTypos(node, tokens, first, next, key, diacritics, best);
      }
    }
  }

  private static boolean accepts(Fuzz fuzz, Concept concept) {
    return switch (fuzz) {
      case EXACT -> true;
      case TYPO -> concept != Concept.SAFE;
      case SHORT_SWAP -> SHORT_SWAPS.contains(concept);
    };
  }

  /** At most one mistyped word per term keeps fuzzy matching from drifting. */
  private static void walkTypos(Node node, List<Token> tokens, int first, int next, String key, Diacritics diacritics,
      Found[] best) {
    Typo typo = node.typos().get(key);
    if (typo != null) {
      walk(typo.node(), tokens, first, next + 1, typo.fuzz(), diacritics, best);
    }
    for (int length : node.prefixTypoLengths()) {
      if (key.length() >= length) {
        Typo stem = node.prefixTypos().get(key.substring(0, length));
        if (stem != null) {
          walk(stem.node(), tokens, first, next + 1, stem.fuzz(), diacritics, best);
        }
      }
    }
    for (Prefix prefix : node.prefixes()) {
      if (swappedAtEnd(key, prefix.key())) {
        Fuzz fuzz = letters(key) >= MIN_SWAP_LETTERS ? Fuzz.TYPO : Fuzz.SHORT_SWAP;
        walk(prefix.node(), tokens, first, next + 1, fuzz, diacritics, best);
      }
    }
  }

  /**
   * Whether {@code key} is {@code stem} and one more letter, the last two swapped ("desnuad" for "desnud*"). Only
   * one more: with a longer tail the swap cannot be told from an inserted letter ("peninsula" for "penis*").
   */
  private static boolean swappedAtEnd(String key, String stem) {
    int last = stem.length() - 1;
    return key.length() == stem.length() + 1
        && letters(key) >= MIN_TYPO_LETTERS
        && key.charAt(last + 1) == stem.charAt(last)
        && key.charAt(last) != stem.charAt(last)
        && key.regionMatches(0, stem, 0, last);
  }

  private static int letters(String key) {
    return key.codePointCount(0, key.length());
  }

  /** Longer wins; at equal length an exact match beats a fuzzy one. */
  private static boolean better(Found current, int last, boolean fuzzy) {
    return current == null || current.last() < last || (current.last() == last && current.fuzzy() && !fuzzy);
  }

  /** Collects terms; {@link #add} reports a duplicate instead of overwriting it. */
  static final class Builder {
    private static final class Draft {
      // Insertion-ordered, so that ties between terms fall to the one declared first.
      final Map<String, Draft> exact = new LinkedHashMap<>();
      final Map<String, Draft> prefixes = new LinkedHashMap<>();
      Term term;
    }

    private final Draft root = new Draft();
    private final Set<String> words = new HashSet<>();
    /** Each masked form of the lexicon's words, and how many distinct words it could stand for. */
    private final Map<String, Integer> masks = new HashMap<>();

    /** Adds the term, or returns the term already there under the same words. */
    Optional<Term> add(List<Word> words, Term term) {
      Draft node = root;
      for (Word word : words) {
        if (this.words.add(word.key())) {
          masked(word.key()).forEach(mask -> masks.merge(mask, 1, Integer::sum));
        }
        node = (word.prefix() ? node.prefixes : node.exact).computeIfAbsent(word.key(), k -> new Draft());
      }
      if (node.term != null) {
        return Optional.of(node.term);
      }
      node.term = term;
      return Optional.empty();
    }

    TermIndex build() {
      return new TermIndex(freeze(root));
    }

    private Node freeze(Draft draft) {
      Map<String, Node> exact = new HashMap<>();
      Map<String, Typo> typos = new HashMap<>();
      draft.exact.forEach((key, child) -> {
        Node node = freeze(child);
        exact.put(key, node);
        misspellings(key).forEach((typo, fuzz) -> typos.putIfAbsent(typo, new Typo(node, fuzz)));
      });
      List<Prefix> prefixes = new ArrayList<>();
      Map<String, Typo> prefixTypos = new HashMap<>();
      draft.prefixes.forEach((key, child) -> {
        Node node = freeze(child);
        prefixes.add(new Prefix(key, node));
        misspellings(key).forEach((typo, fuzz) -> prefixTypos.putIfAbsent(typo, new Typo(node, fuzz)));
      });
      // A stable sort: longest stem first, declaration order among equal lengths.
      prefixes.sort(Comparator.comparingInt((Prefix prefix) -> prefix.key().length()).reversed());
      int[] lengths = prefixTypos.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
      return new Node(Map.copyOf(exact), List.copyOf(prefixes), Map.copyOf(typos), Map.copyOf(prefixTypos), lengths,
          draft.term);
    }

    /** The doublings and swaps of a word, each with its kind, less those that are words of the lexicon. */
    private Map<String, Fuzz> misspellings(String word) {
      int[] letters = word.codePoints().toArray();
      Map<String, Fuzz> typos = new LinkedHashMap<>();
      if (letters.length < MIN_TYPO_LETTERS) {
        return typos;
      }
      Fuzz swap = letters.length >= MIN_SWAP_LETTERS ? Fuzz.TYPO : Fuzz.SHORT_SWAP;
      for (int i = 0; i < letters.length; i++) {
        if (i + 1 < letters.length && letters[i] != letters[i + 1]) {
          int[] swapped = letters.clone();
          swapped[i] = letters[i + 1];
          swapped[i + 1] = letters[i];
          typos.putIfAbsent(new String(swapped, 0, swapped.length), swap);
        }
        StringBuilder doubled = new StringBuilder(word.length() + 2);
        for (int j = 0; j < letters.length; j++) {
          doubled.appendCodePoint(letters[j]);
          if (j == i) {
            doubled.appendCodePoint(letters[j]);
          }
        }
        typos.put(doubled.toString(), Fuzz.TYPO);
      }
      typos.keySet().removeIf(words::contains);
      for (String mask : masked(word)) {
        if (masks.getOrDefault(mask, 0) == 1) {
          typos.putIfAbsent(mask, Fuzz.TYPO);
        }
      }
      return typos;
    }

    /**
     * The word with one inner letter replaced by {@link TextNormalizer#WILDCARD} ("n*de" for "nude"), for words of
     * {@value #MIN_MASKED_LETTERS}+ letters; the first and last letters stay, as they do when people mask a word.
     */
    private static List<String> masked(String word) {
      int[] letters = word.codePoints().toArray();
      if (letters.length < MIN_MASKED_LETTERS || word.indexOf(TextNormalizer.WILDCARD) >= 0) {
        return List.of();
      }
      List<String> masked = new ArrayList<>(letters.length - 2);
      for (int i = 1; i < letters.length - 1; i++) {
        int[] copy = letters.clone();
        copy[i] = TextNormalizer.WILDCARD;
        masked.add(new String(copy, 0, copy.length));
      }
      return masked;
    }
  }
}
