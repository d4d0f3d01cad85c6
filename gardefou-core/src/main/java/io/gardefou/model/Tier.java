package io.gardefou.model;

import java.util.Locale;

/**
 * How well the operator knows the actor behind a request; policy gates features by tier. Tiers are ordered
 * and cumulative. Paying proves nothing about age ("paid subscribers only" did not stop the January 2026
 * undressing edits), so PAID ranks below VERIFIED_ADULT; ENTERPRISE users are vouched for by their
 * organisation's contract with the operator, which includes age verification.
 */
public enum Tier {
  ANONYMOUS,
  REGISTERED,
  PAID,
  VERIFIED_ADULT,
  ENTERPRISE;

  public static Tier fromWireName(String name) {
    for (Tier tier : values()) {
      if (tier.wireName().equals(name)) {
        return tier;
      }
    }
    throw new IllegalArgumentException(
        "unknown tier '" + name + "'; expected anonymous, registered, verified_adult, paid or enterprise");
  }

  /** True when this tier is {@code minimum} or above it. */
  public boolean atLeast(Tier minimum) {
    return compareTo(minimum) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
