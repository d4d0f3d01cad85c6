package io.gardefou.gateway;

import io.gardefou.hash.PdqHash;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * An {@link OutputRegistry} in memory that keeps the latest {@code capacity} outputs, for tests and for a server
 * whose hash banks are not wired: bounded, so that a long-running gateway does not grow without end.
 */
public final class RecentOutputs implements OutputRegistry {
  private final int capacity;
  private final Deque<Provenance> outputs = new ArrayDeque<>();

  public RecentOutputs(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void register(Provenance provenance) {
    if (outputs.size() == capacity) {
      outputs.removeFirst();
    }
    outputs.addLast(provenance);
  }

  /** Every output kept, oldest first. */
  public synchronized List<Provenance> registered() {
    return List.copyOf(outputs);
  }

  /** The outputs whose PDQ hash is within the match distance of {@code hash}: "was this made here?". */
  public synchronized List<Provenance> matching(PdqHash hash) {
    return outputs.stream().filter(output -> output.pdq().hash().distance(hash) <= PdqHash.MATCH_DISTANCE).toList();
  }
}
