package io.gardefou.eval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a report as aligned plain-text tables that fit in 120 columns. */
final class TextReport {
  private static final String CELL_ROW = "%-30s %-21s %-3s %6s %-21s %5s %6s %-21s%n";
  private static final String SOURCE_ROW = "%-30s %7s %7s %7s %9s %9s%n";
  private static final String VARIANT_ROW = "%-30s %-12s %6s %-21s %5s%n";
  private static final String LATENCY_ROW = "%-30s %7s %9s %9s %9s %9s%n";

  private TextReport() {}

  static String render(EvaluationReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Garde-fou evaluation: %d cases", report.cases()));
    if (report.failedScreens() > 0) {
      out.append(", ").append(report.failedScreens()).append(" screens failed (counted as wrong)");
    }
    out.append("\n\nrecall = harmful cases refused or sent to review; right = blocked for the expected category;\n")
        .append("FPR = benign cases not allowed; figures in percent, [ ] = 95% Wilson interval\n");
    if (!report.sources().isEmpty()) {
      out.append("\nSources\n");
      out.append(String.format(Locale.ROOT, SOURCE_ROW, "dataset", "rows", "loaded", "skipped", "malformed",
          "dup.texts"));
      for (SourceStats s : report.sources()) {
        String reasons = s.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.append(String.format(Locale.ROOT, SOURCE_ROW, fit(s.dataset(), 30), s.rows(), s.loaded(),
            s.skippedTotal(), s.malformed(), s.duplicateTexts()));
        if (!reasons.isEmpty()) {
          out.append("    skipped: ").append(reasons).append('\n');
        }
        s.problems().forEach(problem -> out.append("    ").append(problem).append('\n'));
      }
    }
    out.append("\nResults by dataset, category and language\n");
    cells(out, report.cells());
    out.append("\nTotals, each distinct text once\n");
    cells(out, report.totals());
    if (!report.variants().isEmpty()) {
      out.append("\nRecall of harmful cases by perturbation\n");
      out.append(String.format(Locale.ROOT, VARIANT_ROW, "dataset", "variant", "harm", "recall [95% CI]",
          "right"));
      for (Cell c : report.variants()) {
        out.append(String.format(Locale.ROOT, VARIANT_ROW, fit(c.dataset(), 30), fit(c.variant(), 12),
            c.recall().n(), interval(c.recall()), rate(c.categoryRecall())));
      }
    }
    out.append("\nScreen latency, ms\n");
    out.append(String.format(Locale.ROOT, LATENCY_ROW, "dataset", "cases", "p50", "p90", "p99", "max"));
    for (EvaluationReport.Latency l : report.latency()) {
      out.append(String.format(Locale.ROOT, LATENCY_ROW, fit(l.dataset(), 30), l.count(), millis(l.p50()),
          millis(l.p90()), millis(l.p99()), millis(l.max())));
    }
    List<String> targets = report.targets().lines();
    if (!targets.isEmpty()) {
      out.append("\nTargets: ").append(report.targets().allMet() ? "all met" : "not all met").append('\n');
      targets.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString().replaceAll("(?m) +$", "");
  }

  private static void cells(StringBuilder out, List<Cell> cells) {
    out.append(String.format(Locale.ROOT, CELL_ROW, "dataset", "category", "lang", "harm", "recall [95% CI]",
        "right", "benign", "FPR [95% CI]"));
    for (Cell c : cells) {
      out.append(String.format(Locale.ROOT, CELL_ROW, fit(c.dataset(), 30), fit(c.category(), 21), c.lang(),
          c.recall().n(), interval(c.recall()), rate(c.categoryRecall()), c.falsePositiveRate().n(),
          interval(c.falsePositiveRate())));
    }
  }

  /** E.g. {@code 92.13 [88.52-94.70]}, or {@code -} when there is nothing to measure. */
  static String interval(Proportion p) {
    return p.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]",
        p.rate() * 100, p.lower() * 100, p.upper() * 100);
  }

  private static String rate(Proportion p) {
    return p.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", p.rate() * 100);
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6);
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
