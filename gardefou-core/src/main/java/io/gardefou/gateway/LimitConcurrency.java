package io.gardefou.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A bulkhead per tenant: at most {@code maxPerTenant} exchanges of one tenant in the walk at once; one more is turned
 * away at once ({@link TenantBusyException}), never queued. Each exchange runs on its own virtual thread, so a tenant
 * whose upstream calls hang fills only its own bulkhead and never holds a thread another tenant needs.
 */
final class LimitConcurrency implements Stage {
  /** Upstream calls last seconds; a second is long enough for one to finish and short enough not to idle. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final int maxPerTenant;
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  LimitConcurrency(int maxPerTenant) {
    if (maxPerTenant < 1) {
      throw new IllegalArgumentException("max_concurrent_per_tenant must be at least 1, was " + maxPerTenant);
    }
    this.maxPerTenant = maxPerTenant;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    // One semaphore per tenant, kept: tenants are configured or come from API keys, so there are few of them.
    Semaphore permits = inFlight.computeIfAbsent(call.tenant(), tenant -> new Semaphore(maxPerTenant));
    if (!permits.tryAcquire()) {
      throw new TenantBusyException(call.tenant(), maxPerTenant, RETRY_AFTER);
    }
    try {
      return next.proceed(call);
    } finally {
      permits.release();
    }
  }
}
