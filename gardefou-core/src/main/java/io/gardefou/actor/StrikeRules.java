package io.gardefou.actor;

import io.gardefou.model.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How strikes count: a weight per category, the half-life over which a strike's weight fades, the decayed
 * score at which an actor is suspended, and for how long. Pure arithmetic, no state.
 *
 * <p>The score at {@code now} is the sum over strikes of {@code weight × 2^(−age / halfLife)}: a strike counts in
 * full when given, half after one half-life, a quarter after two. docs/design/actors.md says why.
 *
 * @param weights the weight of a refusal for each category; categories absent weigh {@link #DEFAULT_WEIGHT}
 */
public record StrikeRules(Map<Category, Double> weights, Duration halfLife, double threshold, Duration suspension) {
  /** The weight of a category the rules do not name. */
  public static final double DEFAULT_WEIGHT = 1.0;

  public StrikeRules {
    weights = Map.copyOf(Objects.requireNonNull(weights, "weights"));
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(suspension, "suspension");
    weights.forEach((category, weight) -> {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("strike weight of " + category.wireName() + " must be positive, was " + weight);
      }
    });
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("strike half-life must be positive, was " + halfLife);
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("suspension threshold must be positive, was " + threshold);
    }
    if (suspension.isNegative() || suspension.isZero()) {
      throw new IllegalArgumentException("suspension period must be positive, was " + suspension);
    }
  }

  /**
   * The defaults: an attempt at sexual content with minors weighs 10 and reaches the threshold of 10 at once;
   * non-consensual sexual depiction of a real person 5 (two within weeks); anything else 1. Half-life 30 days,
   * suspension 30 days.
   */
  public static StrikeRules defaults() {
    return new StrikeRules(
        Map.of(Category.SEXUAL_MINORS, 10.0, Category.SEXUAL_NON_CONSENSUAL, 5.0),
        Duration.ofDays(30), 10.0, Duration.ofDays(30));
  }

  public double weight(Category category) {
    return weights.getOrDefault(category, DEFAULT_WEIGHT);
  }

  /** The heaviest of {@code categories}, the one a strike is given for; empty when there are none. */
  public Optional<Category> heaviest(Collection<Category> categories) {
    // Ties go to the category first in enum order, so that the same refusal always gives the same strike.
    return categories.stream().sorted()
        .reduce((a, b) -> weight(b) > weight(a) ? b : a);
  }

  /** The decayed score of {@code strikes} at {@code now}; a strike dated after {@code now} counts in full. */
  public double score(Collection<Strike> strikes, Instant now) {
    double halfLifeSeconds = halfLife.toMillis() / 1000.0;
    double score = 0;
    for (Strike strike : strikes) {
      double ageSeconds = Math.max(0, Duration.between(strike.at(), now).toMillis() / 1000.0);
      score += strike.weight() * Math.pow(0.5, ageSeconds / halfLifeSeconds);
    }
    return score;
  }

  /** Whether {@code score} calls for a suspension. */
  public boolean suspends(double score) {
    return score >= threshold;
  }
}
