package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recomputes a stored log from its entries alone: every leaf hash (RFC 9162 §2.1.1), every complete
 * subtree the store holds, and the root at a signed checkpoint's size. What an auditor runs on a copy of
 * the data; it trusts nothing stored but the entries and the checkpoint's signature.
 */
public final class LogAudit {
  private static final int ENTRIES_PER_READ = 1024;
  /** Small node reads keep each query short (SQLite caps an expression's depth at 1000). */
  private static final int NODES_PER_READ = 32;

  private LogAudit() {}

  /** The outcome: the size and root recomputed, or the first index at which the store is not what its entries say. */
  public record Report(long size, Hash root, OptionalLong firstBadIndex, Optional<String> problem) {
    public Report {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(firstBadIndex, "firstBadIndex");
      Objects.requireNonNull(problem, "problem");
    }

    public boolean ok() {
      return problem.isEmpty();
    }
  }

  /**
   * Walks all of {@code store}. With a {@code checkpoint} (already verified against its key), the tree of
   * the checkpoint's size must exist and have its root.
   */
  public static Report check(LogStore store, Optional<Checkpoint> checkpoint) {
    long size = store.size();
    long checkpointSize = checkpoint.map(Checkpoint::size).orElse(-1L);
    if (checkpointSize > size) {
      return bad(size, CompactRange.empty(), OptionalLong.of(size),
          "the signed checkpoint covers " + checkpointSize + " entries but the store holds " + size);
    }
    CompactRange range = CompactRange.empty();
    while (range.size() < size) {
      long from = range.size();
      long end = Math.min(size, from + ENTRIES_PER_READ);
      if (from < checkpointSize && end > checkpointSize) {
        end = checkpointSize; // Stop at the checkpoint's size to compare its root.
      }
      List<byte[]> entries;
      try {
        entries = store.entries(from, (int) (end - from));
      } catch (IndexOutOfBoundsException e) {
        return bad(size, range, OptionalLong.of(firstMissing(store, from, end)), e.getMessage());
      }
      List<Hash> leaves = new ArrayList<>(entries.size());
      entries.forEach(entry -> leaves.add(MerkleHashes.leafHash(entry)));
      List<Node> completed = new ArrayList<>(2 * leaves.size());
      CompactRange next = range.append(leaves, completed);
      Optional<Report> mismatch = compareNodes(store, completed, size, range);
      if (mismatch.isPresent()) {
        return mismatch.get();
      }
      range = next;
      if (range.size() == checkpointSize && !range.root().equals(checkpoint.orElseThrow().root())) {
        return bad(size, range, OptionalLong.empty(), "the root of the first " + checkpointSize
            + " entries is " + range.root() + ", not the signed checkpoint's " + checkpoint.orElseThrow().root()
            + " (entries and nodes were rewritten together)");
      }
    }
    return new Report(size, range.root(), OptionalLong.empty(), Optional.empty());
  }

  private static Optional<Report> compareNodes(LogStore store, List<Node> completed, long size, CompactRange range) {
    for (int start = 0; start < completed.size(); start += NODES_PER_READ) {
      List<Node> part = completed.subList(start, Math.min(completed.size(), start + NODES_PER_READ));
      List<Hash> stored;
      try {
        stored = store.nodes(part.stream().map(Node::id).toList());
      } catch (RuntimeException e) {
        stored = null;
      }
      for (int i = 0; i < part.size(); i++) {
        Node node = part.get(i);
        Optional<Hash> hash = stored != null ? Optional.of(stored.get(i)) : storedNode(store, node.id());
        if (hash.isEmpty() || !hash.get().equals(node.hash())) {
          long firstLeaf = node.id().index() << node.id().level();
          String what = node.id().level() == 0
              ? "entry " + firstLeaf + " does not hash to the stored leaf hash"
              : "stored node " + node.id() + " over entries from " + firstLeaf + " differs from the recomputed hash";
          return Optional.of(bad(size, range, OptionalLong.of(firstLeaf), hash.isEmpty() ? "node " + node.id() + " is missing" : what));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Hash> storedNode(LogStore store, NodeId id) {
    try {
      return Optional.of(store.nodes(List.of(id)).getFirst());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long firstMissing(LogStore store, long from, long end) {
    for (long index = from; index < end; index++) {
      try {
        store.entry(index);
      } catch (IndexOutOfBoundsException e) {
        return index;
      }
    }
    return from;
  }

  private static Report bad(long size, CompactRange range, OptionalLong index, String problem) {
    return new Report(size, range.root(), index, Optional.of(problem));
  }
}
