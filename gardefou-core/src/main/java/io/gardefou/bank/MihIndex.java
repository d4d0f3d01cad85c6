package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import java.util.Arrays;

/**
 * PDQ hashes under a multi-index hash (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index
 * hashing", CVPR 2012): the 256 bits are cut into 8 chunks of 32; a hash within radius r of the query has, by
 * pigeonhole, some chunk within floor(r / 8) bits (3 for r = 31) of the query's chunk. Each chunk has a table sorted by
 * its top 24 bits, with a directory on the top 16; a query visits, per chunk, the 697 directory buckets within 3 bits
 * and checks the next 8 bits in the table's entries, then the whole hash. Chunk 0's table is the hash array itself,
 * sorted by chunk 0, which saves one table. About 61 bytes a hash; layout and figures in docs/design/hash-banks.md.
 */
public final class MihIndex implements PdqIndex {
  /** Entries hold a 24-bit position beside 8 bits of their chunk, so one index holds at most 2^24 hashes. */
  public static final int MAX_SIZE = 1 << 24;

  private static final int CHUNKS = 8;
  private static final int ID_BITS = 24;
  private static final int ID_MASK = (1 << ID_BITS) - 1;
  private static final int BUCKETS = 1 << 16;
  /** The 16-bit masks of at most 3 bits, fewest bits first; {@link #MASKS_UP_TO}[k] of them have at most k. */
  private static final int[] MASKS = masks();
  private static final int[] MASKS_UP_TO = {1, 17, 137, 697};

  private final long[] words; // 4 a hash (bits192, bits128, bits64, bits0), sorted by chunk 0
  private final byte[] payloads;
  private final int[][] tables; // chunks 1..7: (next 8 bits << 24 | position), sorted by the chunk's top 24 bits
  private final int[][] directories; // per chunk: start of each top-16-bit bucket, and the end

  private MihIndex(long[] words, byte[] payloads, int[][] tables, int[][] directories) {
    this.words = words;
    this.payloads = payloads;
    this.tables = tables;
    this.directories = directories;
  }

