package io.gardefou.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in memory, for tests and tools that need no persistence. */
public final class InMemoryKeyStore implements KeyStore {
  private final Map<KeyId, StoredKey> keys = new ConcurrentHashMap<>();

  @Override
  public void insert(StoredKey key) {
    if (keys.putIfAbsent(key.key().id(), key) != null) {
      throw new IllegalArgumentException("key " + key.key().id() + " exists already");
    }
  }

  @Override
  public Optional<StoredKey> find(KeyId id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public List<ApiKey> list() {
    return keys.values().stream().map(StoredKey::key)
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()))
        .toList();
  }

  @Override
  public boolean revoke(KeyId id, Instant at) {
    boolean[] revoked = {false};
    keys.computeIfPresent(id, (ignored, stored) -> {
      if (stored.key().revoked()) {
        return stored;
      }
      revoked[0] = true;
      ApiKey key = stored.key();
      return new StoredKey(new ApiKey(key.id(), key.tenant(), key.role(), key.name(), key.createdAt(),
          key.lastUsedAt(), Optional.of(at)), stored.hash());
    });
    return revoked[0];
  }

  @Override
  public void touch(KeyId id, Instant at) {
    keys.computeIfPresent(id, (ignored, stored) -> new StoredKey(stored.key().usedAt(at), stored.hash()));
  }
}
