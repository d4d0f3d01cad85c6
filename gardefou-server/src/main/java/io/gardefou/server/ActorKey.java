package io.gardefou.server;

import io.gardefou.actor.Pseudonyms;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret under which actors' pseudonyms are computed, kept in {@code <data>/actor.key} (mode 600, 32 random
 * bytes in hex) apart from the ledger, and created on first start. Destroying it unlinks every recorded
 * pseudonym from the users it stood for; changing it starts every actor afresh.
 */
public final class ActorKey {
  /** The key file's name in the data directory. */
  public static final String FILE = "actor.key";

  private ActorKey() {}

  /** The pseudonyms under the key in {@code dataDir}, created there if there is none. */
  public static Pseudonyms loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    String hex = SecretFile.readOrCreate(file, () -> {
      byte[] key = new byte[Pseudonyms.KEY_BYTES];
      new SecureRandom().nextBytes(key);
      return HexFormat.of().formatHex(key);
    });
    try {
      return Pseudonyms.withKey(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the actor key " + file + " must be " + Pseudonyms.KEY_BYTES + " bytes in hex: " + e.getMessage(), e);
    }
  }
}
