package io.gardefou.screen;

import io.gardefou.model.DecisionId;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.util.Optional;

/**
 * A check that may refuse a request before any detector runs, from state the pure policy does not hold (an
 * actor's suspension or ban). A refusal is a verdict, recorded like any other.
 */
@FunctionalInterface
public interface Precheck {
  /** The refusal of {@code request}, decided under {@code decisionId} at {@code now}; empty to screen it. */
  Optional<Verdict> check(ScreeningRequest request, DecisionId decisionId, Instant now, String policyVersion);
}
