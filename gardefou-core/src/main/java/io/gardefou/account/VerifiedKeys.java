package io.gardefou.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that passed the PBKDF2 check recently, so that a client's every request does not pay for it again.
 * Held by HMAC-SHA256 of the token under a key made at start and never stored: the map holds neither a token
 * nor anything from which one could be checked offline. Least recently used entries go first past the bound.
 */
final class VerifiedKeys {
  /** One verified token: the key as it was then, and when its stored row was last read. */
  record Entry(ApiKey key, Instant checkedAt) {}

  private final byte[] macKey = new byte[32];
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<ByteBuffer, Entry> entries;

  VerifiedKeys(int capacity, SecureRandom random) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the verified-key cache needs room for at least one key, was " + capacity);
    }
    random.nextBytes(macKey);
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, VerifiedKeys.Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The token's cache key: a keyed digest, so that equal tokens meet and nothing else can be learnt from it. */
  ByteBuffer digest(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
      return ByteBuffer.wrap(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  Optional<Entry> get(ByteBuffer digest) {
    lock.lock();
    try {
      return Optional.ofNullable(entries.get(digest));
    } finally {
      lock.unlock();
    }
  }

  void put(ByteBuffer digest, Entry entry) {
    lock.lock();
    try {
      entries.put(digest, entry);
    } finally {
      lock.unlock();
    }
  }

  void remove(ByteBuffer digest) {
    lock.lock();
    try {
      entries.remove(digest);
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every token of the key. */
  void invalidate(KeyId id) {
    lock.lock();
    try {
      entries.values().removeIf(entry -> entry.key().id().equals(id));
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }
}
