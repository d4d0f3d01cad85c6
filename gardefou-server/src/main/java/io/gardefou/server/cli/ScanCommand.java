package io.gardefou.server.cli;

import io.gardefou.model.ScreeningRequest;
import io.gardefou.policy.TenantSettings;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.Gardefou;
import io.gardefou.server.ServerConfig;
import io.gardefou.server.scan.BatchScan;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gardefou scan}: screens a JSON Lines file with the server's screener. Offline evaluation: its
 * verdicts are not recorded in the store.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Screens JSON Lines {id, text, op, jurisdiction?, tier?, image?, images?} (image paths relative to "
        + "the input file); exits 1 if any line failed.")
final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines to screen.")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Where to write results (default: standard output).")
  Path output;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (the deadline applies).")
  Path config;

  @Option(names = "--policy", paramLabel = "DIR", description = "Policy packs (*.yaml) over the bundled ones.")
  Path policy;

  @Option(names = "--adult-content", description = "Screen as a tenant that has enabled adult content (still only for "
      + "verified adults, and never where a pack refuses it).")
  boolean adultContent;

  @Override
  public Integer call() throws IOException {
    ServerConfig settings = Settings.resolve(config, null, null);
    if (policy != null) {
      settings = settings.withPolicyDir(policy);
    }
    if (adultContent) {
      settings = settings.withTenants(
          List.of(new TenantSettings(ScreeningRequest.DEFAULT_TENANT, true, settings.defaultTenant().defaultJurisdiction())));
    }
    // Malformed UTF-8 becomes U+FFFD rather than aborting the whole file; the line is still screened.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Screener screener = Gardefou.screener(settings, VerdictLog.discarding());
        BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(input), decoder));
        Writer out = output == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      BatchScan.Summary summary = new BatchScan(screener, Gardefou.imageDecoder(settings), imageDir()).run(in, out);
      spec.commandLine().getErr().printf("scanned %d lines, %d failed%n", summary.screened() + summary.failed(), summary.failed());
      return summary.failed() == 0 ? 0 : 1;
    }
  }

  /** Image paths on a line are relative to the input file's directory. */
  private Path imageDir() {
    Path parent = input.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }
}
