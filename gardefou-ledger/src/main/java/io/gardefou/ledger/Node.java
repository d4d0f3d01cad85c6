package io.gardefou.ledger;

import java.util.Objects;

/** A complete subtree's hash at its address, as written to a {@link LogStore}. */
public record Node(NodeId id, Hash hash) {
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
  }
}
