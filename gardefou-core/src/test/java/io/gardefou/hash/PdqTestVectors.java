package io.gardefou.hash;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Meta's PDQ test vectors, kept outside the repository in {@code ../shared/eval/external/pdq-testvectors/} (images
 * and expected hashes from ThreatExchange, BSD licence; see its SOURCE.md for how each expected file was produced).
 */
final class PdqTestVectors {
  private static final Path RELATIVE = Path.of("shared", "eval", "external", "pdq-testvectors");

  private PdqTestVectors() {}

  /** The vectors folder, or a skipped test when this checkout has no sibling {@code shared/} folder. */
  static Path require() {
    Optional<Path> found = find();
    assumeTrue(found.isPresent(), "PDQ test vectors not found: no shared/eval/external/pdq-testvectors next to "
        + "this checkout or any folder above it (a fresh clone has no ../shared), so the known-answer tests are skipped");
    return found.get();
  }

  static Path image(Path vectors, String name) {
    return vectors.resolve("images").resolve(name);
  }

  /** Rows of a CSV under {@code expected/}, header dropped, fields split on commas (no field holds one). */
  static List<String[]> expected(Path vectors, String file) {
    try {
      List<String> lines = Files.readAllLines(vectors.resolve("expected").resolve(file));
      return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate.resolve("expected")) && Files.isDirectory(candidate.resolve("images"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
