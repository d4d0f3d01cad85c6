package io.gardefou.server.cli;

import io.gardefou.report.Period;
import io.gardefou.report.Report;
import io.gardefou.report.ReportFormat;
import io.gardefou.report.ReportRequest;
import io.gardefou.report.UnknownDecisionException;
import io.gardefou.server.Gardefou;
import io.gardefou.server.LedgerKey;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gardefou report transparency|statements|authority|regulator}: builds a report from the store and the
 * ledger that {@code serve} uses, and writes it as JSON, CSV, HTML or PDF. Exit 0 when written, 2 on bad input.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Builds a report from the store and ledger: transparency (counts for a period), statements "
        + "(DSA statements of reasons), authority (one incident's bundle with its ledger inclusion proof, --decision), "
        + "regulator (measures, efficacy, incidents; PDF welcome).",
        "Periods: --from and --to as ISO-8601 instants or dates (UTC); --to is exclusive."})
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "transparency, statements, authority or regulator")
  String kind;

  @Option(names = "--from", paramLabel = "WHEN", description = "Start of the period, inclusive.")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", description = "End of the period, exclusive.")
  String to;

  @Option(names = "--jurisdiction", paramLabel = "CODE", description = "Only decisions of this jurisdiction, e.g. FR.")
  String jurisdiction;

  @Option(names = "--decision", paramLabel = "ID", description = "The decision id, for the authority report.")
  String decision;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "json", description = "json, csv, html or pdf (default json).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the report.")
  Path out;

  @Option(names = "--data", paramLabel = "DIR", description = "The data directory serve uses (default var).")
  Path data;

  @Option(names = "--db", paramLabel = "URL", description = "The JDBC URL of the store, if not the SQLite file in --data.")
  String db;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings, as for serve.")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ReportRequest request;
    ReportFormat rendering;
    try {
      rendering = ReportFormat.fromWireName(format);
      Optional<Period> period = from == null && to == null ? Optional.empty() : Optional.of(Period.parse(
          Optional.ofNullable(from).orElseThrow(() -> new IllegalArgumentException("--to needs --from")),
          Optional.ofNullable(to).orElseThrow(() -> new IllegalArgumentException("--from needs --to"))));
      request = new ReportRequest(ReportRequest.Kind.fromWireName(kind), period,
          Optional.ofNullable(jurisdiction), Optional.ofNullable(decision));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    ServerConfig settings = Settings.resolve(config, data, db);
    try (Database database = settings.database().isEmpty()
        ? Database.openDefault(settings.dataDir()) : Database.open(settings.database())) {
      Report report = Gardefou.reports(settings, database,
          database.ledger(LedgerKey.loadOrCreate(settings.dataDir()))).build(request);
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, rendering.render(report));
    } catch (UnknownDecisionException e) {
      err.println(e.getMessage());
      return 2;
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
