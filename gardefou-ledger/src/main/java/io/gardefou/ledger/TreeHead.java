package io.gardefou.ledger;

import java.util.Objects;

/** A tree size and the root of the tree of that size, taken together. */
public record TreeHead(long size, Hash root) {
  public TreeHead {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be non-negative, was " + size);
    }
    Objects.requireNonNull(root, "root");
  }
}