  /** Builds the index of {@code size} hashes, 4 words each (bits192, bits128, bits64, bits0), with their payloads. */
  public static MihIndex build(long[] words, byte[] payloads, int size) {
    FlatIndex.checkSizes(words, payloads, size);
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException("one MIH index holds at most " + MAX_SIZE + " hashes, got " + size);
    }
    long[] order = new long[size];
    for (int i = 0; i < size; i++) {
      order[i] = (chunk(words, i, 0) & 0xFFFFFFFFL) << ID_BITS | i;
    }
    Arrays.parallelSort(order);
    long[] sortedWords = new long[size * 4];
    byte[] sortedPayloads = new byte[size];
    for (int i = 0; i < size; i++) {
      int from = (int) (order[i] & ID_MASK);
      System.arraycopy(words, from * 4, sortedWords, i * 4, 4);
      sortedPayloads[i] = payloads[from];
    }
    order = null; // chunk tables below reuse the memory
    int[][] directories = new int[CHUNKS][];
    int[][] tables = new int[CHUNKS][];
    directories[0] = directory(sortedWords, size, 0);
    long[] keys = new long[size];
    for (int c = 1; c < CHUNKS; c++) {
      for (int i = 0; i < size; i++) {
        keys[i] = ((long) (chunk(sortedWords, i, c) >>> 8)) << ID_BITS | i;
      }
      Arrays.parallelSort(keys);
      int[] table = new int[size];
      for (int i = 0; i < size; i++) {
        table[i] = (int) (keys[i] >>> ID_BITS) << 24 | (int) (keys[i] & ID_MASK);
      }
      tables[c] = table;
      directories[c] = directory(sortedWords, size, c);
    }
    return new MihIndex(sortedWords, sortedPayloads, tables, directories);
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
    PdqIndex.checkRadius(radius);
    long[] q = {query.bits192(), query.bits128(), query.bits64(), query.bits0()};
    int perChunk = radius / CHUNKS; // pigeonhole: CHUNKS * (perChunk + 1) > radius
    for (int c = 0; c < CHUNKS; c++) {
      int qc = (int) (q[c >> 1] >>> ((c & 1) == 0 ? 32 : 0));
      int qTop = qc >>> 16;
      int qMid = (qc >>> 8) & 0xFF;
      int[] directory = directories[c];
      for (int m = 0; m < MASKS_UP_TO[perChunk]; m++) {
        int mask = MASKS[m];
        int budget = perChunk - Integer.bitCount(mask);
        int bucket = qTop ^ mask;
        int from = directory[bucket];
        int to = directory[bucket + 1];
        if (budget == 0) {
          for (int i = lowerBound(c, from, to, qMid); i < to && mid(c, i) == qMid; i++) {
            verify(q, c, id(c, i), radius, perChunk, hits);
          }
        } else {
          for (int i = from; i < to; i++) {
            if (Integer.bitCount(mid(c, i) ^ qMid) <= budget) {
              verify(q, c, id(c, i), radius, perChunk, hits);
            }
          }
        }
      }
    }
  }

  /**
   * Adds the candidate when it is within the radius and no earlier chunk found it: an earlier chunk c' finds every
   * hash whose top 24 bits of c' are within {@code perChunk} of the query's, so each hit is reported exactly once.
   */
  private void verify(long[] q, int chunk, int id, int radius, int perChunk, PdqHits hits) {
    int w = id * 4;
    int d = Long.bitCount(words[w] ^ q[0]) + Long.bitCount(words[w + 1] ^ q[1])
        + Long.bitCount(words[w + 2] ^ q[2]) + Long.bitCount(words[w + 3] ^ q[3]);
    if (d > radius) {
      return;
    }
    for (int c = 0; c < chunk; c++) {
      int shift = (c & 1) == 0 ? 32 : 0;
      int x = (int) (words[w + (c >> 1)] >>> shift);
      int y = (int) (q[c >> 1] >>> shift);
      if (Integer.bitCount((x ^ y) >>> 8) <= perChunk) {
        return;
      }
    }
    hits.add(id, d);
  }

  /**
   * The first slot in [from, to) whose next 8 bits are at least {@code mid}. Those bits are close to uniform within a
   * bucket, so the search starts where a uniform spread would put them and walks: about one cache line, where a binary
   * search would miss the cache at every step.
   */
  private int lowerBound(int c, int from, int to, int mid) {
    int i = from + (int) ((long) (to - from) * mid >>> 8);
    while (i > from && mid(c, i - 1) >= mid) {
      i--;
    }
    while (i < to && mid(c, i) < mid) {
      i++;
    }
    return i;
  }

  /** Bits 8..15 of chunk c (its "next 8 bits") for slot i of its table. */
  private int mid(int c, int i) {
    return c == 0 ? (int) (words[i * 4] >>> 40) & 0xFF : tables[c][i] >>> 24;
  }

  private int id(int c, int i) {
    return c == 0 ? i : tables[c][i] & ID_MASK;
  }

  @Override
  public long bytes() {
    long bytes = words.length * 8L + payloads.length;
    for (int c = 0; c < CHUNKS; c++) {
      bytes += directories[c].length * 4L + (tables[c] == null ? 0 : tables[c].length * 4L);
    }
    return bytes;
  }

  /** Chunk c (0 = the top 32 bits of bits192 … 7 = the low 32 bits of bits0) of hash i. */
  private static int chunk(long[] words, int i, int c) {
    return (int) (words[i * 4 + (c >> 1)] >>> ((c & 1) == 0 ? 32 : 0));
  }

  private static int[] directory(long[] sortedWords, int size, int c) {
    int[] directory = new int[BUCKETS + 1];
    for (int i = 0; i < size; i++) {
      directory[(chunk(sortedWords, i, c) >>> 16) + 1]++;
    }
    for (int b = 0; b < BUCKETS; b++) {
      directory[b + 1] += directory[b];
    }
    return directory;
  }

  private static int[] masks() {
    int[] masks = new int[697];
    int n = 0;
    for (int bits = 0; bits <= 3; bits++) {
      for (int mask = 0; mask < BUCKETS; mask++) {
        if (Integer.bitCount(mask) == bits) {
          masks[n++] = mask;
        }
      }
    }
    return masks;
  }
}
