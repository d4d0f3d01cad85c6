package io.gardefou.server.cli;

import io.gardefou.hash.Pdq;
import io.gardefou.hash.PdqResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gardefou hash}: perceptual and cryptographic hashes of image files, as the hash banks store them. */
@Command(name = "hash", mixinStandardHelpOptions = true, description = "Hashes image files.",
    subcommands = HashCommand.PdqCommand.class)
final class HashCommand {
  private HashCommand() {}

  /** {@code gardefou hash pdq FILE...}: one {@code <64 hex> <quality> <file>} line per file (or per orientation). */
  @Command(name = "pdq", mixinStandardHelpOptions = true,
      description = "PDQ hash and quality (0-100) of each image; exits 1 if any file could not be hashed.")
  static final class PdqCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dihedral", description = "Eight lines per file: the hashes of its rotations and flips, "
        + "in the reference order (original, rotate90, rotate180, rotate270, flipx, flipy, flipplus1, flipminus1).")
    boolean dihedral;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files (JPEG, PNG, GIF, BMP, WebP).")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failed = DecodedFiles.each(files, err, (file, decoded) -> {
        List<PdqResult> results = dihedral ? Pdq.dihedral(decoded.image()) : List.of(Pdq.hash(decoded.image()));
        for (PdqResult result : results) {
          out.println(result.hash().toHex() + " " + result.quality() + " " + file);
        }
        return true;
      });
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }
}
