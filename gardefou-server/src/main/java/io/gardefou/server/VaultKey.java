package io.gardefou.server;

import io.gardefou.vault.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence vault's master key: from the settings ({@code vault_master_key} or {@code GARDEFOU_VAULT_KEY}) or,
 * with zero set-up, from {@code <data>/vault.key} (mode 600, base64), generated on first start.
 */
public final class VaultKey {
  private static final Logger LOG = LoggerFactory.getLogger(VaultKey.class);
  /** The key file's name in the data directory. */
  public static final String FILE = "vault.key";

  private VaultKey() {}

  /** The configured key, else the key file's, creating it if there is none. */
  public static MasterKey resolve(VaultSettings settings, Path dataDir) {
    if (settings.masterKey().isPresent()) {
      try {
        return MasterKey.fromBase64(settings.masterKey().get());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("vault_master_key / " + VaultSettings.MASTER_KEY_ENV + ": " + e.getMessage(), e);
      }
    }
    Path file = dataDir.resolve(FILE);
    LOG.warn("Evidence vault master key from {}: beside the data it protects; production should supply its own "
        + "(vault_master_key or {}) from a secret store", file, VaultSettings.MASTER_KEY_ENV);
    return loadOrCreate(file);
  }

  private static MasterKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return load(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      MasterKey key = MasterKey.generate();
      try {
        // Created owner-only before a byte is written, so the secret is never readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return load(file);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, key.base64() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("Generated the evidence vault master key {} in {}", key.id(), file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the vault key " + file, e);
    }
  }

  private static MasterKey load(Path file) throws IOException {
    try {
      return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the vault key " + file + ": " + e.getMessage(), e);
    }
  }
}
