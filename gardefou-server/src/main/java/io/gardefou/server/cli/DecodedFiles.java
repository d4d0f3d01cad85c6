package io.gardefou.server.cli;

import io.gardefou.image.DecodedImage;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.image.ImageLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Decodes image files given on a command line one by one: a file that fails is named on stderr and the rest go on. */
final class DecodedFiles {
  /** What a command does with one decoded file; false when that file counts as failed. */
  @FunctionalInterface
  interface Action {
    boolean apply(Path file, DecodedImage image);
  }

  private DecodedFiles() {}

  /** Runs {@code action} on each file that decodes within the default limits; returns how many failed. */
  static int each(List<Path> files, PrintWriter err, Action action) {
    ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
    int failed = 0;
    for (Path file : files) {
      try {
        failed += action.apply(file, decoder.decode(Files.readAllBytes(file))) ? 0 : 1;
      } catch (ImageError e) {
        failed++;
        err.println(file + ": " + e.code() + ": " + e.getMessage());
      } catch (IOException e) {
        failed++;
        err.println(file + ": unreadable: " + e.getMessage());
      }
    }
    return failed;
  }
}
