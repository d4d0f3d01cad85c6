package io.gardefou.ledger;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a {@link Ledger} keeps its entries and the hash of every complete subtree.
 *
 * <p>Every node is written once, when its subtree completes, and never changes: a proof then reads
 * O(log n) stored nodes instead of rehashing leaves. Implementations must let readers run while one
 * writer appends, and must make a {@link #append} visible all at once or not at all.
 */
public interface LogStore {
  /** The number of entries integrated so far. */
  long size();

  /** The stored hashes of {@code ids}, in the same order; each must be complete at {@link #size()}. */
  List<Hash> nodes(List<NodeId> ids);

  /** A copy of the entry at {@code index}, which must be below {@link #size()}. */
  byte[] entry(long index);

  /**
   * Copies of the {@code count} entries from {@code from}, for readers that walk the whole log (an audit);
   * stores with a cheaper range read override it.
   *
   * @throws IndexOutOfBoundsException naming the first index the store does not hold
   */
  default List<byte[]> entries(long from, int count) {
    List<byte[]> entries = new java.util.ArrayList<>(count);
    for (long index = from; index < from + count; index++) {
      entries.add(entry(index));
    }
    return entries;
  }

  /**
   * Atomically adds {@code entries} at indices {@code fromSize, fromSize+1, …} together with the
   * subtree hashes they complete (leaf hashes included), then sets the size.
   *
   * @throws IllegalStateException if the size is no longer {@code fromSize} (another writer won)
   */
  void append(long fromSize, List<byte[]> entries, List<Node> completed);

  /**
   * Runs {@code integration} as this store's only writer, across every process that shares the store, and
   * commits what it appended at once. Inside it {@link #size()} is the size no other writer can move, so an
   * integrator that reads it there never appends from a stale view. If it throws, nothing it appended stays.
   * The default suits a store that one {@link Ledger} alone writes.
   */
  default <T> T exclusively(Supplier<T> integration) {
    return integration.get();
  }
}
