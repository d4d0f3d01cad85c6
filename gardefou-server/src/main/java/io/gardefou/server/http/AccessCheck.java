package io.gardefou.server.http;

import io.gardefou.account.Accounts;
import io.gardefou.account.ApiKey;
import io.gardefou.account.Role;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call what: every route is registered with its {@link Access}, checked before its handler.
 * A protected route needs {@code Authorization: Bearer <key>} (what OpenAI's SDKs send) of a valid key whose
 * role grants the route's; the key's tenant becomes the request's, and an admin key may name another in
 * {@value #TENANT_HEADER}. Failures are 401 {@code invalid_api_key} or 403, through the one error table.
 */
final class AccessCheck {
  /** The header in which an admin key names the tenant it acts for. */
  static final String TENANT_HEADER = "X-Gardefou-Tenant";
  private static final String CALLER = "gardefou.caller";
  private static final String TENANT = "gardefou.tenant";
  private static final String BEARER = "Bearer ";

  private final Accounts accounts;

  AccessCheck(Accounts accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /**
   * Fails the start when an endpoint is registered without an {@link Access}, so that no route is open by
   * omission. A route may name several (any of them lets a key in); PUBLIC stands alone. Returns the endpoint,
   * or empty for a before or after handler.
   */
  static Optional<HandlerMetaInfo> requireAccess(HandlerMetaInfo route) {
    if (!route.getHttpMethod().isHttpMethod()) {
      return Optional.empty();
    }
    if (access(route.getRoles()).isEmpty()) {
      throw new IllegalStateException(route.getHttpMethod() + " " + route.getPath()
          + " is registered without an Access, or with PUBLIC among others; say who may call it, e.g. "
          + "app.get(path, handler, Access.AUDITOR)");
    }
    return Optional.of(route);
  }

  /** The Access a route was registered with. */
  static Set<Access> accessOf(HandlerMetaInfo route) {
    return access(route.getRoles()).orElseThrow();
  }

  /** Runs before every matched route's handler. */
  void check(Context ctx) {
    Set<Access> access = access(ctx.routeRoles()).orElseThrow(() -> new IllegalStateException(
        ctx.method() + " " + ctx.endpointHandlerPath() + " has no Access")); // requireAccess stops this at start.
    if (access.contains(Access.PUBLIC)) {
      return;
    }
    ApiKey caller = authenticate(ctx.header("Authorization")).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer realm=\"gardefou\""); // RFC 6750 §3
      return ApiException.unauthenticated(
          "a valid API key is required: send 'Authorization: Bearer gf_…' (create one with 'gardefou keys create')");
    });
    List<Role> required = access.stream().map(a -> a.role().orElseThrow()).sorted().toList();
    if (required.stream().noneMatch(caller.role()::grants)) {
      throw ApiException.forbidden("insufficient_role",
          "this key's role is " + caller.role().wireName() + "; " + ctx.method() + " " + ctx.endpointHandlerPath()
              + " needs " + required.stream().map(Role::wireName).collect(Collectors.joining(" or ")));
    }
    ctx.attribute(CALLER, caller);
    ctx.attribute(TENANT, tenant(caller, ctx.header(TENANT_HEADER)));
  }

  /** The key that authenticated this request; only on protected routes. */
  static ApiKey caller(Context ctx) {
    ApiKey caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException(ctx.path() + " reads its caller but is not a protected route");
    }
    return caller;
  }

  /** The tenant this request is made for: its key's, or the one an admin key named. */
  static String tenant(Context ctx) {
    String tenant = ctx.attribute(TENANT);
    if (tenant == null) {
      throw new IllegalStateException(ctx.path() + " reads its tenant but is not a protected route");
    }
    return tenant;
  }

  private Optional<ApiKey> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return accounts.authenticate(authorization.substring(BEARER.length()).strip());
  }

  private static String tenant(ApiKey caller, String named) {
    if (named == null || named.equals(caller.tenant())) {
      return caller.tenant();
    }
    if (caller.role() != Role.ADMIN) {
      throw ApiException.forbidden("tenant_not_allowed",
          "this key acts for tenant '" + caller.tenant() + "' only; only an admin key may name another in " + TENANT_HEADER);
    }
    try {
      return ApiKey.checkTenant(named);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_tenant", TENANT_HEADER, e.getMessage());
    }
  }

  /** The route's Access: at least one, nothing else, and PUBLIC only alone; else empty. */
  private static Optional<Set<Access>> access(Set<RouteRole> roles) {
    if (roles.isEmpty() || !roles.stream().allMatch(Access.class::isInstance)) {
      return Optional.empty();
    }
    Set<Access> access = roles.stream().map(Access.class::cast).collect(Collectors.toUnmodifiableSet());
    return access.contains(Access.PUBLIC) && access.size() > 1 ? Optional.empty() : Optional.of(access);
  }
}
