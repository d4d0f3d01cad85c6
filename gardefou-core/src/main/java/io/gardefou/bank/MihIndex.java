package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import java.util.Arrays;

/**
 * PDQ hashes under a multi-index hash (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index
 * hashing", CVPR 2012): the 256 bits are cut into 8 chunks of 32; a hash within radius r of the query has, by
 * pigeonhole, some chunk within floor(r / 8) bits (3 for r = 31) of the query's chunk. Each chunk has a table sorted by
 * its top bits, with a directory on the top 16 to 18 (more for larger banks); a query visits, per chunk, the directory
 * buckets within 3 bits (697 of 16 bits, 988 of 18), checks the next 8 bits in the table's entries, then the whole
 * hash. Chunk 0's table is the hash array itself, sorted by chunk 0, which saves one table. About 62 bytes a hash;
 * layout and figures in docs/design/hash-banks.md.
 */
public final class MihIndex implements PdqIndex {
  /** Entries hold a 24-bit position beside 8 bits of their chunk, so one index holds at most 2^24 hashes. */
  public static final int MAX_SIZE = 1 << 24;

  private static final int CHUNKS = 8;
  private static final int ID_BITS = 24;
  private static final int ID_MASK = (1 << ID_BITS) - 1;
  /** A query checks the top {@code topBits + 8} bits of each chunk: the directory's bits and 8 more in the entries. */
  private static final int MID_BITS = 8;

  private final PackedHashes hashes; // sorted by chunk 0
  private final long[] words; // the hashes' words, read in every pass of a query
  private final int[][] tables; // chunks 1..7: (next 8 bits << 24 | position), sorted by the chunk's top bits
  private final int[][] directories; // per chunk: start of each top-bits bucket, and the end
  private final int topBits;
  private final int keyShift; // the chunk's bits below its top topBits + 8, which only the full check looks at
  private final int[] masks; // topBits-bit masks of at most 3 bits, fewest bits first
  private final int[] masksUpTo; // [k]: how many masks have at most k bits

  private MihIndex(PackedHashes hashes, int[][] tables, int[][] directories, int topBits) {
    this.hashes = hashes;
    this.words = hashes.words();
    this.tables = tables;
    this.directories = directories;
    this.topBits = topBits;
    this.keyShift = 32 - topBits - MID_BITS;
    this.masks = masks(topBits);
    this.masksUpTo = new int[] {1, 1 + topBits, 1 + topBits + topBits * (topBits - 1) / 2, masks.length};
  }

  /**
   * Directory bits for {@code size} hashes: about 32 hashes a bucket, so that a query's probes and its candidates
   * cost about the same, within 16..18 bits so the 8 directories stay under 1 byte a hash.
   */
  static int topBits(int size) {
    return Math.clamp(31 - Integer.numberOfLeadingZeros(Math.max(size, 1)) - 5, 16, 18);
  }

  /** Builds the index of {@code size} hashes, 4 words each (bits192, bits128, bits64, bits0), with their payloads. */
  public static MihIndex build(long[] words, byte[] payloads, int size) {
    return build(words, payloads, size, topBits(size));
  }

