package io.gardefou.model;

import java.util.Locale;

/**
 * How well the operator knows the actor behind a request; policy gates features by tier. Tiers are ordered
 * and cumulative: a paid or enterprise actor has passed the operator's adult verification too.
 */
public enum Tier {
  ANONYMOUS,
  REGISTERED,
  VERIFIED_ADULT,
  PAID,
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
