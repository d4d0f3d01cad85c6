package io.gardefou.eval;

import io.gardefou.model.Category;
import java.util.Map;
import java.util.Set;

/**
 * Reads the shared label vocabulary ({@code our_category}, {@code expected_action}) into an expectation, a
 * reason to skip the row, or a reason it is malformed. Reasons never quote field values, which may hold text.
 */
final class Labels {
  private static final Map<String, Category> HARMS = Map.of(
      "minor_sexual", Category.SEXUAL_MINORS,
      "nonconsensual_realperson_sexual", Category.SEXUAL_NON_CONSENSUAL,
      "adult_sexual", Category.SEXUAL,
      "violence", Category.VIOLENCE,
      "hate", Category.HATE,
      "self_harm", Category.SELF_HARM);
  /** Labelled, but with no Garde-fou category to score against: counted as skipped, not evaluated. */
  private static final Set<String> UNMAPPED =
      Set.of("other_unsafe", "realperson_nonsexual", "realperson_or_political", "edit_unlabelled");
  private static final String BENIGN = "benign";

  private Labels() {}

  sealed interface Reading permits Keep, Skip, Bad {}

  record Keep(Expectation expectation) implements Reading {}

  record Skip(String reason) implements Reading {}

  record Bad(String reason) implements Reading {}

  static Reading read(String ourCategory, String expectedAction) {
    boolean known = HARMS.containsKey(ourCategory) || UNMAPPED.contains(ourCategory) || BENIGN.equals(ourCategory);
    if (!known) {
      return new Bad("unknown category");
    }
    boolean block;
    switch (expectedAction) {
      case "block" -> block = true;
      case "allow", "allow_presumed" -> block = false;
      case "review" -> {
        return new Skip("review");
      }
      default -> {
        return new Bad("unknown expected action");
      }
    }
    if (UNMAPPED.contains(ourCategory)) {
      return new Skip(ourCategory);
    }
    if (BENIGN.equals(ourCategory)) {
      return block ? new Bad("a benign case cannot expect block") : new Keep(Expectation.allow());
    }
    Category category = HARMS.get(ourCategory);
    return new Keep(block ? Expectation.block(category) : Expectation.allowNear(category));
  }
}
