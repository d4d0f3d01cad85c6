package io.gardefou.server.cli;

import io.gardefou.model.DecisionId;
import io.gardefou.server.Gardefou;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gardefou vault purge}: crypto-shreds every entry past its retention and not under legal hold, once; the
 * server does the same periodically. Prints the decisions shredded.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Crypto-shreds expired evidence (past retention, not under legal hold) once, recording each in the "
        + "audit trail; the server also does this every hour.")
final class VaultPurgeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings; flags given here override it.")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default ./var): gardefou.db and vault.key.")
  Path data;

  @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the store, if not the SQLite file in DIR.")
  String db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ServerConfig settings = Settings.resolve(config, data, db);
    PrintWriter out = spec.commandLine().getOut();
    try (Database database = Gardefou.database(settings)) {
      List<DecisionId> shredded = Gardefou.vault(settings, database, Gardefou.ledgerTrail(settings, database)).purge();
      shredded.forEach(id -> out.println("shredded " + id));
      out.println(shredded.size() + " expired entries crypto-shredded");
    }
    out.flush();
    return 0;
  }
}
