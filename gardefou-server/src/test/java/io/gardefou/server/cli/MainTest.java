package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;

  @Test
  void aMissingSuiteDirectoryIsOneLineAndExitTwoNotAStackTrace() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("eval", "--suite", dir.resolve("absent").toString(), "--output", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("gardefou eval: ").contains("absent").doesNotContain("\tat ");
    assertThat(err.toString().lines()).hasSize(1);
  }
}
