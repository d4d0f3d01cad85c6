package io.gardefou.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One lexicon's terms as a trie over token keys; finds the longest term that starts at a token. */
final class TermIndex {
  /** A lexicon entry as written, and the concept it stands for. */
  record Term(Concept concept, String entry) {}

  /** One word of a term: its key, and whether it matches any token key that starts with it ({@code nud*}). */
  record Word(String key, boolean prefix) {}

  /** A term found at tokens {@code first..last} (inclusive). */
  record Found(Term term, int first, int last) {}

  private record Node(Map<String, Node> exact, Map<String, Node> prefixes, Term term) {}

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
    walk(root, tokens, first, first, diacritics, best);
    return Optional.ofNullable(best[0]);
  }

  private static void walk(Node node, List<Token> tokens, int first, int next, Diacritics diacritics, Found[] best) {
    if (node.term() != null && (best[0] == null || best[0].last() < next - 1)) {
      best[0] = new Found(node.term(), first, next - 1);
    }
    if (next >= tokens.size()) {
      return;
    }
    for (String key : tokens.get(next).keys(diacritics)) {
      Node child = node.exact().get(key);
      if (child != null) {
        walk(child, tokens, first, next + 1, diacritics, best);
      }
      for (Map.Entry<String, Node> prefix : node.prefixes().entrySet()) {
        if (key.startsWith(prefix.getKey())) {
          walk(prefix.getValue(), tokens, first, next + 1, diacritics, best);
        }
      }
    }
  }

  /** Collects terms; {@link #add} reports a duplicate instead of overwriting it. */
  static final class Builder {
    private static final class Draft {
      final Map<String, Draft> exact = new HashMap<>();
      final Map<String, Draft> prefixes = new HashMap<>();
      Term term;
    }

    private final Draft root = new Draft();

    /** Adds the term, or returns the term already there under the same words. */
    Optional<Term> add(List<Word> words, Term term) {
      Draft node = root;
      for (Word word : words) {
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

    private static Node freeze(Draft draft) {
      Map<String, Node> exact = new HashMap<>();
      draft.exact.forEach((key, child) -> exact.put(key, freeze(child)));
      Map<String, Node> prefixes = new HashMap<>();
      draft.prefixes.forEach((key, child) -> prefixes.put(key, freeze(child)));
      return new Node(Map.copyOf(exact), Map.copyOf(prefixes), draft.term);
    }
  }
}
