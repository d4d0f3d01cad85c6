package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs for any tree size a {@link LogStore} holds, built from its stored subtree hashes.
 *
 * <p>Each algorithm walks the RFC 9162 recursion from the top without hashing leaves: the subtrees it
 * names are complete ones (one stored read each) except along the right edge of a tree that is not a
 * power of two, where the missing node is folded from the O(log n) complete subtrees that tile it. All
 * reads of one call go to the store as one batch.
 */
public final class MerkleTree {
  private final LogStore store;

  public MerkleTree(LogStore store) {
    this.store = store;
  }

  /** MTH(D[0:treeSize]), RFC 9162 §2.1.1. */
  public Hash root(long treeSize) {
    checkSize(treeSize);
    return treeSize == 0 ? MerkleHashes.emptyRoot() : hashes(List.of(new Range(0, treeSize))).getFirst();
  }

  /** PATH(index, D[0:treeSize]), RFC 9162 §2.1.3.1: the audit path of leaf {@code index}, deepest sibling first. */
  public List<Hash> inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + treeSize);
    }
    List<Range> siblings = new ArrayList<>();
    long lo = 0;
    long hi = treeSize;
    while (hi - lo > 1) {
      long k = Long.highestOneBit(hi - lo - 1); // §2.1.1: k is the largest power of two smaller than n.
      if (index < lo + k) {
        siblings.add(new Range(lo + k, hi)); // m < k: PATH(m, D[0:k]) : MTH(D[k:n])
        hi = lo + k;
      } else {
        siblings.add(new Range(lo, lo + k)); // m >= k: PATH(m - k, D[k:n]) : MTH(D[0:k])
        lo += k;
      }
    }
    return hashes(siblings.reversed()); // The recursion emits the deepest sibling first.
  }

  /**
   * PROOF(oldSize, D[0:newSize]), RFC 9162 §2.1.4.1. Empty when there is nothing to prove: the RFC defines
   * PROOF for 0 < m < n, and every tree is consistent with the empty tree and with itself.
   */
  public List<Hash> consistencyProof(long oldSize, long newSize) {
    checkSize(newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("old size " + oldSize + " is outside [0, " + newSize + "]");
    }
    if (oldSize == 0 || oldSize == newSize) {
      return List.of();
    }
    List<Range> path = new ArrayList<>();
    long m = oldSize; // Leaves of the old tree inside [lo, hi).
    long lo = 0;
    long hi = newSize;
    boolean wholeOldTree = true; // The RFC's flag b: [lo, lo + m) is the whole old tree, whose root the verifier has.
    while (m != hi - lo) {
      long k = Long.highestOneBit(hi - lo - 1); // §2.1.1: k is the largest power of two smaller than n.
      if (m <= k) {
        path.add(new Range(lo + k, hi)); // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
        hi = lo + k;
      } else {
        path.add(new Range(lo, lo + k)); // m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
        lo += k;
        m -= k;
        wholeOldTree = false;
      }
    }
    if (!wholeOldTree) {
      path.add(new Range(lo, hi)); // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b true it is {}.
    }
    return hashes(path.reversed()); // The recursion emits the deepest node first.
  }

  private void checkSize(long treeSize) {
    long stored = store.size();
    if (treeSize < 0 || treeSize > stored) {
      throw new IllegalArgumentException("tree size " + treeSize + " is outside [0, " + stored + "]");
    }
  }

  /** MTH of each range, reading every subtree the ranges need in one batch. */
  private List<Hash> hashes(List<Range> ranges) {
    List<NodeId> ids = new ArrayList<>();
    for (Range range : ranges) {
      ids.addAll(NodeId.cover(range.start(), range.end()));
    }
    List<Hash> stored = store.nodes(ids);
    List<Hash> result = new ArrayList<>(ranges.size());
    int next = 0;
    for (Range range : ranges) {
      int count = Long.bitCount(range.end() - range.start());
      result.add(MerkleHashes.foldRight(stored.subList(next, next + count)));
      next += count;
    }
    return result;
  }

  private record Range(long start, long end) {}
}
