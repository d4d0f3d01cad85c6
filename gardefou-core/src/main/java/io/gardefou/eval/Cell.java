package io.gardefou.eval;

import java.util.Objects;

/**
 * The results of one slice of the cases. Each key is a value or {@value #ALL} for pooled.
 *
 * @param category a category's wire name, or {@value Expectation#BENIGN}
 * @param variant a perturbation's name, {@value EvalCase#ORIGINAL}, or {@value #ALL}
 * @param recall expected-block cases the verdict refused or sent to review
 * @param categoryRecall expected-block cases blocked and flagged with the expected category
 * @param falsePositiveRate expected-allow cases not allowed
 */
public record Cell(
    String dataset, String variant, String category, String lang, Proportion recall, Proportion categoryRecall,
    Proportion falsePositiveRate) {
  public static final String ALL = "*";

  public Cell {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(recall, "recall");
    Objects.requireNonNull(categoryRecall, "categoryRecall");
    Objects.requireNonNull(falsePositiveRate, "falsePositiveRate");
  }
}
