package io.gardefou.bank;

import io.gardefou.model.Category;
import java.util.Objects;
import java.util.Optional;

/** What a match in a bank means for screening: a category scored 1.0, or a fact and nothing more. */
public sealed interface BankAction {
  /** The category a match scores, if any. */
  Optional<Category> category();

  /** The stored form: {@code score:<category wire name>} or {@code fact}. */
  String id();

  static BankAction score(Category category) {
    return new Score(category);
  }

  static BankAction factOnly() {
    return FactOnly.INSTANCE;
  }

  /** Parses {@link #id()}. */
  static BankAction parse(String id) {
    Objects.requireNonNull(id, "id");
    if (id.equals(FactOnly.ID)) {
      return factOnly();
    }
    if (id.startsWith(Score.PREFIX)) {
      return score(Category.fromWireName(id.substring(Score.PREFIX.length())));
    }
    throw new IllegalArgumentException("a bank action is 'fact' or 'score:<category>', got '" + id + "'");
  }

  /** A match scores the category 1.0. */
  record Score(Category scored) implements BankAction {
    static final String PREFIX = "score:";

    public Score {
      Objects.requireNonNull(scored, "scored");
    }

    @Override
    public Optional<Category> category() {
      return Optional.of(scored);
    }

    @Override
    public String id() {
      return PREFIX + scored.wireName();
    }
  }

  /** A match is recorded as a fact only (provenance: "was this image made here?"). */
  enum FactOnly implements BankAction {
    INSTANCE;

    static final String ID = "fact";

    @Override
    public Optional<Category> category() {
      return Optional.empty();
    }

    @Override
    public String id() {
      return ID;
    }
  }
}
