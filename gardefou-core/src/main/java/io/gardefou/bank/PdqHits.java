package io.gardefou.bank;

import java.util.Arrays;

/** Positions in a PDQ index with their distances to the query, as the index found them (unordered). */
public final class PdqHits {
  private int[] positions = new int[8];
  private int[] distances = new int[8];
  private int size;
  private int[] candidates = new int[0]; // an index's scratch space, reused from query to query
  private int[] spans = new int[0];
  /** What an index read to bring memory into the cache ahead of use; kept so the reads are not optimised away. */
  int touched;

  /** The candidate buffer, with room for at least {@code capacity} positions; its contents survive growing. */
  int[] candidates(int capacity) {
    if (capacity > candidates.length) {
      candidates = Arrays.copyOf(candidates, Math.max(capacity, candidates.length * 2));
    }
    return candidates;
  }

  /** A second scratch buffer, with room for at least {@code capacity} ints; its contents do not survive growing. */
  int[] spans(int capacity) {
    if (capacity > spans.length) {
      spans = new int[capacity];
    }
    return spans;
  }

  void add(int position, int distance) {
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      distances = Arrays.copyOf(distances, size * 2);
    }
    positions[size] = position;
    distances[size] = distance;
    size++;
  }

  /** Empties the hits, to search again with the same buffer. */
  public void clear() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public int position(int i) {
    return positions[i];
  }

  public int distance(int i) {
    return distances[i];
  }
}
