package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The right edge of a Merkle tree of {@code size} leaves: the hashes of the complete subtrees that tile
 * [0, size), largest first, one per set bit of size. That is all an append or a root needs, so both take
 * O(log n) hashes however big the tree is. Immutable: an append returns a new range.
 */
public final class CompactRange {
  private static final CompactRange EMPTY = new CompactRange(0, List.of());

  private final long size;
  private final List<Hash> peaks;

  private CompactRange(long size, List<Hash> peaks) {
    this.size = size;
    this.peaks = peaks;
  }

  /** The range of the empty tree. */
  public static CompactRange empty() {
    return EMPTY;
  }

  /** The range of the first {@code size} leaves in {@code store}, read from its stored subtrees. */
  public static CompactRange load(LogStore store, long size) {
    if (size < 0 || size > store.size()) {
      throw new IllegalArgumentException("size " + size + " is outside [0, " + store.size() + "]");
    }
    return size == 0 ? EMPTY : new CompactRange(size, List.copyOf(store.nodes(NodeId.cover(0, size))));
  }

  /** The number of leaves covered. */
  public long size() {
    return size;
  }

  /**
   * The tree's root, RFC 9162 §2.1.1: with k the largest power of two below n, the left subtree D[0:k]
   * is the first peak and D[k:n] is, recursively, the rest; so the root folds the peaks from the right.
   */
  public Hash root() {
    return peaks.isEmpty() ? MerkleHashes.emptyRoot() : MerkleHashes.foldRight(peaks);
  }

  /**
   * The range after appending {@code leafHashes}; every subtree they complete, the leaves themselves
   * included, is added to {@code completed} so the caller can store it.
   */
  public CompactRange append(List<Hash> leafHashes, List<Node> completed) {
    List<Hash> next = new ArrayList<>(peaks.size() + 1);
    next.addAll(peaks);
    long n = size;
    for (Hash leaf : leafHashes) {
      completed.add(new Node(new NodeId(0, n), leaf));
      next.add(leaf);
      n++;
      // Each trailing zero bit of the new size closes one subtree: merge the two rightmost peaks.
      for (int level = 1; level <= Long.numberOfTrailingZeros(n); level++) {
        Hash right = next.removeLast();
        Hash left = next.removeLast();
        Hash parent = MerkleHashes.nodeHash(left, right);
        next.add(parent);
        completed.add(new Node(new NodeId(level, (n >>> level) - 1), parent));
      }
    }
    return new CompactRange(n, Collections.unmodifiableList(next));
  }
}
