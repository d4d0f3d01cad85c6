package io.gardefou.server;

import io.gardefou.ledger.NoteSigner;
import java.nio.file.Path;
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
    return parse(file, SecretFile.readOrCreate(file, () -> {
      byte[] installId = new byte[8];
      new SecureRandom().nextBytes(installId);
      return NoteSigner.generate("gardefou.local/" + HexFormat.of().formatHex(installId)).signerKey();
    }));
  }

  /** The signer in an existing key file. */
  public static NoteSigner load(Path file) {
    return parse(file, SecretFile.read(file));
  }

  private static NoteSigner parse(Path file, String signerKey) {
    try {
      return NoteSigner.fromSignerKey(signerKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the ledger key " + file + " is not a signed-note signer key: " + e.getMessage(), e);
    }
  }
}
