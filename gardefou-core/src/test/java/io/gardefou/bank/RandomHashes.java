package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import java.util.SplittableRandom;

/** Random PDQ hashes and hashes a chosen number of bits away, from a seeded generator. */
final class RandomHashes {
  private final SplittableRandom random;

  RandomHashes(long seed) {
    random = new SplittableRandom(seed);
  }

  PdqHash next() {
    return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  /** The hash with {@code bits} distinct bits flipped. */
  PdqHash flip(PdqHash hash, int bits) {
    long[] w = {hash.bits192(), hash.bits128(), hash.bits64(), hash.bits0()};
    java.util.BitSet flipped = new java.util.BitSet(256);
    while (flipped.cardinality() < bits) {
      int bit = random.nextInt(256);
      if (!flipped.get(bit)) {
        flipped.set(bit);
        w[bit >> 6] ^= 1L << (bit & 63);
      }
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  /** The hash with {@code inChunk} distinct bits flipped, all in one 32-bit chunk (0 = the top 32 bits). */
  PdqHash flipConcentrated(PdqHash hash, int inChunk, int chunk) {
    long[] w = {hash.bits192(), hash.bits128(), hash.bits64(), hash.bits0()};
    int base = chunk * 32;
    java.util.BitSet flipped = new java.util.BitSet(32);
    while (flipped.cardinality() < inChunk) {
      int bit = random.nextInt(32);
      if (!flipped.get(bit)) {
        flipped.set(bit);
        int global = base + (31 - bit); // counted from the top of bits192, as chunks are cut
        w[global >> 6] ^= 1L << (63 - (global & 63));
      }
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  static void put(long[] words, int i, PdqHash hash) {
    words[i * 4] = hash.bits192();
    words[i * 4 + 1] = hash.bits128();
    words[i * 4 + 2] = hash.bits64();
    words[i * 4 + 3] = hash.bits0();
  }
}
