package io.gardefou.policy;

import io.gardefou.model.Operation;
import io.gardefou.model.Tier;
import java.util.Objects;

/** An operation an actor may use only from a tier up; checked before any detector runs. */
record FeatureGate(String id, Operation operation, Tier minTier, String reason, Basis basis) {
  FeatureGate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(minTier, "minTier");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(basis, "basis");
  }

  boolean blocks(Operation requested, Tier tier) {
    return requested == operation && !tier.atLeast(minTier);
  }
}
