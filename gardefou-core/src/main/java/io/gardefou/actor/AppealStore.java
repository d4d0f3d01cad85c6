package io.gardefou.actor;

import io.gardefou.model.DecisionId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where appeals are kept. A decision is appealed at most once. */
public interface AppealStore {
  /** Adds an open appeal; returns false, adding nothing, when its decision was already appealed. */
  boolean add(Appeal appeal);

  Optional<Appeal> find(UUID id);

  /** The appeal of a decision, if it was appealed. */
  Optional<Appeal> ofDecision(DecisionId decisionId);

  /** Up to {@code limit} appeals of the tenant in the state, oldest filed first (the queue's order). */
  List<Appeal> inState(String tenant, Appeal.State state, int limit);

  /** Records the answer of an open appeal; returns false, changing nothing, when it is no longer open. */
  boolean decide(Appeal decided);
}