  /** As {@link #build(long[], byte[], int)} with the given directory bits, so tests can try each on few hashes. */
  static MihIndex build(long[] words, byte[] payloads, int size, int topBits) {
    PackedHashes.checkSizes(words, payloads, size);
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
    int keyShift = 32 - topBits - MID_BITS;
    int[][] directories = new int[CHUNKS][];
    int[][] tables = new int[CHUNKS][];
    directories[0] = directory(sortedWords, size, 0, topBits);
    long[] keys = new long[size];
    for (int c = 1; c < CHUNKS; c++) {
      for (int i = 0; i < size; i++) {
        keys[i] = ((long) (chunk(sortedWords, i, c) >>> keyShift)) << ID_BITS | i;
      }
      Arrays.parallelSort(keys);
      int[] table = new int[size];
      for (int i = 0; i < size; i++) {
        table[i] = (int) (keys[i] >>> ID_BITS) << 24 | (int) (keys[i] & ID_MASK);
      }
      tables[c] = table;
      directories[c] = directory(sortedWords, size, c, topBits);
    }
    return new MihIndex(new PackedHashes(sortedWords, sortedPayloads), tables, directories, topBits);
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
    PdqIndex.checkRadius(radius);
    if (size() == 0) {
      return;
    }
    long[] q = {query.bits192(), query.bits128(), query.bits64(), query.bits0()};
    int perChunk = radius / CHUNKS; // pigeonhole: CHUNKS * (perChunk + 1) > radius
    for (int c = 0; c < CHUNKS; c++) {
      int found = gather(c, (int) (q[c >> 1] >>> ((c & 1) == 0 ? 32 : 0)), perChunk, hits);
      verify(q, c, found, radius, perChunk, hits);
    }
  }

  /**
   * Puts in the hits' candidate buffer the positions whose top bits of chunk c are within {@code perChunk} of the
   * query's, and returns how many. Buckets with bits to spare are scanned; buckets that already differ by
   * {@code perChunk} need an exact match of the next 8 bits, found by a short walk. Each bucket's first read misses
   * the cache, so all buckets are first touched in one pass, where those misses overlap instead of queueing.
   */
  private int gather(int c, int qc, int perChunk, PdqHits hits) {
    int qTop = qc >>> (32 - topBits);
    int qMid = (qc >>> keyShift) & 0xFF;
    int[] directory = directories[c];
    int[] table = tables[c];
    int exactFrom = perChunk == 0 ? 0 : masksUpTo[perChunk - 1];
    int exactTo = masksUpTo[perChunk];
    int last = size() - 1;
    int touched = 0;
    int[] spans = hits.spans(2 * exactTo); // each bucket's [from, to), read once from the directory
    for (int m = 0; m < exactTo; m++) { // directory slots first: loads that wait on nothing, all in flight at once
      touched += directory[qTop ^ masks[m]];
    }
    for (int m = 0; m < exactTo; m++) {
      int bucket = qTop ^ masks[m];
      int from = directory[bucket];
      int to = directory[bucket + 1];
      spans[2 * m] = from;
      spans[2 * m + 1] = to;
      int i = Math.min(m < exactFrom ? from : interpolate(from, to, qMid), last);
      int j = Math.min(m < exactFrom ? Math.max(to - 1, 0) : i, last);
      touched += table == null ? (int) words[i * 4] + (int) words[j * 4] : table[i] + table[j];
    }
    hits.touched = touched;
    int n = 0;
    for (int m = 0; m < exactFrom; m++) {
      int budget = perChunk - Integer.bitCount(masks[m]);
      int from = spans[2 * m];
      int to = spans[2 * m + 1];
      int[] candidates = hits.candidates(n + to - from);
      if (table == null) {
        for (int i = from; i < to; i++) {
          candidates[n] = i;
          n += Integer.bitCount(mid(words[i * 4]) ^ qMid) <= budget ? 1 : 0;
        }
      } else {
        for (int i = from; i < to; i++) {
          int entry = table[i];
          candidates[n] = entry & ID_MASK;
          n += Integer.bitCount((entry >>> 24) ^ qMid) <= budget ? 1 : 0;
        }
      }
    }
    for (int m = exactFrom; m < exactTo; m++) {
      int from = spans[2 * m];
      int to = spans[2 * m + 1];
      int[] candidates = hits.candidates(n + to - from);
      for (int i = lowerBound(c, from, to, qMid); i < to && mid(c, i) == qMid; i++) {
        candidates[n++] = id(c, i);
      }
    }
    return n;
  }

