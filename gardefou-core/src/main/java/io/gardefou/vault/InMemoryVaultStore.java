package io.gardefou.vault;

import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link VaultStore} in a map, for tests and tools; one lock, since nothing here is hot. */
final class InMemoryVaultStore implements VaultStore {
  private final Map<DecisionId, VaultEntry> entries = new HashMap<>();
  private final Map<DecisionId, Sealed> sealed = new HashMap<>();

  @Override
  public synchronized void put(VaultEntry entry, Sealed contents) {
    if (entries.putIfAbsent(entry.decisionId(), entry) != null) {
      throw new IllegalStateException("decision " + entry.decisionId() + " already has a vault entry");
    }
    sealed.put(entry.decisionId(), contents);
  }

  @Override
  public synchronized Optional<VaultEntry> entry(DecisionId id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public synchronized Optional<Sealed> sealed(DecisionId id) {
    return Optional.ofNullable(sealed.get(id));
  }

  @Override
  public synchronized boolean setLegalHold(DecisionId id, boolean held) {
    VaultEntry entry = entries.get(id);
    if (entry == null || entry.shredded()) {
      return false;
    }
    entries.put(id, entry.withLegalHold(held));
    return true;
  }

  @Override
  public synchronized boolean shred(DecisionId id, Instant at, String reason) {
    VaultEntry entry = entries.get(id);
    if (entry == null || entry.shredded() || entry.legalHold()) {
      return false;
    }
    sealed.remove(id);
    entries.put(id, entry.shredded(at, reason));
    return true;
  }

  @Override
  public synchronized List<DecisionId> expired(Instant now, int limit) {
    return entries.values().stream()
        .filter(e -> !e.shredded() && !e.legalHold() && e.expiredAt(now))
        .sorted(Comparator.comparing(VaultEntry::retainUntil))
        .limit(limit)
        .map(VaultEntry::decisionId)
        .toList();
  }
}
