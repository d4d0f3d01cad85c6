package io.gardefou.server.cli;

import io.gardefou.audit.Replay;
import io.gardefou.ledger.LogStore;
import io.gardefou.policy.Policy;
import io.gardefou.server.Gardefou;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gardefou ledger replay}: decides sampled ledger entries again under the policy of the configuration
 * given and reports where the decision differs. Exit 0 when none differs, 1 when one does, 2 on bad usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-evaluates sampled decisions of the ledger: the recorded signals (scores, facts, unknown "
        + "categories) and request facts go through the policy again, and the decision, categories, rules, legal "
        + "basis and obligations are compared with the recorded ones.",
        "Entries decided under another policy version than the loaded packs' are skipped and counted: pass --policy "
        + "with the packs of that version. Detectors are not re-run: the ledger keeps digests, not content.",
        "Exits 1 if any replayed decision differs."})
final class LedgerReplayCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", required = true, description = "The data directory (its gardefou.db).")
  Path data;

  @Option(names = "--db", paramLabel = "URL", description = "The JDBC URL of the store, if not the SQLite file in DIR.")
  String db;

  @Option(names = "--config", paramLabel = "FILE", description = "The server's YAML settings, for its tenants' settings.")
  Path config;

  @Option(names = "--policy", paramLabel = "DIR", description = "Policy packs over the bundled ones, as the server had them.")
  Path policy;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "100",
      description = "How many entries to replay, the first and last included (default 100; 0 replays all).")
  int sample;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the sample, to repeat a run.")
  Long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample < 0) {
      err.println("--sample must be 0 (all) or positive, was " + sample);
      return 2;
    }
    if (db == null && !Files.isRegularFile(data.resolve("gardefou.db"))) {
      err.println("no gardefou.db in " + data);
      return 2;
    }
    ServerConfig settings = Settings.resolve(config, data, db);
    if (policy != null) {
      settings = settings.withPolicyDir(policy);
    }
    Policy decider = Gardefou.policy(settings);
    try (Database database = db == null ? Database.openDefault(data) : Database.open(db)) {
      LogStore store = database.logStore();
      long size = store.size();
      int same = 0;
      int different = 0;
      List<String> skipped = new ArrayList<>();
      for (long index : sample(size)) {
        switch (Replay.replay(index, store.entry(index), decider)) {
          case Replay.Same ignored -> same++;
          case Replay.Different diff -> {
            different++;
            err.println("DIFFERS: entry " + diff.index() + " (decision " + diff.decisionId() + ")");
            diff.differences().forEach(line -> err.println("  " + line));
          }
          case Replay.Skipped skip -> skipped.add("entry " + skip.index() + ": " + skip.reason());
        }
      }
      out.println("replayed " + (same + different) + " of " + size + " entries under policy " + decider.version()
          + ": " + same + " same, " + different + " different, " + skipped.size() + " skipped");
      skipped.stream().limit(10).forEach(line -> out.println("  skipped " + line));
      if (skipped.size() > 10) {
        out.println("  … and " + (skipped.size() - 10) + " more skipped");
      }
      out.println("note: detectors are not re-run (the ledger keeps digests, not content); this checks that the policy "
          + "decides the same on the recorded signals");
      return different == 0 ? 0 : 1;
    }
  }

  /** All indices, or {@code sample} of them: the first, the last and the rest drawn at random. */
  private List<Long> sample(long size) {
    if (sample == 0 || sample >= size) {
      List<Long> all = new ArrayList<>();
      for (long index = 0; index < size; index++) {
        all.add(index);
      }
      return all;
    }
    Random random = seed == null ? new Random() : new Random(seed);
    TreeSet<Long> chosen = new TreeSet<>(sample == 1 ? List.of(size - 1) : List.of(0L, size - 1));
    while (chosen.size() < sample) {
      chosen.add(random.nextLong(size));
    }
    return List.copyOf(chosen);
  }
}
