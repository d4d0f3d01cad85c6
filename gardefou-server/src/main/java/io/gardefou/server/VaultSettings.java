package io.gardefou.server;

import io.gardefou.vault.EvidenceVault;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence vault's settings.
 *
 * @param masterKey the base64 AES-256 master key from {@code vault_master_key} or {@code GARDEFOU_VAULT_KEY}; empty
 *     for the generated {@code <data>/vault.key}
 * @param defaultRetention how long a refusal's evidence is kept when no obligation says ({@code vault_default_retention})
 * @param purgeEvery how often the server crypto-shreds expired entries
 */
public record VaultSettings(Optional<String> masterKey, Duration defaultRetention, Duration purgeEvery) {
  public static final String MASTER_KEY_ENV = "GARDEFOU_VAULT_KEY";

  public VaultSettings {
    Objects.requireNonNull(masterKey, "masterKey");
    Objects.requireNonNull(defaultRetention, "defaultRetention");
    Objects.requireNonNull(purgeEvery, "purgeEvery");
    if (defaultRetention.isNegative()) {
      throw new IllegalArgumentException("vault_default_retention cannot be negative, was " + defaultRetention);
    }
    if (purgeEvery.toMillis() < 1) {
      throw new IllegalArgumentException("the vault purge interval must be at least 1 ms, was " + purgeEvery);
    }
  }

  /** The key from the environment if set, 30 days by default, a purge every hour. */
  public static VaultSettings defaults() {
    return new VaultSettings(Optional.ofNullable(System.getenv(MASTER_KEY_ENV)).filter(k -> !k.isBlank()),
        EvidenceVault.Builder.DEFAULT_RETENTION, Duration.ofHours(1));
  }

  public VaultSettings withMasterKey(String base64) {
    return new VaultSettings(Optional.of(base64), defaultRetention, purgeEvery);
  }

  public VaultSettings withDefaultRetention(Duration retention) {
    return new VaultSettings(masterKey, retention, purgeEvery);
  }

  /** Never prints the key, since configs are logged and records print every component. */
  @Override
  public String toString() {
    return "VaultSettings[masterKey=" + (masterKey.isPresent() ? "(set)" : "(data dir)") + ", defaultRetention="
        + defaultRetention + ", purgeEvery=" + purgeEvery + "]";
  }
}
