package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HashCommandTest {
  /** From ../shared/eval/external/pdq-testvectors/expected/java-reference-imageio.csv (ThreatExchange Java reference). */
  private static final String BLUR_A_LITTLE = "f8f8f0cee0f4a84f06370a2a038f63f0b36e26d596621e1d33e6b39c4e9c9b22 100";

  @TempDir Path dir;

  @Test
  void printsTheReferenceHashAndQualityOfATestVector() {
    Path vector = sharedVectors().resolve("images/bridge-mods/blur-a-little.jpg");
    assumeTrue(Files.isRegularFile(vector), "PDQ test vectors are in ../shared, beside the repository; absent here");

    Run run = run("hash", "pdq", vector.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out.strip()).isEqualTo(BLUR_A_LITTLE + " " + vector);
  }

  @Test
  void printsEightOrientationsWithDihedral() throws Exception {
    Path image = gradient("g.png");

    Run run = run("hash", "pdq", "--dihedral", image.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out.lines()).hasSize(8).allMatch(line -> line.matches("[0-9a-f]{64} \\d{1,3} .*g\\.png"));
    assertThat(run.out.lines().map(line -> line.substring(0, 64)).distinct()).hasSizeGreaterThan(1);
  }

  @Test
  void reportsAFileThatIsNoImageAndExitsOne() throws Exception {
    Path good = gradient("good.png");
    Path bad = Files.write(dir.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0});

    Run run = run("hash", "pdq", bad.toString(), good.toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("bad.png: image_corrupt");
    assertThat(run.out.lines()).singleElement().asString().endsWith("good.png");
  }

  private Path gradient(String name) throws Exception {
    BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | ((x * y) & 0xFF));
      }
    }
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static Path sharedVectors() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/eval/external/pdq-testvectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("absent");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
