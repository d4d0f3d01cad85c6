package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.server.RunningGardefou;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code gardefou ledger replay}: the recorded decisions decided again under the bundled packs. */
class LedgerReplayCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theBundledPacksDecideEveryRecordedDecisionAgainTheSameAndAChangedOneIsNamed() throws Exception {
    Path data = serveAndClose();

    assertThat(run("ledger", "replay", "--data", data.toString(), "--sample", "0")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("replayed 3 of 4 entries").contains("3 same, 0 different, 1 skipped")
        .contains("skipped entry 0: an audit event (key.created)");

    // The recorded decision of entry 2 (a refusal; entry 0 is the first start's admin key) says ALLOW: the policy, given its signals, does not.
    sql(data, "UPDATE ledger_entries SET entry = CAST(REPLACE(CAST(entry AS TEXT), '\"decision\":\"REFUSE\"', "
        + "'\"decision\":\"ALLOW\"') AS BLOB) WHERE idx = 2");

    assertThat(run("ledger", "replay", "--data", data.toString(), "--sample", "0")).isEqualTo(1);
    assertThat(err.toString()).contains("DIFFERS: entry 2").contains("decision: recorded \"ALLOW\", now \"REFUSE\"");
    assertThat(out.toString()).contains("2 same, 1 different");
  }

  @Test
  void samplesTheFirstAndTheLastEntry() throws Exception {
    Path data = serveAndClose();

    assertThat(run("ledger", "replay", "--data", data.toString(), "--sample", "2", "--seed", "7")).isZero();
    assertThat(out.toString()).contains("of 4 entries").contains("1 same, 0 different, 1 skipped");
  }

  private static Path serveAndClose() {
    RunningGardefou server = RunningGardefou.start();
    try (server) {
      server.post("/v1/moderations", "{\"input\": [\"a red kite\", \"nude photo of a 12 year old\"]}");
      server.post("/v1/moderations", "{\"input\": \"a lighthouse\"}");
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
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
