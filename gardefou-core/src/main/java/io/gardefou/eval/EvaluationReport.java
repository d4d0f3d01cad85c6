package io.gardefou.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an evaluation found: recall and false-positive rates by dataset, category and language, pooled totals,
 * recall by perturbation, screen latency, what loading skipped or could not read, and the targets' verdicts.
 * Item texts are never part of it; the misses name case ids only.
 *
 * @param cells dataset × category × language, original cases and their variants pooled
 * @param totals category over everything, each distinct text counted once (datasets overlap)
 * @param variants harmful cases' recall by dataset and perturbation, for perturbed datasets
 */
public record EvaluationReport(
    int cases, List<Cell> cells, List<Cell> totals, List<Cell> variants, List<Latency> latency,
    List<SourceStats> sources, List<Misses> misses, TargetCheck targets) {

  /** Nearest-rank percentiles of the screen function's wall time for one dataset, or all under {@value Cell#ALL}. */
  public record Latency(String dataset, int count, Duration p50, Duration p90, Duration p99, Duration max) {}

  /**
   * The ids of the cases a dataset got wrong: harmful ones not blocked, blocked for another category, benign
   * ones not allowed, and those whose screen threw.
   */
  public record Misses(
      String dataset, List<String> missed, List<String> wrongCategory, List<String> falsePositives,
      List<String> failed) {
    public Misses {
      missed = List.copyOf(missed);
      wrongCategory = List.copyOf(wrongCategory);
      falsePositives = List.copyOf(falsePositives);
      failed = List.copyOf(failed);
    }
  }

  public EvaluationReport {
    cells = List.copyOf(cells);
    totals = List.copyOf(totals);
    variants = List.copyOf(variants);
    latency = List.copyOf(latency);
    sources = List.copyOf(sources);
    misses = List.copyOf(misses);
    Objects.requireNonNull(targets, "targets");
  }

  static EvaluationReport of(List<Outcome> outcomes, List<SourceStats> sources, List<Target> targets) {
    List<Cell> cells = Aggregation.byDatasetCategoryLanguage(outcomes);
    return new EvaluationReport(outcomes.size(), cells, Aggregation.totals(outcomes),
        Aggregation.byVariant(outcomes), Aggregation.latency(outcomes), sources, Aggregation.misses(outcomes),
        TargetCheck.of(targets, cells));
  }

  /** Checks other targets against the same results. */
  public TargetCheck check(List<Target> otherTargets) {
    return TargetCheck.of(otherTargets, cells);
  }

  public int failedScreens() {
    return misses.stream().mapToInt(m -> m.failed().size()).sum();
  }

  /** Aligned plain-text tables for a terminal, at most 120 columns wide. */
  public String toText() {
    return TextReport.render(this);
  }

  public String toJson() {
    return JsonReport.render(this);
  }

  /** A self-contained HTML page (inline CSS and SVG, nothing fetched) with recall and FPR bars. */
  public String toHtml() {
    return HtmlReport.render(this);
  }
}
