package io.gardefou.server.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The images served for {@code response_format: url}: held in memory under unguessable tokens until they expire,
 * within a byte budget. Memory rather than the data dir because outputs are short-lived copies the client fetches at
 * once, and keeping them off disk keeps Garde-fou from becoming a store of generated images; past the budget the
 * oldest go first, so a URL lives at most its time to live. Thread-safe.
 */
final class ImageFiles {
  /** 256 random bits: the token is the only capability a URL carries. */
  private static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration ttl;
  private final long maxBytes;
  private final Clock clock;
  /** In insertion order, which is also expiry order, since every image gets the same time to live. */
  private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
  private long heldBytes;

  /** One image, until it expires. */
  record Held(byte[] bytes, Instant expires) {
    Held {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(expires, "expires");
    }
  }

  ImageFiles(Duration ttl, long maxBytes, Clock clock) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.maxBytes = maxBytes;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Keeps the image and returns the token that names it. */
  synchronized String put(byte[] image) {
    if (image.length > maxBytes) {
      throw new IllegalStateException("an image of " + image.length + " bytes exceeds image_store_bytes " + maxBytes);
    }
    Instant now = clock.instant();
    dropExpired(now);
    Iterator<Map.Entry<String, Held>> oldest = held.entrySet().iterator();
    while (heldBytes + image.length > maxBytes && oldest.hasNext()) {
      heldBytes -= oldest.next().getValue().bytes().length;
      oldest.remove();
    }
    byte[] random = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    held.put(token, new Held(image.clone(), now.plus(ttl)));
    heldBytes += image.length;
    return token;
  }

  /** The image under {@code token}, unless it expired, was pushed out, or never was. */
  synchronized Optional<Held> get(String token) {
    dropExpired(clock.instant());
    return Optional.ofNullable(held.get(token));
  }

  Duration ttl() {
    return ttl;
  }

  private void dropExpired(Instant now) {
    Iterator<Map.Entry<String, Held>> oldest = held.entrySet().iterator();
    while (oldest.hasNext()) {
      Held next = oldest.next().getValue();
      if (next.expires().isAfter(now)) {
        return;
      }
      heldBytes -= next.bytes().length;
      oldest.remove();
    }
  }
}
