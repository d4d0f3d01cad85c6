package io.gardefou.policy;

import io.gardefou.model.DecisionId;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;
import java.util.Optional;

/** Turns what detectors found into a decision. Pure: no I/O, the same inputs give the same verdict. */
public interface Policy {
  /** Identifies the rules that decided, so that a verdict can be explained and replayed. */
  String version();

  /**
   * Decides what needs no detector: a regulator's block of the operation, or a feature the actor's tier may
   * not use. A refusal here costs nothing; empty means the detectors must run.
   */
  default Optional<Verdict> precheck(ScreeningRequest request, DecisionId decisionId, Instant now) {
    return Optional.empty();
  }

  Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now);
}
