package io.gardefou.actor;

import java.util.Locale;

/** Whether an actor may be served: active, suspended for a while, or banned until a moderator lifts it. */
public enum Status {
  ACTIVE,
  SUSPENDED,
  BANNED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status fromWireName(String name) {
    for (Status status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown actor status '" + name + "'; expected active, suspended or banned");
  }
}
