package io.gardefou.model;

import java.util.Locale;

/** How well the operator knows the actor behind a request; policy gates features by tier. */
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

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
