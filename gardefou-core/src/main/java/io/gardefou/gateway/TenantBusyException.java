package io.gardefou.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Back-pressure: the tenant already has as many exchanges in flight as it may; this one was not started. The server
 * answers 429 with {@code Retry-After}.
 */
public final class TenantBusyException extends RuntimeException {
  private final String tenant;
  private final Duration retryAfter;

  TenantBusyException(String tenant, int limit, Duration retryAfter) {
    super("too many concurrent images requests for this tenant (limit " + limit + "); retry later");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public String tenant() {
    return tenant;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
