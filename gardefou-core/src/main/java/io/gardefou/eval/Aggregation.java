package io.gardefou.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Folds outcomes into the report's cells, latencies and miss lists. Pure arithmetic, no rendering. */
final class Aggregation {
  private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::dataset)
      .thenComparing(Cell::variant).thenComparing(Cell::category).thenComparing(Cell::lang);

  private Aggregation() {}

  /** Dataset × category × language, originals and variants pooled. */
  static List<Cell> byDatasetCategoryLanguage(List<Outcome> outcomes) {
    return group(outcomes, o -> new Key(o.evalCase().dataset(), Cell.ALL, label(o), o.evalCase().lang()));
  }

  /** Category across every dataset and language, each distinct text once: the pooled figure of the run. */
  static List<Cell> totals(List<Outcome> outcomes) {
    Set<String> seen = new HashSet<>();
    List<Outcome> distinct = outcomes.stream().filter(o -> seen.add(o.evalCase().text())).toList();
    return group(distinct, o -> new Key(Cell.ALL, Cell.ALL, label(o), Cell.ALL));
  }

  /** Recall of harmful cases per dataset and perturbation, for the datasets that were perturbed. */
  static List<Cell> byVariant(List<Outcome> outcomes) {
    Set<String> perturbed = new HashSet<>();
    outcomes.stream().filter(o -> !o.evalCase().variant().equals(EvalCase.ORIGINAL))
        .forEach(o -> perturbed.add(o.evalCase().dataset()));
    List<Outcome> harmful = outcomes.stream()
        .filter(o -> o.evalCase().expected().block() && perturbed.contains(o.evalCase().dataset())).toList();
    return group(harmful, o -> new Key(o.evalCase().dataset(), o.evalCase().variant(), Cell.ALL, Cell.ALL));
  }

  /** Latency per dataset, then over all datasets under {@value Cell#ALL}. */
  static List<EvaluationReport.Latency> latency(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byDataset = new TreeMap<>();
    outcomes.forEach(o -> byDataset.computeIfAbsent(o.evalCase().dataset(), d -> new ArrayList<>()).add(o));
    List<EvaluationReport.Latency> latency = new ArrayList<>();
    byDataset.forEach((dataset, list) -> latency.add(latencyOf(dataset, list)));
    if (!outcomes.isEmpty()) {
      latency.add(latencyOf(Cell.ALL, outcomes));
    }
    return latency;
  }

  /** The ids of every case the screener got wrong, by dataset. */
  static List<EvaluationReport.Misses> misses(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byDataset = new TreeMap<>();
    outcomes.forEach(o -> byDataset.computeIfAbsent(o.evalCase().dataset(), d -> new ArrayList<>()).add(o));
    List<EvaluationReport.Misses> misses = new ArrayList<>();
    byDataset.forEach((dataset, list) -> misses.add(new EvaluationReport.Misses(dataset,
        ids(list, o -> o.evalCase().expected().block() && !o.blocked()),
        ids(list, o -> o.evalCase().expected().block() && o.blocked() && !o.blockedForRightCategory()),
        ids(list, o -> !o.evalCase().expected().block() && o.falsePositive()),
        ids(list, o -> o.result() == Outcome.Result.FAILED))));
    return misses;
  }

  private static String label(Outcome outcome) {
    return outcome.evalCase().expected().label();
  }

  private static List<String> ids(List<Outcome> outcomes, Predicate<Outcome> wrong) {
    return outcomes.stream().filter(wrong).map(o -> o.evalCase().id()).sorted().toList();
  }

  // Nearest-rank percentiles: the smallest observed value with at least p of the observations at or below it.
  private static EvaluationReport.Latency latencyOf(String dataset, List<Outcome> outcomes) {
    long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).toArray();
    Arrays.sort(nanos);
    return new EvaluationReport.Latency(dataset, nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.90),
        percentile(nanos, 0.99), Duration.ofNanos(nanos[nanos.length - 1]));
  }

  static Duration percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
  }

  private static List<Cell> group(List<Outcome> outcomes, Function<Outcome, Key> keyOf) {
    Map<Key, Counts> counts = new LinkedHashMap<>();
    outcomes.forEach(o -> counts.computeIfAbsent(keyOf.apply(o), k -> new Counts()).add(o));
    return counts.entrySet().stream().map(e -> e.getValue().cell(e.getKey())).sorted(ORDER).toList();
  }

  private record Key(String dataset, String variant, String category, String lang) {}

  /** Running counts of one cell. */
  private static final class Counts {
    private int harmful;
    private int blocked;
    private int rightCategory;
    private int benign;
    private int falsePositives;

    void add(Outcome outcome) {
      if (outcome.evalCase().expected().block()) {
        harmful++;
        blocked += outcome.blocked() ? 1 : 0;
        rightCategory += outcome.blockedForRightCategory() ? 1 : 0;
      } else {
        benign++;
        falsePositives += outcome.falsePositive() ? 1 : 0;
      }
    }

    Cell cell(Key key) {
      return new Cell(key.dataset(), key.variant(), key.category(), key.lang(), Proportion.of(blocked, harmful),
          Proportion.of(rightCategory, harmful), Proportion.of(falsePositives, benign));
    }
  }
}
