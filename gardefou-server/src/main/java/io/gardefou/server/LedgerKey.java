package io.gardefou.server;

import io.gardefou.ledger.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The ledger's Ed25519 signing key, kept in {@code <data>/ledger.key} (mode 600) as a signed-note signer key
 * string, and created on first start with the origin {@code gardefou.local/<random install id>}.
 */
public final class LedgerKey {
  /** The key file's name in the data directory. */
  public static final String FILE = "ledger.key";

  private LedgerKey() {}

  /** The signer in {@code dataDir}, created there if there is none. */
  public static NoteSigner loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return load(file);
      }
      Files.createDirectories(dataDir);
      byte[] installId = new byte[8];
      new SecureRandom().nextBytes(installId);
      NoteSigner signer = NoteSigner.generate("gardefou.local/" + HexFormat.of().formatHex(installId));
      try {
        // Created owner-only before a byte is written, so the secret is never readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return load(file);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, signer.signerKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the ledger key " + file, e);
    }
  }

  /** The signer in an existing key file. */
  public static NoteSigner load(Path file) {
    try {
      return NoteSigner.fromSignerKey(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the ledger key " + file + " is not a signed-note signer key: " + e.getMessage(), e);
    }
  }
}
