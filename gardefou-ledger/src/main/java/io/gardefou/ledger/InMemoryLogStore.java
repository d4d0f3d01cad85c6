package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link LogStore} in the heap, for tests, benchmarks and single-process use; up to 2^31 - 1 entries.
 *
 * <p>Each level's hashes sit back to back in 2 MiB chunks (64 bytes per entry over all levels), so a
 * million entries cost about 64 MiB of hashes and no per-node objects.
 */
public final class InMemoryLogStore implements LogStore {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** Held across a whole integration, so that several ledgers over this store take turns. */
  private final ReentrantLock writer = new ReentrantLock();
  private final List<List<byte[]>> levels = new ArrayList<>();
  private final List<byte[]> entries = new ArrayList<>();
  private long size;

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Hash> nodes(List<NodeId> ids) {
    lock.readLock().lock();
    try {
      List<Hash> hashes = new ArrayList<>(ids.size());
      for (NodeId id : ids) {
        if (id.endLeaf() > size) {
          throw new IllegalArgumentException(id + " is not complete at size " + size);
        }
        byte[] chunk = levels.get(id.level()).get((int) (id.index() >>> CHUNK_BITS));
        byte[] bytes = new byte[Hash.SIZE];
        System.arraycopy(chunk, offset(id.index()), bytes, 0, Hash.SIZE);
        hashes.add(Hash.wrap(bytes));
      }
      return hashes;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public byte[] entry(long index) {
    lock.readLock().lock();
    try {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("entry " + index + " is outside the log of size " + size);
      }
      return entries.get((int) index).clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One writer at a time; an integration that throws has appended nothing, as its one append is atomic. */
  @Override
  public <T> T exclusively(Supplier<T> integration) {
    writer.lock();
    try {
      return integration.get();
    } finally {
      writer.unlock();
    }
  }

  @Override
  public void append(long fromSize, List<byte[]> newEntries, List<Node> completed) {
    lock.writeLock().lock();
    try {
      if (fromSize != size) {
        throw new IllegalStateException("append from size " + fromSize + " but the store holds " + size);
      }
      if (size + newEntries.size() > Integer.MAX_VALUE) {
        throw new IllegalStateException("the in-memory store holds at most " + Integer.MAX_VALUE + " entries");
      }
      for (byte[] entry : newEntries) {
        entries.add(entry.clone());
      }
      for (Node node : completed) {
        put(node);
      }
      size += newEntries.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void put(Node node) {
    int level = node.id().level();
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> chunks = levels.get(level);
    int chunkIndex = (int) (node.id().index() >>> CHUNK_BITS);
    while (chunks.size() <= chunkIndex) {
      chunks.add(new byte[0]);
    }
    byte[] chunk = chunks.get(chunkIndex);
    int offset = offset(node.id().index());
    if (offset + Hash.SIZE > chunk.length) {
      // Chunks grow by doubling: upper levels hold n/2^level nodes and should not cost a full 2 MiB.
      int capacity = Math.min(CHUNK_HASHES * Hash.SIZE, Math.max(2 * chunk.length, offset + Hash.SIZE));
      chunk = Arrays.copyOf(chunk, capacity);
      chunks.set(chunkIndex, chunk);
    }
    node.hash().copyTo(chunk, offset);
  }

  private static int offset(long index) {
    return (int) (index & (CHUNK_HASHES - 1)) * Hash.SIZE;
  }
}
