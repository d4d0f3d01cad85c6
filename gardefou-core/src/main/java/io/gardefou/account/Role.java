package io.gardefou.account;

/**
 * What an API key may do. An admin may do everything; every other role exactly its own part, so that an
 * auditor's key reads and changes nothing else, and an operator's (client) key cannot read the ledger.
 */
public enum Role {
  /** Manages keys, tenants, hash banks and policy; may do what every other role may. */
  ADMIN,
  /** The operator's service: screens requests and calls the images gateway on behalf of its users. */
  OPERATOR,
  /** Works the review queue and appeals; suspends, bans and reinstates actors. */
  MODERATOR,
  /** Reads the ledger, verdicts and reports; changes nothing. */
  AUDITOR;

  /** True when a key with this role may call something that requires {@code required}. */
  public boolean grants(Role required) {
    return this == ADMIN || this == required;
  }

  /** The lower-case wire name ({@code "auditor"}). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role fromWireName(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; expected admin, operator, moderator or auditor");
  }
}
