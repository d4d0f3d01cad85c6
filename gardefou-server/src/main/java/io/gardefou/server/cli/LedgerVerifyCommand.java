package io.gardefou.server.cli;

import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.InvalidNoteException;
import io.gardefou.ledger.LogAudit;
import io.gardefou.ledger.NoteVerifier;
import io.gardefou.server.LedgerKey;
import io.gardefou.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gardefou ledger verify}: recomputes a ledger from its data directory, or checks a running
 * server's proofs against a checkpoint the auditor kept. Exit 0 when everything verifies, 1 otherwise.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verifies the ledger: --data recomputes every leaf and node from the stored entries and checks the "
        + "latest signed checkpoint; --remote checks a server's checkpoint, consistency and inclusion proofs "
        + "against the checkpoint kept in --checkpoint (created on first use, then advanced).",
        "Exits 1 on any failure, naming the first bad index when the data was tampered with."})
final class LedgerVerifyCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--data", paramLabel = "DIR", description = "A data directory (its gardefou.db and ledger.key).")
    Path data;

    @Option(names = "--remote", paramLabel = "URL", description = "A server's base URL, e.g. http://127.0.0.1:8080.")
    String remote;
  }

  @Option(names = "--db", paramLabel = "URL", description = "With --data: the JDBC URL of the store, if not the SQLite file in DIR.")
  String db;

  @Option(names = "--key", paramLabel = "VKEY",
      description = "The verifier key <name>+<id>+<base64>. Default: --data's ledger.key; --remote's FILE.key.")
  String key;

  @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:GARDEFOU_API_KEY}",
      description = "With --remote: an auditor's API key, needed to read entries (default: $GARDEFOU_API_KEY).")
  String apiKey;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "With --remote: the checkpoint the auditor keeps.")
  Path checkpoint;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "16",
      description = "With --remote: how many entries' inclusion proofs to check (default 16).")
  int samples;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (source.remote != null) {
      if (checkpoint == null) {
        err.println("--remote needs --checkpoint FILE, the checkpoint you keep between runs");
        return 2;
      }
      return new RemoteAudit(source.remote, checkpoint, Optional.ofNullable(key), Optional.ofNullable(apiKey), samples,
          out, err).run();
    }
    return verifyData(out, err);
  }

  private int verifyData(PrintWriter out, PrintWriter err) {
    NoteVerifier verifier = key != null ? NoteVerifier.fromVerifierKey(key)
        : LedgerKey.load(source.data.resolve(LedgerKey.FILE)).verifier();
    if (key == null) {
      out.println("note: verifying with the key in " + source.data.resolve(LedgerKey.FILE)
          + "; pass --key with the key you recorded to not trust the data directory for it");
    }
    if (db == null && !Files.isRegularFile(source.data.resolve("gardefou.db"))) {
      err.println("no gardefou.db in " + source.data);
      return 2;
    }
    try (Database database = db == null ? Database.openDefault(source.data) : Database.open(db)) {
      Optional<Checkpoint> signed;
      try {
        signed = database.checkpoints().latest().map(note -> Checkpoint.verify(note, verifier));
      } catch (InvalidNoteException e) {
        err.println("FAILED: the stored checkpoint does not verify with " + verifier.verifierKey() + ": " + e.getMessage());
        return 1;
      }
      LogAudit.Report report = LogAudit.check(database.logStore(), signed);
      if (!report.ok()) {
        err.println("FAILED: " + report.problem().orElseThrow());
        report.firstBadIndex().ifPresent(index -> err.println("first bad index: " + index));
        return 1;
      }
      out.println("ok: " + report.size() + " entries recomputed, root " + report.root().base64());
      out.println(signed.map(c -> "signed checkpoint at size " + c.size() + " verified with " + verifier.verifierKey())
          .orElse("no signed checkpoint stored yet: entries and nodes agree, but nothing signed binds them"));
      return 0;
    }
  }
}
