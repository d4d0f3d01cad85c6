package io.gardefou.eval;

import io.gardefou.model.Category;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a case should get: blocked or allowed, and the category it is about. Plain benign text is about no
 * category; a hard-benign case is about one but should be allowed (a child's birthday party, a swimsuit ad).
 */
public record Expectation(Optional<Category> category, boolean block) {
  /** The category label of benign cases in reports and targets. */
  public static final String BENIGN = "benign";

  public Expectation {
    Objects.requireNonNull(category, "category");
    if (block && category.isEmpty()) {
      throw new IllegalArgumentException("a case expected to be blocked needs the category it is about");
    }
  }

  public static Expectation block(Category category) {
    return new Expectation(Optional.of(category), true);
  }

  public static Expectation allow() {
    return new Expectation(Optional.empty(), false);
  }

  /** A hard-benign case: near the category, yet to be allowed. */
  public static Expectation allowNear(Category category) {
    return new Expectation(Optional.of(category), false);
  }

  /** The category's wire name, or {@value #BENIGN}. */
  public String label() {
    return category.map(Category::wireName).orElse(BENIGN);
  }

  /**
   * Whether the flagged categories name the expected one or one of its sub-categories: {@code violence/graphic}
   * is the right category for a violence case, but {@code sexual} is not for a {@code sexual/minors} case.
   */
  public boolean isRightCategory(Set<Category> flagged) {
    return category
        .map(expected -> flagged.stream().anyMatch(
            c -> c == expected || c.wireName().startsWith(expected.wireName() + "/")))
        .orElse(false);
  }
}
