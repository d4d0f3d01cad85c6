package io.gardefou.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What loading one dataset found: rows read, cases kept, rows skipped by reason, malformed rows, and rows whose
 * text an earlier row of the same load already had (I2P and Six-CD overlap).
 *
 * @param problems where the first malformed rows are and what is wrong, never their content
 */
public record SourceStats(
    String dataset, int rows, int loaded, Map<String, Integer> skipped, int malformed, List<String> problems,
    int duplicateTexts) {
  static final int MAX_PROBLEMS = 10;

  public SourceStats {
    Objects.requireNonNull(dataset, "dataset");
    skipped = Map.copyOf(skipped);
    problems = List.copyOf(problems);
  }

  public int skippedTotal() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Counts the rows of one dataset as a loader reads them. */
  static final class Tally {
    private final String dataset;
    private int rows;
    private int loaded;
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int malformed;
    private final List<String> problems = new ArrayList<>();
    private int duplicateTexts;

    Tally(String dataset) {
      this.dataset = dataset;
    }

    void row() {
      rows++;
    }

    void loaded(boolean duplicateText) {
      loaded++;
      if (duplicateText) {
        duplicateTexts++;
      }
    }

    void skipped(String reason) {
      skipped.merge(reason, 1, Integer::sum);
    }

    void malformed(String where, String reason) {
      malformed++;
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(where + ": " + reason);
      }
    }

    SourceStats build() {
      return new SourceStats(dataset, rows, loaded, skipped, malformed, problems, duplicateTexts);
    }
  }

  /** The tallies of one load, by dataset in the order first seen. */
  static final class Tallies {
    private final Map<String, Tally> byDataset = new LinkedHashMap<>();

    Tally of(String dataset) {
      return byDataset.computeIfAbsent(dataset, Tally::new);
    }

    List<SourceStats> build() {
      return byDataset.values().stream().map(Tally::build).toList();
    }
  }
}
