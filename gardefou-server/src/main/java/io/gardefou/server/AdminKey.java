package io.gardefou.server;

import io.gardefou.account.Accounts;
import io.gardefou.account.IssuedKey;
import io.gardefou.model.ScreeningRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin key: issued when Garde-fou starts on a store that holds no key at all, so that it needs no
 * set-up, and written to {@code <data>/admin.key}, readable by its owner only. The log says where, never the key.
 */
public final class AdminKey {
  /** The key file's name in the data directory. */
  public static final String FILE = "admin.key";
  private static final Logger LOG = LoggerFactory.getLogger(AdminKey.class);

  private AdminKey() {}

  /** Issues and writes the first admin key if the store has none; returns where it was written. */
  public static Optional<Path> issueIfNone(Accounts accounts, Path dataDir) {
    Optional<IssuedKey> issued = accounts.createFirstAdmin(ScreeningRequest.DEFAULT_TENANT);
    if (issued.isEmpty()) {
      return Optional.empty();
    }
    Path file = dataDir.resolve(FILE);
    try {
      writeOwnerOnly(file, issued.get().token() + "\n");
    } catch (IOException | RuntimeException e) {
      accounts.revoke(issued.get().key().id(), Accounts.SYSTEM); // A key nobody can read must not stay valid.
      throw new UncheckedIOException("cannot write the first admin key to " + file, e instanceof IOException io
          ? io : new IOException(e));
    }
    LOG.info("No API key existed: created admin key {} for tenant '{}' in {} (owner-only). Give each service its own "
        + "key: gardefou keys create --role operator --name NAME", issued.get().key().id(), issued.get().key().tenant(), file);
    return Optional.of(file);
  }

  /** Writes {@code text} to a new file created owner-only before a byte is written; an old file there is replaced. */
  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file); // left by an earlier store: its key no longer exists
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
