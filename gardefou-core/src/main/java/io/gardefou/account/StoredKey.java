package io.gardefou.account;

import java.util.Objects;

/** A key as its store holds it: what is known of it, and the hash that checks a presented secret. */
public record StoredKey(ApiKey key, KeyHash hash) {
  public StoredKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(hash, "hash");
  }
}
