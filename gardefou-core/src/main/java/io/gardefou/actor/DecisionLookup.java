package io.gardefou.actor;

import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import java.util.Objects;
import java.util.Optional;

/** Finds a recorded decision, for an appeal against it: whose it was and what was decided. */
@FunctionalInterface
public interface DecisionLookup {
  Optional<Recorded> find(DecisionId decisionId);

  /** A recorded decision as an appeal needs it. {@code actor} is the pseudonym the verdict recorded. */
  record Recorded(DecisionId decisionId, String tenant, String actor, Decision decision) {
    public Recorded {
      Objects.requireNonNull(decisionId, "decisionId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(decision, "decision");
    }
  }
}
