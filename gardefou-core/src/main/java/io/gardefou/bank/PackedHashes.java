package io.gardefou.bank;

import io.gardefou.hash.PdqHash;

/**
 * PDQ hashes packed 4 words each (bits192, bits128, bits64, bits0) beside one payload byte each (a bank's ordinal):
 * the storage both indexes share, {@link FlatIndex} in insertion order and {@link MihIndex} sorted by chunk 0.
 */
record PackedHashes(long[] words, byte[] payloads) {
  /** Throws unless {@code words} and {@code payloads} hold at least {@code size} hashes. */
  static void checkSizes(long[] words, byte[] payloads, int size) {
    if (size < 0 || words.length < size * 4L || payloads.length < size) {
      throw new IllegalArgumentException("need 4 words and 1 payload for each of " + size + " hashes, got "
          + words.length + " words and " + payloads.length + " payloads");
    }
  }

  int size() {
    return payloads.length;
  }

  PdqHash hash(int position) {
    int w = position * 4;
    return new PdqHash(words[w], words[w + 1], words[w + 2], words[w + 3]);
  }

  int payload(int position) {
    return payloads[position] & 0xFF;
  }

  /** The bytes of both arrays, from their lengths. */
  long bytes() {
    return words.length * 8L + payloads.length;
  }
}
