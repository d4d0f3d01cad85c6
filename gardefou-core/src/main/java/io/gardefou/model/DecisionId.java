package io.gardefou.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The identifier of one decision, a time-ordered UUID (RFC 9562 version 7) so that ids sort by time. */
public record DecisionId(UUID uuid) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public DecisionId {
    Objects.requireNonNull(uuid, "uuid");
  }

  public static DecisionId generate(Instant now) {
    long millis = now.toEpochMilli();
    // RFC 9562 §5.7: 48-bit Unix milliseconds, version 7, 12 random bits; variant 10, 62 random bits.
    long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new DecisionId(new UUID(msb, lsb));
  }

  public static DecisionId parse(String text) {
    return new DecisionId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return uuid.toString();
  }
}
