package io.gardefou.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept: their hashes and what is known of them, never a secret. */
public interface KeyStore {
  /** Adds a new key; its id is new. */
  void insert(StoredKey key);

  Optional<StoredKey> find(KeyId id);

  /** Every key, revoked ones included, the oldest first. */
  List<ApiKey> list();

  /** Marks the key revoked at {@code at}; false if there is no such key or it was revoked already. */
  boolean revoke(KeyId id, Instant at);

  /** Records that the key was used at {@code at}. */
  void touch(KeyId id, Instant at);
}
