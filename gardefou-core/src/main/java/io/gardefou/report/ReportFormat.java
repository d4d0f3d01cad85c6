package io.gardefou.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The renderings of a report: canonical JSON, CSV, self-contained HTML, and PDF. */
public enum ReportFormat {
  JSON("application/json"),
  CSV("text/csv; charset=utf-8"),
  HTML("text/html; charset=utf-8"),
  PDF("application/pdf");

  private final String contentType;

  ReportFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReportFormat fromWireName(String name) {
    for (ReportFormat format : values()) {
      if (format.wireName().equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format " + name + "; one of json, csv, html, pdf");
  }

  public byte[] render(Report report) {
    return switch (this) {
      case JSON -> report.json();
      case CSV -> csv(report).getBytes(StandardCharsets.UTF_8);
      case HTML -> html(report).getBytes(StandardCharsets.UTF_8);
      case PDF -> PdfRendering.render(report);
    };
  }

  /**
   * RFC 4180 CSV, CRLF line ends. A report of several tables gives them one after another, each under a line
   * {@code # name} and separated by an empty line.
   */
  static String csv(Report report) {
    StringBuilder out = new StringBuilder();
    List<Table> tables = report.tables();
    for (int t = 0; t < tables.size(); t++) {
      Table table = tables.get(t);
      if (tables.size() > 1) {
        out.append(t == 0 ? "" : "\r\n").append("# ").append(table.name()).append("\r\n");
      }
      csvRow(out, table.columns());
      table.rows().forEach(row -> csvRow(out, row));
    }
    return out.toString();
  }

  private static void csvRow(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      out.append(i == 0 ? "" : ",");
      // RFC 4180 §2.6-2.7: quote fields holding a comma, quote or line break; double the quotes inside.
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append("\r\n");
  }

  /** One page with its own style: nothing is fetched from elsewhere. */
  static String html(Report report) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(report.title())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}")
        .append("table{border-collapse:collapse;margin:0 0 2rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;")
        .append("text-align:left;vertical-align:top;font-size:.85rem}th{background:#eee}")
        .append("td{max-width:40rem;overflow-wrap:anywhere;white-space:pre-wrap}")
        .append("</style></head><body>\n<h1>").append(escape(report.title())).append("</h1>\n");
    out.append("<p>Generated from the store and the audit ledger by Garde-fou; the JSON rendering of this report is its ")
        .append("reproducible form (docs/design/reports.md).</p>\n");
    for (Table table : report.tables()) {
      out.append("<h2>").append(escape(table.name())).append("</h2>\n<table><thead><tr>");
      table.columns().forEach(column -> out.append("<th>").append(escape(column)).append("</th>"));
      out.append("</tr></thead><tbody>\n");
      for (List<String> row : table.rows()) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
