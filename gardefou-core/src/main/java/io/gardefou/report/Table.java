package io.gardefou.report;

import java.util.List;
import java.util.Objects;

/** One flat table of a report, the shape CSV, HTML and PDF render: named columns and rows of text. */
public record Table(String name, List<String> columns, List<List<String>> rows) {
  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells under " + columns.size() + " columns");
      }
    }
  }
}
