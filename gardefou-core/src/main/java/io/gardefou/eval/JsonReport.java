package io.gardefou.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Renders a report as JSON. Rates are fractions in [0, 1]; an empty proportion is {@code null}. The misses list
 * case ids, never texts.
 */
final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static String render(EvaluationReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("cases", report.cases());
    root.put("failed_screens", report.failedScreens());
    ArrayNode sources = root.putArray("sources");
    for (SourceStats s : report.sources()) {
      ObjectNode source = sources.addObject()
          .put("dataset", s.dataset()).put("rows", s.rows()).put("loaded", s.loaded())
          .put("malformed", s.malformed()).put("duplicate_texts", s.duplicateTexts());
      ObjectNode skipped = source.putObject("skipped");
      s.skipped().forEach(skipped::put);
      strings(source.putArray("problems"), s.problems());
    }
    cells(root.putArray("cells"), report.cells());
    cells(root.putArray("totals"), report.totals());
    cells(root.putArray("variants"), report.variants());
    ArrayNode latency = root.putArray("latency_ms");
    for (EvaluationReport.Latency l : report.latency()) {
      latency.addObject().put("dataset", l.dataset()).put("count", l.count()).put("p50", millis(l.p50()))
          .put("p90", millis(l.p90())).put("p99", millis(l.p99())).put("max", millis(l.max()));
    }
    ObjectNode targets = root.putObject("targets").put("all_met", report.targets().allMet());
    ArrayNode results = targets.putArray("results");
    for (TargetCheck.Result r : report.targets().results()) {
      ObjectNode result = results.addObject()
          .put("dataset", r.target().dataset()).put("category", r.target().category())
          .put("metric", r.target().metric().wireName()).put("threshold", r.target().threshold())
          .put("status", r.status().name().toLowerCase(Locale.ROOT));
      proportion(result, "observed", r.observed());
    }
    ArrayNode misses = root.putArray("misses");
    for (EvaluationReport.Misses m : report.misses()) {
      ObjectNode miss = misses.addObject().put("dataset", m.dataset());
      strings(miss.putArray("missed"), m.missed());
      strings(miss.putArray("wrong_category"), m.wrongCategory());
      strings(miss.putArray("false_positives"), m.falsePositives());
      strings(miss.putArray("failed"), m.failed());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void cells(ArrayNode array, List<Cell> cells) {
    for (Cell c : cells) {
      ObjectNode cell = array.addObject().put("dataset", c.dataset()).put("variant", c.variant())
          .put("category", c.category()).put("lang", c.lang());
      proportion(cell, "recall", c.recall());
      proportion(cell, "category_recall", c.categoryRecall());
      proportion(cell, "fpr", c.falsePositiveRate());
    }
  }

  private static void proportion(ObjectNode parent, String name, Proportion p) {
    if (p.isEmpty()) {
      parent.putNull(name);
      return;
    }
    parent.putObject(name).put("successes", p.successes()).put("n", p.n()).put("rate", p.rate())
        .put("ci95_low", p.lower()).put("ci95_high", p.upper());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
