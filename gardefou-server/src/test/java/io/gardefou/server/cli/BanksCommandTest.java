package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gardefou banks}: add images, import and export files, list counts, all against a data directory's store. */
class BanksCommandTest {
  private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  private static final String MD5 = "cab08b36195edb1a1231d2d09fa450e0";

  @TempDir Path dir;

  @Test
  void importsACsvListsItsCountAndExportsItAsHma() throws Exception {
    Path csv = Files.writeString(dir.resolve("in.csv"),
        "hash,bank,label,added_at\n" + PDQ + ",ncii-victims,case 1,2026-01-01T00:00:00Z\n" + MD5 + ",ncii-victims,,\n");
    String data = dir.resolve("data").toString();

    Run imported = run("banks", "import", csv.toString(), "--format", "csv", "--data", data);
    Run again = run("banks", "import", csv.toString(), "--data", data);
    Run list = run("banks", "list", "--data", data);
    Run export = run("banks", "export", "--bank", "ncii-victims", "--format", "hma", "--data", data);

    assertThat(imported.out.strip()).isEqualTo("read 2, added 2, already present 0");
    assertThat(again.out.strip()).isEqualTo("read 2, added 0, already present 2");
    assertThat(list.out.lines()).contains("ncii-victims score:sexual/non-consensual 31 2", "known-csam score:sexual/minors 31 0");
    assertThat(export.out).isEqualTo("pdq " + PDQ + "\nvideo_md5 " + MD5 + "\n");
  }

  @Test
  void refusesAnHmaFileWithoutABankAndAddsNothing() throws Exception {
    Path hma = Files.writeString(dir.resolve("in.txt"), "pdq " + PDQ + "\n");
    String data = dir.resolve("data").toString();

    Run run = run("banks", "import", hma.toString(), "--format", "hma", "--data", data);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("names no bank");
    assertThat(run(("banks list --data " + data).split(" ")).out).contains("known-csam score:sexual/minors 31 0");
  }

  @Test
  void addsImagesByTheirPdqHashAndRefusesAFlatOne() throws Exception {
    Path pattern = image("pattern.png", false);
    Path flat = image("flat.png", true);
    String data = dir.resolve("data").toString();

    Run run = run("banks", "add", "--bank", "takedowns", pattern.toString(), flat.toString(), "--data", data);
    Run export = run("banks", "export", "--bank", "takedowns", "--data", data);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out.lines()).hasSize(2);
    assertThat(run.out.lines().toList().get(0)).endsWith("pattern.png added");
    assertThat(run.out.lines().toList().get(1)).endsWith("flat.png not added: quality under 50");
    assertThat(export.out.lines()).hasSize(2).last().asString().contains(",takedowns,pattern.png,");
  }

  private Path image(String name, boolean flat) throws Exception {
    BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, flat ? 0x808080 : ((x / 8 + y / 8) % 2 == 0 ? 0xFFFFFF : 0x202020) ^ (x * y & 0x3F));
      }
    }
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
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
