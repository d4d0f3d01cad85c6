package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The address of a complete (perfect) subtree: {@code level} 0 is a leaf, and the node at
 * ({@code level}, {@code index}) covers leaves [index·2^level, (index+1)·2^level).
 */
public record NodeId(int level, long index) {
  public NodeId {
    if (level < 0 || level > 62) {
      throw new IllegalArgumentException("level must be in [0, 62], was " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index must be non-negative, was " + index);
    }
  }

  /** One past the last leaf this node covers. */
  public long endLeaf() {
    return (index + 1) << level;
  }

  /**
   * The complete subtrees that tile leaves [start, end), largest first. {@code start} must be a multiple
   * of the largest power of two not above {@code end - start}, which holds for every range the RFC 9162
   * §2.1.1 split produces (it only ever cuts at k, a power of two, from an aligned start).
   */
  static List<NodeId> cover(long start, long end) {
    long width = end - start;
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(width));
    long next = start;
    for (int level = 63 - Long.numberOfLeadingZeros(width); level >= 0; level--) {
      if ((width & (1L << level)) != 0) {
        nodes.add(new NodeId(level, next >>> level));
        next += 1L << level;
      }
    }
    return nodes;
  }
}
