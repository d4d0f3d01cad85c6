package io.gardefou.bench;

import io.gardefou.bank.FlatIndex;
import io.gardefou.bank.MihIndex;
import io.gardefou.bank.PdqHits;
import io.gardefou.hash.PdqHash;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A PDQ bank query at radius 31 against 1 M and 10 M random hashes: the multi-index hash vs the flat popcount scan,
 * in one run. Queries cycle through 4096 made in setup: half a stored hash with 0..31 bits flipped (a match), half
 * random (no match, the common case). Sample mode, so p50/p99 are reported. Bytes per hash are printed at setup,
 * computed from the index's array lengths and, as a check, measured as the heap it added. Issue target: ≤ 1 ms
 * median at 10 M, ≤ 64 bytes a hash. Needs about 2 GB of heap at 10 M ({@code -Xmx4g}). Huge pages, with the heap
 * committed and touched at start, as docs/design/hash-banks.md recommends for a node holding a large bank: without
 * pre-touching, how many of the index's pages the kernel backs with huge pages varies from run to run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"})
public class BankBenchmark {
  private static final int QUERIES = 4096;

  @Param({"1000000", "10000000"})
  public int size;

  private MihIndex mih;
  private FlatIndex flat;
  private PdqHash[] queries;
  private int next;
  private final PdqHits hits = new PdqHits();

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261122);
    long[] words = new long[size * 4];
    for (int i = 0; i < words.length; i++) {
      words[i] = random.nextLong();
    }
    byte[] payloads = new byte[size];
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    mih = MihIndex.build(words, payloads, size);
    System.gc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    flat = FlatIndex.of(words, payloads, size);
    queries = new PdqHash[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      PdqHash query = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
      if (q % 2 == 0) {
        int i = random.nextInt(size);
        long[] w = {words[i * 4], words[i * 4 + 1], words[i * 4 + 2], words[i * 4 + 3]};
        for (int flips = random.nextInt(32), done = 0; done < flips; done++) {
          int bit = random.nextInt(256); // may repeat: the distance is at most 31
          w[bit >> 6] ^= 1L << (bit & 63);
        }
        query = new PdqHash(w[0], w[1], w[2], w[3]);
      }
      queries[q] = query;
    }
    System.out.printf("%nMIH at %,d hashes: %.2f bytes a hash from array lengths; %.2f bytes a hash of heap added "
            + "(the input array is still held, so this counts the index's own copy)%n",
        size, (double) mih.bytes() / size, (double) (after - before) / size);
  }

  @Benchmark
  public int mih() {
    hits.clear();
    mih.search(queries[next++ & (QUERIES - 1)], 31, hits);
    return hits.size();
  }

  @Benchmark
  public int flat() {
    hits.clear();
    flat.search(queries[next++ & (QUERIES - 1)], 31, hits);
    return hits.size();
  }
}
