package io.gardefou.eval;

import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One labelled text to screen: where it comes from, what it says, and what Garde-fou should do with it.
 *
 * @param id unique within its dataset; {@value #VARIANT_MARK} is reserved for perturbed variants ({@code <id>~leet})
 * @param lang an ISO 639-1 code, or {@code und} when unknown
 */
public record EvalCase(String dataset, String id, String text, String lang, Operation operation, Expectation expected) {
  public static final String VARIANT_MARK = "~";
  /** The {@link #variant()} of a case that was not perturbed. */
  public static final String ORIGINAL = "original";

  private static final Pattern LANG = Pattern.compile("[a-z]{2}|und");

  public EvalCase {
    requireNonBlank(dataset, "dataset");
    requireNonBlank(id, "id");
    requireNonBlank(text, "text");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(expected, "expected");
    if (!isLanguage(lang)) {
      throw new IllegalArgumentException("lang of case " + id + " must be ISO 639-1 or 'und'");
    }
  }

  /** Whether {@code code} is a lower-case ISO 639-1 code or {@code und}. */
  static boolean isLanguage(String code) {
    return LANG.matcher(code).matches();
  }

  public ScreeningRequest request() {
    return ScreeningRequest.ofText(operation, text);
  }

  /** The perturbation this case was made by, or {@value #ORIGINAL}. */
  public String variant() {
    int mark = id.lastIndexOf(VARIANT_MARK);
    return mark < 0 ? ORIGINAL : id.substring(mark + 1);
  }

  /** The same case with its text perturbed, under the id {@code <id>~<kind>}. */
  public EvalCase withVariant(String kind, String variantText) {
    return new EvalCase(dataset, id + VARIANT_MARK + kind, variantText, lang, operation, expected);
  }

  /** Leaves the text out: the data holds explicit text that must not reach logs or test output. */
  @Override
  public String toString() {
    return "EvalCase[" + dataset + "/" + id + ", " + lang + ", " + operation.wireName() + ", "
        + (expected.block() ? "block " : "allow ") + expected.label() + "]";
  }

  private static void requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
