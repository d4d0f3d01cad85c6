package io.gardefou.policy;

import io.gardefou.model.DecisionId;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Instant;

/** Turns what detectors found into a decision. Pure: no I/O, the same inputs give the same verdict. */
public interface Policy {
  /** Identifies the rules that decided, so that a verdict can be explained and replayed. */
  String version();

  Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now);
}
