package io.gardefou.server.cli;

import io.gardefou.eval.CaseSet;
import io.gardefou.eval.Evaluation;
import io.gardefou.eval.EvaluationReport;
import io.gardefou.eval.Perturbations;
import io.gardefou.eval.PublicDatasets;
import io.gardefou.eval.SuiteCases;
import io.gardefou.report.EvalFigures;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.Gardefou;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gardefou eval}: measures the screener on the public labelled data and the project's red-team suite
 * (with perturbations), and checks the targets. Reports never contain item texts.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Recall, false-positive rate and latency per dataset, category and language; writes JSON and HTML.")
final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Directory of public normalized*.csv (repeatable; default ../shared/eval/external when present).")
  List<Path> data = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "DIR", description = "The red-team suite's *.jsonl (default eval/suite).")
  Path suite = SuiteCases.DEFAULT_DIR;

  @Option(names = "--holdout", paramLabel = "DIR",
      description = "The held-out set's *.jsonl (default eval/holdout, skipped when absent).")
  Path holdout = SuiteCases.HOLDOUT_DIR;

  @Option(names = "--no-perturbations", description = "Screen the suite as written, without obfuscated variants.")
  boolean noPerturbations;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the perturbations (default 1).")
  long seed = 1;

  @Option(names = "--output", paramLabel = "DIR", description = "Where eval.json and eval.html go (default var/eval).")
  Path output = Path.of("var", "eval");

  @Option(names = "--check", description = "Exit 3 when a target is missed.")
  boolean check;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (the deadline applies).")
  Path config;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CaseSet cases = suiteCases();
    for (Path dir : publicDirs(err)) {
      cases = cases.plus(PublicDatasets.load(dir));
    }
    EvaluationReport report;
    try (Screener screener = Gardefou.screener(Settings.resolve(config, null, null), VerdictLog.discarding())) {
      report = Evaluation.builder(screener::screen).build().run(cases);
    }
    Files.createDirectories(output);
    Files.writeString(output.resolve("eval.json"), report.toJson());
    Files.writeString(output.resolve("eval.html"), report.toHtml());
    // The regulator report reads the latest figures from the serving data directory.
    Path latest = Settings.resolve(config, null, null).dataDir().resolve(EvalFigures.LATEST);
    Files.createDirectories(latest.getParent());
    Files.writeString(latest, report.toJson());
    out.print(report.toText());
    out.println("wrote " + output.resolve("eval.json") + " and " + output.resolve("eval.html"));
    out.flush();
    return check && !report.targets().allMet() ? 3 : 0;
  }

  /** The suite and, when present, the held-out set, each with its obfuscated variants unless told not to. */
  private CaseSet suiteCases() throws IOException {
    CaseSet written = SuiteCases.load(suite);
    if (Files.isDirectory(holdout)) {
      written = written.plus(SuiteCases.load(holdout, SuiteCases.HOLDOUT));
    }
    return noPerturbations ? written : Perturbations.seeded(seed).expand(written);
  }

  private List<Path> publicDirs(PrintWriter err) {
    if (!data.isEmpty()) {
      return data;
    }
    if (Files.isDirectory(PublicDatasets.DEFAULT_DIR)) {
      return List.of(PublicDatasets.DEFAULT_DIR);
    }
    err.println("no public data at " + PublicDatasets.DEFAULT_DIR + " (pass --data DIR); evaluating the suite only");
    return List.of();
  }
}
