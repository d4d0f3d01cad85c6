package io.gardefou.bank;

import io.gardefou.hash.PdqHash;

/**
 * An immutable set of PDQ hashes, each with a small payload (a bank's ordinal), searchable by Hamming radius.
 * Positions are the index's own order, 0..size-1.
 */
public sealed interface PdqIndex permits MihIndex, FlatIndex {
  /** The largest radius a query may ask: 31 (ThreatExchange pdq/README.md), as {@link MihIndex} is built for. */
  int MAX_RADIUS = PdqHash.MATCH_DISTANCE;

  int size();

  PdqHash hash(int position);

  int payload(int position);

  /** Adds to {@code hits} every position whose hash is within {@code radius} (0..31) bits of {@code query}. */
  void search(PdqHash query, int radius, PdqHits hits);

  /** Bytes held by the hashes, payloads and any index structure, computed from the array lengths. */
  long bytes();

  static void checkRadius(int radius) {
    if (radius < 0 || radius > MAX_RADIUS) {
      throw new IllegalArgumentException("a PDQ search radius is 0.." + MAX_RADIUS + ", got " + radius);
    }
  }
}
