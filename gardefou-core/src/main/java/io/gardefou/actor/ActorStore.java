package io.gardefou.actor;

import io.gardefou.model.DecisionId;
import java.util.List;
import java.util.Optional;

/** Where actors' standings and strikes are kept, by tenant and pseudonym; never a raw user id. */
public interface ActorStore {
  /** The actor's standing, if it was ever struck, suspended, banned or verified. */
  Optional<Standing> find(String tenant, String pseudonym);

  /** Creates or replaces the actor's standing (status, tier, verification). */
  void save(Standing standing);

  /** The actor's strikes, oldest first. */
  List<Strike> strikes(String tenant, String pseudonym);

  /**
   * Adds a strike against the actor, whose standing must have been saved. A decision gives at most one strike:
   * returns false, adding nothing, when the decision already gave one.
   */
  boolean addStrike(String tenant, String pseudonym, Strike strike);

  /** Removes the strike the decision gave, if it gave one; returns whether it did. */
  boolean removeStrike(String tenant, DecisionId decisionId);
}
