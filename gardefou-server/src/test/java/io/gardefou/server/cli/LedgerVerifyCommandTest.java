package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gardefou ledger verify}, on a data directory and against a running server. */
class LedgerVerifyCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void verifiesAnUntouchedDataDirectoryAndNamesTheFirstTamperedIndex() throws Exception {
    Path data = serveAndClose(5);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ledger.key")))).isEqualTo("rw-------");

    assertThat(run("ledger", "verify", "--data", data.toString())).as(err.toString()).isZero();
    // The first admin key's creation, then five verdicts.
    assertThat(out.toString()).contains("ok: 6 entries").contains("signed checkpoint at size 6 verified");

    sql(data, "UPDATE ledger_entries SET entry = CAST('{\"decision\":\"ALLOW\"}' AS BLOB) WHERE idx = 3");

    assertThat(run("ledger", "verify", "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("first bad index: 3");
  }

  @Test
  void namesADeletedEntry() throws Exception {
    Path data = serveAndClose(4);
    sql(data, "DELETE FROM ledger_entries WHERE idx = 2");

    assertThat(run("ledger", "verify", "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("first bad index: 2");
  }

  @Test
  void rejectsAStoredCheckpointSignedByAnotherKey() throws Exception {
    Path data = serveAndClose(2);
    String otherKey = io.gardefou.ledger.NoteSigner.generate("gardefou.local/other").verifier().verifierKey();

    assertThat(run("ledger", "verify", "--data", data.toString(), "--key", otherKey)).isEqualTo(1);
    assertThat(err.toString()).contains("does not verify");
  }

  @Test
  void verifiesAServerAgainstTheKeptCheckpointAsItGrows() throws Exception {
    Path kept = dir.resolve("kept.checkpoint");
    try (RunningGardefou server = RunningGardefou.start()) {
      String auditor = server.newKey(Role.AUDITOR); // recorded: the ledger holds two key creations, then verdicts
      server.post("/v1/moderations", "{\"input\": [\"one\", \"two\", \"three\"]}");
      assertThat(run("ledger", "verify", "--remote", server.baseUrl(), "--checkpoint", kept.toString(), "--api-key", auditor))
          .as(err.toString()).isZero();
      assertThat(out.toString()).contains("trusting the server's key").contains("advanced to size 5");
      assertThat(kept.resolveSibling("kept.checkpoint.key")).isRegularFile();

      server.post("/v1/moderations", "{\"input\": [\"four\", \"five\"]}");

      assertThat(run("ledger", "verify", "--remote", server.baseUrl(), "--checkpoint", kept.toString(), "--api-key", auditor))
          .as(err.toString()).isZero();
      assertThat(out.toString()).contains("consistent with the kept checkpoint at size 5").contains("advanced to size 7");
    }
  }

  @Test
  void refusesAServerWhoseKeyIsNotTheKeptOne() throws Exception {
    Path kept = dir.resolve("kept.checkpoint");
    String otherKey = io.gardefou.ledger.NoteSigner.generate("gardefou.local/other").verifier().verifierKey();
    try (RunningGardefou server = RunningGardefou.start()) {
      server.post("/v1/moderations", "{\"input\": \"one\"}");

      assertThat(run("ledger", "verify", "--remote", server.baseUrl(), "--checkpoint", kept.toString(), "--key", otherKey))
          .isEqualTo(1);
      assertThat(err.toString()).contains("does not verify");
    }
  }

  private static Path serveAndClose(int decisions) {
    RunningGardefou server = RunningGardefou.start();
    try (server) {
      for (int i = 0; i < decisions; i++) {
        server.post("/v1/moderations", "{\"input\": \"prompt " + i + "\"}");
      }
    }
    return server.dataDir();
  }

  private static void sql(Path data, String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gardefou.db"));
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