  /**
   * Adds the candidates within the radius that no earlier chunk found: an earlier chunk c' finds every hash whose
   * top bits of c' are within {@code perChunk} of the query's, so each hit is reported exactly once. The first
   * two words, one cache line, rule out almost every candidate.
   */
  private void verify(long[] q, int chunk, int found, int radius, int perChunk, PdqHits hits) {
    int[] candidates = hits.candidates(found);
    for (int k = 0; k < found; k++) {
      int id = candidates[k];
      int w = id * 4;
      int d = Long.bitCount(words[w] ^ q[0]) + Long.bitCount(words[w + 1] ^ q[1]);
      if (d > radius) {
        continue;
      }
      d += Long.bitCount(words[w + 2] ^ q[2]) + Long.bitCount(words[w + 3] ^ q[3]);
      if (d <= radius && firstChunkWithin(q, w, perChunk) == chunk) {
        hits.add(id, d);
      }
    }
  }

  /** The first chunk whose top bits, as a query checks them, are within {@code perChunk} of the query's. */
  private int firstChunkWithin(long[] q, int w, int perChunk) {
    for (int c = 0; c < CHUNKS; c++) {
      int shift = (c & 1) == 0 ? 32 : 0;
      int x = (int) (words[w + (c >> 1)] >>> shift);
      int y = (int) (q[c >> 1] >>> shift);
      if (Integer.bitCount((x ^ y) >>> keyShift) <= perChunk) {
        return c;
      }
    }
    return CHUNKS;
  }

  /**
   * The first slot in [from, to) whose next 8 bits are at least {@code mid}. Those bits are close to uniform within a
   * bucket, so the search starts where a uniform spread would put them and walks: about one cache line, where a binary
   * search would miss the cache at every step.
   */
  private int lowerBound(int c, int from, int to, int mid) {
    int i = interpolate(from, to, mid);
    while (i > from && mid(c, i - 1) >= mid) {
      i--;
    }
    while (i < to && mid(c, i) < mid) {
      i++;
    }
    return i;
  }

  /** Where the next 8 bits {@code mid} would start in [from, to) if they were spread evenly. */
  private static int interpolate(int from, int to, int mid) {
    return from + (int) ((long) (to - from) * mid >>> MID_BITS);
  }

  /** The 8 bits under the top bits of chunk c for slot i of its table. */
  private int mid(int c, int i) {
    return c == 0 ? mid(words[i * 4]) : tables[c][i] >>> 24;
  }

  /** The 8 bits under the top bits of chunk 0, from the hash's first word. */
  private int mid(long firstWord) {
    return (int) (firstWord >>> (32 + keyShift)) & 0xFF;
  }

  private int id(int c, int i) {
    return c == 0 ? i : tables[c][i] & ID_MASK;
  }

  @Override
  public long bytes() {
    long bytes = hashes.bytes();
    for (int c = 0; c < CHUNKS; c++) {
      bytes += directories[c].length * 4L + (tables[c] == null ? 0 : tables[c].length * 4L);
    }
    return bytes;
  }

  /** Chunk c (0 = the top 32 bits of bits192 … 7 = the low 32 bits of bits0) of hash i. */
  private static int chunk(long[] words, int i, int c) {
    return (int) (words[i * 4 + (c >> 1)] >>> ((c & 1) == 0 ? 32 : 0));
  }

  private static int[] directory(long[] sortedWords, int size, int c, int topBits) {
    int buckets = 1 << topBits;
    int[] directory = new int[buckets + 1];
    for (int i = 0; i < size; i++) {
      directory[(chunk(sortedWords, i, c) >>> (32 - topBits)) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      directory[b + 1] += directory[b];
    }
    return directory;
  }

  private static int[] masks(int topBits) {
    int[] masks = new int[1 + topBits + topBits * (topBits - 1) / 2 + topBits * (topBits - 1) * (topBits - 2) / 6];
    int n = 0;
    for (int bits = 0; bits <= 3; bits++) {
      for (int mask = 0; mask < 1 << topBits; mask++) {
        if (Integer.bitCount(mask) == bits) {
          masks[n++] = mask;
        }
      }
    }
    return masks;
  }
}
