package io.gardefou.model;

import java.util.Objects;

/** Who asked: the operator's identifier for the end user, and how well the operator knows them. */
public record Actor(String id, Tier tier) {
  private static final Actor ANONYMOUS = new Actor("anonymous", Tier.ANONYMOUS);

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tier, "tier");
    if (id.isBlank()) {
      throw new IllegalArgumentException("actor id must not be blank");
    }
  }

  public static Actor anonymous() {
    return ANONYMOUS;
  }

  public static Actor of(String id, Tier tier) {
    return new Actor(id, tier);
  }
}
