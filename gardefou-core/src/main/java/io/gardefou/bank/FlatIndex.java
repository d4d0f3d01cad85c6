package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import java.util.Arrays;

/**
 * PDQ hashes in one array, searched by comparing the query with every hash: the slow, obviously correct
 * reference for {@link MihIndex}, and the right choice for a few thousand hashes (the bank's recent additions).
 */
public final class FlatIndex implements PdqIndex {
  private final PackedHashes hashes;

  private FlatIndex(PackedHashes hashes) {
    this.hashes = hashes;
  }

  /** An index of {@code size} hashes, given as 4 words each (bits192, bits128, bits64, bits0), with their payloads. */
  public static FlatIndex of(long[] words, byte[] payloads, int size) {
    PackedHashes.checkSizes(words, payloads, size);
    return new FlatIndex(new PackedHashes(Arrays.copyOf(words, size * 4), Arrays.copyOf(payloads, size)));
  }

  @Override
  public int size() {
    return hashes.size();
  }

  @Override
  public PdqHash hash(int position) {
    return hashes.hash(position);
  }

  @Override
  public int payload(int position) {
    return hashes.payload(position);
  }

  @Override
  public void search(PdqHash query, int radius, PdqHits hits) {
    scan(hashes.words(), hashes.size(), query, radius, hits);
  }

  /** Adds every one of the first {@code size} hashes in {@code words} within {@code radius} of the query. */
  static void scan(long[] words, int size, PdqHash query, int radius, PdqHits hits) {
    PdqIndex.checkRadius(radius);
    long q0 = query.bits192();
    long q1 = query.bits128();
    long q2 = query.bits64();
    long q3 = query.bits0();
    for (int i = 0, w = 0; i < size; i++, w += 4) {
      int d = Long.bitCount(words[w] ^ q0) + Long.bitCount(words[w + 1] ^ q1)
          + Long.bitCount(words[w + 2] ^ q2) + Long.bitCount(words[w + 3] ^ q3);
      if (d <= radius) {
        hits.add(i, d);
      }
    }
  }

  @Override
  public long bytes() {
    return hashes.bytes();
  }
}
