package io.gardefou.actor;

import java.util.Locale;

/**
 * How far the operator has verified who the actor is (age or identity), as a moderator last recorded it.
 * Separate from the request's tier, which the operator asserts per request.
 */
public enum Verification {
  UNVERIFIED,
  PENDING,
  VERIFIED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Verification fromWireName(String name) {
    for (Verification verification : values()) {
      if (verification.wireName().equals(name)) {
        return verification;
      }
    }
    throw new IllegalArgumentException(
        "unknown verification '" + name + "'; expected unverified, pending, verified or failed");
  }
}
