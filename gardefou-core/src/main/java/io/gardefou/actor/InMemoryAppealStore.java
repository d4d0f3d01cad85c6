package io.gardefou.actor;

import io.gardefou.model.DecisionId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An {@link AppealStore} in memory, for tests and offline runs; every method is atomic. */
public final class InMemoryAppealStore implements AppealStore {
  private final Map<UUID, Appeal> appeals = new LinkedHashMap<>();

  @Override
  public synchronized boolean add(Appeal appeal) {
    if (appeal.state() != Appeal.State.OPEN) {
      throw new IllegalArgumentException("only an open appeal is added");
    }
    if (ofDecision(appeal.decisionId()).isPresent() || appeals.containsKey(appeal.id())) {
      return false;
    }
    appeals.put(appeal.id(), appeal);
    return true;
  }

  @Override
  public synchronized Optional<Appeal> find(UUID id) {
    return Optional.ofNullable(appeals.get(id));
  }

  @Override
  public synchronized Optional<Appeal> ofDecision(DecisionId decisionId) {
    return appeals.values().stream().filter(a -> a.decisionId().equals(decisionId)).findFirst();
  }

  @Override
  public synchronized List<Appeal> inState(String tenant, Appeal.State state, int limit) {
    return appeals.values().stream()
        .filter(a -> a.tenant().equals(tenant) && a.state() == state)
        .sorted(Comparator.comparing(Appeal::filedAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean decide(Appeal decided) {
    Appeal current = appeals.get(decided.id());
    if (current == null || current.state() != Appeal.State.OPEN) {
      return false;
    }
    appeals.put(decided.id(), decided);
    return true;
  }
}
