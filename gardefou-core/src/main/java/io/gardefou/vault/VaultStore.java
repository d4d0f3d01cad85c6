package io.gardefou.vault;

import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the vault keeps its entries: the narrow storage the {@link EvidenceVault} needs, nothing more. */
public interface VaultStore {
  /**
   * Stores a new entry and its sealed contents durably.
   *
   * @throws IllegalStateException if the decision already has an entry
   */
  void put(VaultEntry entry, Sealed sealed);

  /** The entry's metadata, shredded or not. */
  Optional<VaultEntry> entry(DecisionId id);

  /** The sealed contents; empty when there is no entry or it was shredded. */
  Optional<Sealed> sealed(DecisionId id);

  /** Sets or clears the legal hold; false when there is no readable entry to hold. */
  boolean setLegalHold(DecisionId id, boolean held);

  /**
   * Crypto-shreds the entry: destroys its wrapped data key, nonce and ciphertext, keeping the metadata with when and
   * why. In one step with the check, so that a hold placed meanwhile wins.
   *
   * @return false, changing nothing, when there is no entry, it is under legal hold, or it is shredded already
   */
  boolean shred(DecisionId id, Instant at, String reason);

  /** Up to {@code limit} readable entries past their retention at {@code now} and not under legal hold, oldest first. */
  List<DecisionId> expired(Instant now, int limit);

  /** A store in memory, for tests and tools that keep nothing. */
  static VaultStore inMemory() {
    return new InMemoryVaultStore();
  }
}
