package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
  @TempDir Path dir;

  @Test
  void exitsZeroAndWritesTheOutputFileWhenEveryLineIsScreened() throws Exception {
    Path input = write("in.jsonl", "{\"id\": 1, \"text\": \"a lighthouse\"}\n{\"id\": 2, \"text\": \"nude photo of a 12 year old\"}\n");
    Path output = dir.resolve("out.jsonl");

    int exit = scan("--input", input.toString(), "--output", output.toString());

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(output)).hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("\"decision\":\"ALLOW\""),
            second -> assertThat(second).contains("\"decision\":\"REFUSE\""));
  }

  @Test
  void exitsNonZeroAtTheEndWhenALineFailed() throws Exception {
    Path input = write("in.jsonl", "not json\n{\"id\": 2, \"text\": \"a lighthouse\"}\n");
    Path output = dir.resolve("out.jsonl");

    int exit = scan("--input", input.toString(), "--output", output.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readAllLines(output)).hasSize(2);
  }

  @Test
  void screensALineWithInvalidUtf8InsteadOfAbortingTheFile() throws Exception {
    Path input = dir.resolve("in.jsonl");
    byte[] bad = "{\"id\": 1, \"text\": \"caf\u00e9 \"}\n".getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 5] = (byte) 0xFF;
    Files.write(input, bad);
    Path output = dir.resolve("out.jsonl");

    assertThat(scan("--input", input.toString(), "--output", output.toString())).isZero();
    assertThat(Files.readString(output)).contains("\"decision\"");
  }

  @Test
  void readsImagePathsRelativeToTheInputFileNotTheWorkingDirectory() throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "png", batch.resolve("photo.png").toFile());
    Path input = Files.writeString(batch.resolve("in.jsonl"),
        "{\"id\": 1, \"text\": \"add a hat\", \"op\": \"edit\", \"image\": \"photo.png\"}\n");
    Path output = dir.resolve("out.jsonl");

    assertThat(scan("--input", input.toString(), "--output", output.toString())).isZero();
    assertThat(Files.readString(output)).contains("\"decision\"").doesNotContain("\"error\"");
  }

  @Test
  void aMissingInputFileIsAnError() throws Exception {
    assertThat(scan("--input", dir.resolve("absent.jsonl").toString())).isNotZero();
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Runs {@code gardefou scan} with a deadline no loaded test machine misses. */
  private int scan(String... args) throws Exception {
    Path config = Files.writeString(dir.resolve("gardefou.yaml"), "deadline_ms: 30000\n");
    String[] all = new String[args.length + 3];
    all[0] = "scan";
    all[1] = "--config";
    all[2] = config.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return run(all);
  }

  private static int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
