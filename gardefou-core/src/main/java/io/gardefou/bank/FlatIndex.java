package io.gardefou.bank;

import io.gardefou.hash.PdqHash;

/**
 * PDQ hashes in one array, searched by comparing the query with every hash: the slow, obviously correct
 * reference for {@link MihIndex}, and the right choice for a few thousand hashes (the bank's recent additions).
 */
public final class FlatIndex implements PdqIndex {
  private final long[] words; // 4 words a hash: bits192, bits128, bits64, bits0
  private final byte[] payloads;

  private FlatIndex(long[] words, byte[] payloads) {
    this.words = words;
    this.payloads = payloads;
  }

  /** An index of {@code size} hashes, given as 4 words each (bits192, bits128, bits64, bits0), with their payloads. */
  public static FlatIndex of(long[] words, byte[] payloads, int size) {
    checkSizes(words, payloads, size);
    return new FlatIndex(java.util.Arrays.copyOf(words, size * 4), java.util.Arrays.copyOf(payloads, size));
  }

  static void checkSizes(long[] words, byte[] payloads, int size) {
    if (size < 0 || words.length < size * 4L || payloads.length < size) {
      throw new IllegalArgumentException("need 4 words and 1 payload for each of " + size + " hashes, got "
          + words.length + " words and " + payloads.length + " payloads");
    }
  }

  @Override
  public int size() {
    return payloads.length;
  }

  @Override
  public PdqHash hash(int position) {
    int w = position * 4;
    return new PdqHash(words[w], words[w + 1], words[w + 2], words[w + 3]);
  }

  @Override
  public int payload(int position) {
    return payloads[position] & 0xFF;
  }

  @Override
  public void search(PdqHash query, int radius, PdqHits hits) {
    scan(words, payloads.length, query, radius, hits);
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
    return words.length * 8L + payloads.length;
  }
}
