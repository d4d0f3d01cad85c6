package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A verifiable append-only log of opaque byte entries: RFC 9162 Merkle tree, inclusion and consistency
 * proofs, and Ed25519-signed C2SP checkpoints. Thread-safe; built by {@link #builder()}.
 */
public final class Ledger {
  private final String origin;
  private final NoteSigner signer;
  private final LogStore store;
  private final MerkleTree tree;
  /*
   * One lock around integration (extend the compact range, write the store, publish the head), because
   * the next append must start from the range this one left: two at once would both claim the same
   * indices. Across processes the store's own writer lock does the same (LogStore.exclusively), and the
   * range is re-read from the store when another writer moved it. Leaf hashing happens before the locks;
   * readers never take them, they read the published head, whose nodes the store already holds.
   */
  private final ReentrantLock integration = new ReentrantLock();
  private CompactRange range;
  private volatile TreeHead head;

  private Ledger(Builder builder) {
    this.origin = builder.origin;
    this.signer = builder.signer;
    this.store = builder.store;
    this.tree = new MerkleTree(store);
    this.range = CompactRange.load(store, store.size());
    this.head = new TreeHead(range.size(), range.root());
  }

  /** Starts configuring a ledger; {@link Builder#build()} checks every setting. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Appends {@code entries} as one batch; they get consecutive indices in list order. Other ledgers may share
   * the store (gateway nodes on one database): the batch goes where the store's log ends when this one holds
   * its writer lock, not where this process last saw it end.
   */
  public Appended append(List<byte[]> entries) {
    List<byte[]> batch = List.copyOf(entries);
    List<Hash> leafHashes = new ArrayList<>(batch.size());
    for (byte[] entry : batch) {
      leafHashes.add(MerkleHashes.leafHash(entry));
    }
    if (batch.isEmpty()) {
      return new Appended(head.size(), 0);
    }
    integration.lock();
    try {
      Integrated done = store.exclusively(() -> {
        CompactRange current = caughtUp(range);
        List<Node> completed = new ArrayList<>(2 * batch.size());
        CompactRange next = current.append(leafHashes, completed);
        store.append(current.size(), batch, completed);
        return new Integrated(current.size(), next);
      });
      // Published only now, after the store committed: if it refused, range and head stay as they were.
      publish(done.range());
      return new Appended(done.first(), batch.size());
    } finally {
      integration.unlock();
    }
  }

  /**
   * Catches up with entries other writers appended to the store since this ledger last looked, so that
   * {@link #head()} and checkpoints show them; a no-op for a store this ledger alone writes.
   */
  public TreeHead refresh() {
    TreeHead current = head;
    if (store.size() == current.size()) {
      return current; // The common case, one size read and no lock: nobody else appended.
    }
    integration.lock();
    try {
      publish(caughtUp(range));
      return head;
    } finally {
      integration.unlock();
    }
  }

  private record Integrated(long first, CompactRange range) {}

  /** {@code known}, or the range the store holds now if another writer moved it: O(log n) node reads. */
  private CompactRange caughtUp(CompactRange known) {
    long stored = store.size();
    if (stored == known.size()) {
      return known;
    }
    if (stored < known.size()) {
      throw new IllegalStateException("the ledger store shrank from " + known.size() + " to " + stored + " entries");
    }
    return CompactRange.load(store, stored);
  }

  private void publish(CompactRange next) {
    if (next.size() != range.size()) {
      range = next;
      head = new TreeHead(next.size(), next.root());
    }
  }

  /** Appends one entry and returns its index. */
  public long append(byte[] entry) {
    return append(List.of(entry)).first();
  }

  /** The current size and root, read together. */
  public TreeHead head() {
    return head;
  }

  /** The root of the tree as it was at {@code treeSize}, up to the current size. */
  public Hash root(long treeSize) {
    checkTreeSize(treeSize);
    return tree.root(treeSize);
  }

  /** The current head as a signed C2SP checkpoint note. */
  public String checkpoint() {
    TreeHead current = head;
    return Checkpoint.of(origin, current.size(), current.root()).sign(signer);
  }

  /** RFC 9162 §2.1.3 inclusion proof of entry {@code index} in the tree of size {@code treeSize}. */
  public List<Hash> inclusionProof(long index, long treeSize) {
    checkTreeSize(treeSize);
    return tree.inclusionProof(index, treeSize);
  }

  /** RFC 9162 §2.1.4 consistency proof from the tree of size {@code oldSize} to that of {@code newSize}. */
  public List<Hash> consistencyProof(long oldSize, long newSize) {
    checkTreeSize(newSize);
    return tree.consistencyProof(oldSize, newSize);
  }

  /** A copy of the entry at {@code index}. */
  public byte[] entry(long index) {
    long size = head.size();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("entry " + index + " is outside the log of size " + size);
    }
    return store.entry(index);
  }

  /** The log's identity, the first line of its checkpoints and its key name. */
  public String origin() {
    return origin;
  }

  /** The key that verifies this ledger's checkpoints; give {@link NoteVerifier#verifierKey()} to auditors. */
  public NoteVerifier verifier() {
    return signer.verifier();
  }

  private void checkTreeSize(long treeSize) {
    long size = head.size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("tree size " + treeSize + " is outside [0, " + size + "]");
    }
  }

  /** The ledger's settings: origin and signer are required, the store defaults to memory. */
  public static final class Builder {
    private String origin;
    private NoteSigner signer;
    private LogStore store = new InMemoryLogStore();

    private Builder() {}

    /** The log's identity, e.g. {@code gardefou.example/ledger}; also the signing key's name. */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /** The key that signs checkpoints; its name must equal the origin. */
    public Builder signer(NoteSigner signer) {
      this.signer = signer;
      return this;
    }

    /** Where entries and subtree hashes live; an existing store is resumed at its size. */
    public Builder store(LogStore store) {
      this.store = store;
      return this;
    }

    /** The ledger, once every setting is checked; a failure names the setting. */
    public Ledger build() {
      try {
        NoteKeys.checkKeyName(origin);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ledger origin: " + e.getMessage(), e);
      }
      Objects.requireNonNull(signer, "ledger signer: required");
      Objects.requireNonNull(store, "ledger store: required");
      if (!signer.name().equals(origin)) {
        // tlog-checkpoint: "The log's key name in its signature line SHOULD match the origin line."
        throw new IllegalArgumentException(
            "ledger signer: key name '" + signer.name() + "' must equal the origin '" + origin + "'");
      }
      return new Ledger(this);
    }
  }
}
