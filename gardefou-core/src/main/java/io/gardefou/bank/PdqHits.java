package io.gardefou.bank;

import java.util.Arrays;

/** Positions in a PDQ index with their distances to the query, as the index found them (unordered). */
public final class PdqHits {
  private int[] positions = new int[8];
  private int[] distances = new int[8];
  private int size;

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
