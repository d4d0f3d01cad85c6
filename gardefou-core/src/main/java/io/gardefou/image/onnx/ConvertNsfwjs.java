package io.gardefou.image.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Build-time tool: converts an nsfwjs model directory to an ONNX file, skipping the work when the file is
 * already newer than the model files and the converter's own classes. Run by gardefou-core's pom in {@code process-classes}.
 */
public final class ConvertNsfwjs {
  private ConvertNsfwjs() {}

  /** Arguments: the model directory ({@code dist/models/mobilenet_v2}) and the {@code .onnx} file to write. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ConvertNsfwjs <nsfwjs model dir> <output.onnx>");
    }
    Path dir = Path.of(args[0]);
    Path output = Path.of(args[1]);
    if (upToDate(dir, output)) {
      return;
    }
    byte[] onnx = LayersToOnnx.convert(NsfwjsBundle.read(dir));
    write(output, onnx);
    System.out.println("nsfwjs " + dir + " -> " + output + " (" + onnx.length + " bytes)");
  }

  static void write(Path output, byte[] onnx) throws IOException {
    Files.createDirectories(output.toAbsolutePath().getParent());
    Path partial = output.resolveSibling(output.getFileName() + ".part");
    Files.write(partial, onnx);
    // Atomic so an interrupted build never leaves a truncated model that later looks up to date.
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Whether {@code output} is newer than every file in {@code dir} and than the converter's classes. */
  static boolean upToDate(Path dir, Path output) throws IOException {
    if (!Files.isRegularFile(output)) {
      return false;
    }
    long built = Files.getLastModifiedTime(output).toMillis();
    try (Stream<Path> model = Files.list(dir); Stream<Path> converter = Files.list(converterClasses())) {
      return Stream.concat(model, converter).allMatch(input -> modified(input) <= built);
    }
  }

  private static Path converterClasses() {
    try {
      return Path.of(ConvertNsfwjs.class.getResource("ConvertNsfwjs.class").toURI()).getParent();
    } catch (java.net.URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
      throw new IllegalStateException("the converter runs from its class directory at build time", e);
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
