package io.gardefou.server.http;

import io.gardefou.account.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/** Who may call a route, given to Javalin with the route: anyone, or a key with one of the account roles. */
public enum Access implements RouteRole {
  PUBLIC(null),
  ADMIN(Role.ADMIN),
  OPERATOR(Role.OPERATOR),
  MODERATOR(Role.MODERATOR),
  AUDITOR(Role.AUDITOR);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The role a key needs; empty for a public route. */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }
}
