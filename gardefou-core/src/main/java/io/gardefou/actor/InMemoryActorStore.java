package io.gardefou.actor;

import io.gardefou.model.DecisionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An {@link ActorStore} in memory, for tests and offline runs; every method is atomic. */
public final class InMemoryActorStore implements ActorStore {
  private final Map<List<String>, Standing> standings = new HashMap<>();
  private final Map<List<String>, List<Strike>> strikes = new HashMap<>();

  @Override
  public synchronized Optional<Standing> find(String tenant, String pseudonym) {
    return Optional.ofNullable(standings.get(List.of(tenant, pseudonym)));
  }

  @Override
  public synchronized void save(Standing standing) {
    standings.put(List.of(standing.tenant(), standing.pseudonym()), Objects.requireNonNull(standing, "standing"));
  }

  @Override
  public synchronized List<Strike> strikes(String tenant, String pseudonym) {
    return List.copyOf(strikes.getOrDefault(List.of(tenant, pseudonym), List.of()));
  }

  @Override
  public synchronized boolean addStrike(String tenant, String pseudonym, Strike strike) {
    if (!standings.containsKey(List.of(tenant, pseudonym))) {
      throw new IllegalStateException("no standing saved for " + pseudonym + " at " + tenant);
    }
    boolean given = strikes.entrySet().stream()
        .filter(e -> e.getKey().get(0).equals(tenant))
        .anyMatch(e -> e.getValue().stream().anyMatch(s -> s.decisionId().equals(strike.decisionId())));
    if (given) {
      return false;
    }
    strikes.computeIfAbsent(List.of(tenant, pseudonym), key -> new ArrayList<>()).add(strike);
    return true;
  }

  @Override
  public synchronized boolean removeStrike(String tenant, DecisionId decisionId) {
    boolean removed = false;
    for (Map.Entry<List<String>, List<Strike>> entry : strikes.entrySet()) {
      if (entry.getKey().get(0).equals(tenant)) {
        removed |= entry.getValue().removeIf(strike -> strike.decisionId().equals(decisionId));
      }
    }
    return removed;
  }
}
