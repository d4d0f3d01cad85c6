package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A tiny smoke run of the load test: it starts, drives the gateway, reports, and sees no errors. */
class LoadCommandTest {
  @TempDir Path dir;

  @Test
  void drivesTheGatewayAndReportsOverheadWithoutErrors() throws Exception {
    // A generous deadline: a cold JVM on a shared test machine misses the 250 ms default and then, rightly, refuses.
    Path config = Files.writeString(dir.resolve("load.yaml"), "deadline_ms: 30000\n");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("load", "--seconds", "1", "--concurrency", "2", "--warmup-seconds", "0",
        "--config", config.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("req/s").contains("overhead:").containsPattern("answers: +\\[HTTP 200 × \\d+\\]");
  }
}
