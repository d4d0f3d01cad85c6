package io.gardefou.server.http;

import io.gardefou.report.Period;
import io.gardefou.report.Report;
import io.gardefou.report.ReportFormat;
import io.gardefou.report.ReportRequest;
import io.gardefou.report.Reports;
import io.gardefou.report.UnknownDecisionException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /v1/reports/{kind}?from=&to=&jurisdiction=&decision=&format=}: a report rendered as JSON (the
 * default), CSV, HTML or PDF, for auditors and the console's downloads.
 */
final class ReportsHandler {
  private final Reports reports;

  ReportsHandler(Reports reports) {
    this.reports = reports;
  }

  void handle(Context ctx) {
    ReportFormat format;
    ReportRequest request;
    try {
      format = ReportFormat.fromWireName(Optional.ofNullable(ctx.queryParam("format")).orElse("json"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_format", "format", e.getMessage());
    }
    try {
      String from = ctx.queryParam("from");
      String to = ctx.queryParam("to");
      Optional<Period> period = from == null && to == null ? Optional.empty()
          : Optional.of(Period.parse(required(from, "from"), required(to, "to")));
      request = new ReportRequest(ReportRequest.Kind.fromWireName(ctx.pathParam("kind")), period,
          Optional.ofNullable(ctx.queryParam("jurisdiction")),
          Optional.ofNullable(ctx.queryParam("decision")));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_report_request", null, e.getMessage());
    }
    Report report;
    try {
      report = reports.build(request);
    } catch (UnknownDecisionException e) {
      throw ApiException.notFound("unknown_decision", "decision", e.getMessage());
    }
    ctx.contentType(format.contentType())
        .header("Content-Disposition", "inline; filename=\"" + report.kind() + "." + format.wireName() + "\"")
        .result(format.render(report));
  }

  private static String required(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required with a period");
    }
    return value;
  }
}
