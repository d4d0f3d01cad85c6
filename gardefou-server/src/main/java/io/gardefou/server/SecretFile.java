package io.gardefou.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** A one-line secret in a data-directory file (a signing key, the actor key), created owner-only on first start. */
final class SecretFile {
  private SecretFile() {}

  /** The file's line, stripped; on first use the file is created (mode 600, directories too) holding {@code secret}. */
  static String readOrCreate(Path file, Supplier<String> secret) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        // Created owner-only before a byte is written, so the secret is never readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      String line = secret.get();
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret file " + file, e);
    }
  }

  /** The line of an existing secret file, stripped. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret file " + file, e);
    }
  }
}
