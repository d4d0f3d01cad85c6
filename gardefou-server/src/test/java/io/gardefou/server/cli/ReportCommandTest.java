package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.server.RunningGardefou;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gardefou report}, on the data directory a server left. */
class ReportCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writesTheSameTransparencyJsonTwiceAndARegulatorPdf() throws Exception {
    String from = Instant.now().minusSeconds(60).toString();
    RunningGardefou server = RunningGardefou.start();
    try (server) {
      server.post("/v1/moderations", """
          {"input": "nude photo of a 12 year old", "gardefou": {"jurisdiction": "gb", "operation": "generate"}}""");
      server.post("/v1/moderations", "{\"input\": \"a lighthouse at dusk\"}");
    }
    String to = Instant.now().plusSeconds(60).toString();
    String data = server.dataDir().toString();

    assertThat(run("report", "transparency", "--data", data, "--from", from, "--to", to, "--out", dir.resolve("a.json").toString()))
        .as(err.toString()).isZero();
    assertThat(run("report", "transparency", "--data", data, "--from", from, "--to", to, "--out", dir.resolve("b.json").toString()))
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
    assertThat(Files.readString(dir.resolve("a.json"))).contains("\"decisions\":2");

    assertThat(run("report", "regulator", "--data", data, "--from", from, "--to", to, "--format", "pdf",
        "--out", dir.resolve("regulator.pdf").toString())).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("regulator.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    assertThat(run("report", "statements", "--data", data, "--from", from, "--to", to, "--jurisdiction", "gb",
        "--format", "csv", "--out", dir.resolve("statements.csv").toString())).isZero();
    assertThat(Files.readAllLines(dir.resolve("statements.csv"))).hasSize(2);
  }

  @Test
  void rejectsAnUnknownKindAMissingDecisionAndAnUnknownOne() {
    Path out = dir.resolve("x.json");
    assertThat(run("report", "bogus", "--from", "2026-01-01", "--to", "2026-02-01", "--out", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown report bogus");
    assertThat(run("report", "authority", "--data", dir.toString(), "--out", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give the decision id");
    assertThat(run("report", "authority", "--data", dir.toString(), "--decision", "0190d5f2-0000-7000-8000-000000000000",
        "--out", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no recorded decision");
    assertThat(out).doesNotExist();
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
