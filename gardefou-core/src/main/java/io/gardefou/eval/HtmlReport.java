package io.gardefou.eval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Renders a report as one self-contained HTML page: inline CSS, inline SVG bars with their 95% interval as a
 * whisker, nothing fetched, so it can be archived as evidence and opened offline.
 */
final class HtmlReport {
  private static final int BAR_WIDTH = 160;
  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:0 0 2em}
      th,td{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd;white-space:nowrap}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .pass{color:#176b2c;font-weight:bold}.fail{color:#b3261e;font-weight:bold}.none{color:#777}
      svg rect.bg{fill:#eee}svg rect.recall{fill:#2e7d32}svg rect.fpr{fill:#c62828}svg line{stroke:#000}
      """;

  private HtmlReport() {}

  static String render(EvaluationReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Garde-fou evaluation</title><style>").append(STYLE).append("</style></head><body>\n")
        .append("<h1>Garde-fou evaluation</h1>\n<p>").append(report.cases()).append(" cases");
    if (report.failedScreens() > 0) {
      html.append(", ").append(report.failedScreens()).append(" screens failed (counted as wrong)");
    }
    html.append(". Recall: harmful cases refused or sent to review; right category: blocked for the expected "
        + "category; FPR: benign cases not allowed. Whiskers show 95% Wilson intervals.</p>\n");
    targets(html, report.targets());
    html.append("<h2>Results by dataset, category and language</h2>\n");
    cells(html, report.cells());
    html.append("<h2>Totals, each distinct text once</h2>\n");
    cells(html, report.totals());
    if (!report.variants().isEmpty()) {
      html.append("<h2>Recall of harmful cases by perturbation</h2>\n<table><tr><th>dataset</th><th>variant</th>")
          .append("<th>harmful</th><th>recall</th><th>right category</th></tr>\n");
      for (Cell c : report.variants()) {
        html.append("<tr><td>").append(escape(c.dataset())).append("</td><td>").append(escape(c.variant()))
            .append("</td><td class=\"n\">").append(c.recall().n()).append("</td><td>")
            .append(bar(c.recall(), "recall")).append("</td><td>").append(bar(c.categoryRecall(), "recall"))
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    latency(html, report.latency());
    sources(html, report.sources());
    return html.append("</body></html>\n").toString();
  }

  private static void targets(StringBuilder html, TargetCheck check) {
    if (check.results().isEmpty()) {
      return;
    }
    html.append("<h2>Targets: ").append(check.allMet() ? "all met" : "not all met").append("</h2>\n<table>")
        .append("<tr><th></th><th>target</th><th>observed</th><th>n</th></tr>\n");
    for (TargetCheck.Result r : check.results()) {
      String status = switch (r.status()) {
        case MET -> "<td class=\"pass\">PASS</td>";
        case MISSED -> "<td class=\"fail\">FAIL</td>";
        case NO_DATA -> "<td class=\"none\">no data</td>";
      };
      String kind = r.target().metric() == Target.Metric.FPR ? "fpr" : "recall";
      html.append("<tr>").append(status).append("<td>").append(escape(r.target().describe())).append("</td><td>")
          .append(bar(r.observed(), kind)).append("</td><td class=\"n\">").append(r.observed().n())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void cells(StringBuilder html, List<Cell> cells) {
    html.append("<table><tr><th>dataset</th><th>category</th><th>lang</th><th>harmful</th><th>recall</th>")
        .append("<th>right category</th><th>benign</th><th>FPR</th></tr>\n");
    for (Cell c : cells) {
      html.append("<tr><td>").append(escape(c.dataset())).append("</td><td>").append(escape(c.category()))
          .append("</td><td>").append(escape(c.lang())).append("</td><td class=\"n\">").append(c.recall().n())
          .append("</td><td>").append(bar(c.recall(), "recall")).append("</td><td>")
          .append(bar(c.categoryRecall(), "recall")).append("</td><td class=\"n\">")
          .append(c.falsePositiveRate().n()).append("</td><td>").append(bar(c.falsePositiveRate(), "fpr"))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** A bar as long as the rate, a whisker across the interval, the figure beside it; a dash when empty. */
  private static String bar(Proportion p, String kind) {
    if (p.isEmpty()) {
      return "&ndash;";
    }
    String label = TextReport.interval(p);
    return String.format(Locale.ROOT,
        "<svg width=\"%d\" height=\"14\" role=\"img\" aria-label=\"%s\"><title>%s %%, n=%d</title>"
            + "<rect class=\"bg\" width=\"%d\" height=\"14\"/><rect class=\"%s\" width=\"%.1f\" height=\"14\"/>"
            + "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"7\" y2=\"7\"/></svg> %s",
        BAR_WIDTH, label, label, p.n(), BAR_WIDTH, kind, p.rate() * BAR_WIDTH, p.lower() * BAR_WIDTH,
        p.upper() * BAR_WIDTH, label);
  }

  private static void latency(StringBuilder html, List<EvaluationReport.Latency> latency) {
    html.append("<h2>Screen latency, ms</h2>\n<table><tr><th>dataset</th><th>cases</th><th>p50</th><th>p90</th>")
        .append("<th>p99</th><th>max</th></tr>\n");
    for (EvaluationReport.Latency l : latency) {
      html.append("<tr><td>").append(escape(l.dataset())).append("</td><td class=\"n\">").append(l.count());
      for (Duration d : List.of(l.p50(), l.p90(), l.p99(), l.max())) {
        html.append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6));
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void sources(StringBuilder html, List<SourceStats> sources) {
    if (sources.isEmpty()) {
      return;
    }
    html.append("<h2>Sources</h2>\n<table><tr><th>dataset</th><th>rows</th><th>loaded</th><th>skipped</th>")
        .append("<th>malformed</th><th>duplicate texts</th><th>skipped by reason, problems</th></tr>\n");
    for (SourceStats s : sources) {
      StringBuilder notes = new StringBuilder();
      s.skipped().forEach((reason, count) -> notes.append(escape(reason)).append(' ').append(count).append("; "));
      s.problems().forEach(problem -> notes.append(escape(problem)).append("; "));
      html.append("<tr><td>").append(escape(s.dataset())).append("</td><td class=\"n\">").append(s.rows())
          .append("</td><td class=\"n\">").append(s.loaded()).append("</td><td class=\"n\">")
          .append(s.skippedTotal()).append("</td><td class=\"n\">").append(s.malformed())
          .append("</td><td class=\"n\">").append(s.duplicateTexts()).append("</td><td>").append(notes)
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
