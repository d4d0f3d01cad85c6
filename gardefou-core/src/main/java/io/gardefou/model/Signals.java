package io.gardefou.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What the detectors found about one request: category scores, named facts, and who could not answer. */
public record Signals(List<Score> scores, List<Fact> facts, List<DetectorFailure> failures) {
  private static final Signals EMPTY = new Signals(List.of(), List.of(), List.of());

  public Signals {
    scores = List.copyOf(scores);
    facts = List.copyOf(facts);
    failures = List.copyOf(failures);
  }

  public static Signals empty() {
    return EMPTY;
  }

  public static Signals failed(DetectorFailure failure) {
    return new Signals(List.of(), List.of(), List.of(failure));
  }

  /** Starts the signals of one detector. */
  public static Builder from(String detector) {
    return new Builder(detector);
  }

  /** These signals and the other's, side by side. */
  public Signals and(Signals other) {
    if (other.equals(EMPTY)) {
      return this;
    }
    return new Signals(concat(scores, other.scores), concat(facts, other.facts), concat(failures, other.failures));
  }

  /** The highest score any detector gave the category, or 0 when none scored it. */
  public double score(Category category) {
    double max = 0.0;
    for (Score score : scores) {
      if (score.category() == category && score.value() > max) {
        max = score.value();
      }
    }
    return max;
  }

  /** The highest score per category, every category present. */
  public Map<Category, Double> maxScores() {
    Map<Category, Double> max = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      max.put(category, 0.0);
    }
    for (Score score : scores) {
      max.merge(score.category(), score.value(), Math::max);
    }
    return max;
  }

  /** The evidence behind the category's scores, from every detector that scored it. */
  public List<Evidence> evidence(Category category) {
    List<Evidence> all = new ArrayList<>();
    for (Score score : scores) {
      if (score.category() == category) {
        all.addAll(score.evidence());
      }
    }
    return all;
  }

  /** The first value of the named fact, if a detector established it. */
  public Optional<String> fact(String name) {
    return facts.stream().filter(f -> f.name().equals(name)).map(Fact::value).findFirst();
  }

  /** Categories whose presence is unknown because a detector that covers them failed. */
  public Set<Category> unknown() {
    Set<Category> unknown = EnumSet.noneOf(Category.class);
    failures.forEach(failure -> unknown.addAll(failure.unknown()));
    return unknown;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  /** Collects one detector's scores and facts under its name. */
  public static final class Builder {
    private final String detector;
    private final List<Score> scores = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();

    private Builder(String detector) {
      this.detector = Objects.requireNonNull(detector, "detector");
    }

    public Builder score(Category category, double value, List<Evidence> evidence) {
      scores.add(new Score(category, value, detector, evidence));
      return this;
    }

    public Builder fact(String name, String value) {
      facts.add(new Fact(name, value, detector));
      return this;
    }

    public Signals build() {
      return new Signals(scores, facts, List.of());
    }
  }
}
