package io.gardefou.policy;

import io.gardefou.model.DecisionId;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A policy that can be replaced while requests are screened, for hot reload of packs. Each call reads the
 * current policy once, so a verdict is always decided, and versioned, by one whole policy.
 */
public final class SwappablePolicy implements Policy {
  private final AtomicReference<Policy> current;

  public SwappablePolicy(Policy initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** Replaces the policy; the caller has validated the new one completely. */
  public void swap(Policy next) {
    current.set(Objects.requireNonNull(next, "next"));
  }

  public Policy current() {
    return current.get();
  }

  @Override
  public String version() {
    return current.get().version();
  }

  @Override
  public Optional<Verdict> precheck(ScreeningRequest request, DecisionId decisionId, Instant now) {
    return current.get().precheck(request, decisionId, now);
  }

  @Override
  public Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now) {
    return current.get().decide(request, signals, decisionId, now);
  }
}
