package io.gardefou.bench;

import io.gardefou.ledger.Appended;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.InMemoryLogStore;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory ledger: appends in batches of 1000 (scored per entry), and inclusion and consistency
 * proofs from a tree of 1,000,000 entries (not a power of two, so the ragged right edge is exercised).
 */
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LedgerBenchmark {
  private static final String ORIGIN = "bench.gardefou.test/ledger";
  private static final int BATCH = 1000;
  private static final int PROOF_TREE_SIZE = 1_000_000;

  /** A fresh ledger each iteration, so the heap does not grow without bound across the run. */
  @State(Scope.Benchmark)
  public static class Appending {
    final List<byte[]> batch = entries(0, BATCH);
    Ledger ledger;

    @Setup(Level.Iteration)
    public void setUp() {
      ledger = newLedger();
    }
  }

  /** One ledger of a million 64-byte entries, built once. */
  @State(Scope.Benchmark)
  public static class Proving {
    Ledger ledger;

    @Setup(Level.Trial)
    public void setUp() {
      ledger = newLedger();
      for (int first = 0; first < PROOF_TREE_SIZE; first += BATCH) {
        ledger.append(entries(first, Math.min(BATCH, PROOF_TREE_SIZE - first)));
      }
    }
  }

  /** Per-thread index source, so the proofs asked for are spread over the whole tree. */
  @State(Scope.Thread)
  public static class Indices {
    final SplittableRandom random = new SplittableRandom(9162);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public Appended appendBatchOf1000(Appending state) {
    return state.ledger.append(state.batch);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> inclusionProofAt1M(Proving state, Indices indices) {
    return state.ledger.inclusionProof(indices.random.nextLong(PROOF_TREE_SIZE), PROOF_TREE_SIZE);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> consistencyProofTo1M(Proving state, Indices indices) {
    return state.ledger.consistencyProof(indices.random.nextLong(1, PROOF_TREE_SIZE), PROOF_TREE_SIZE);
  }

  private static Ledger newLedger() {
    return Ledger.builder().origin(ORIGIN).signer(NoteSigner.generate(ORIGIN)).store(new InMemoryLogStore()).build();
  }

  /** Entries the size of a digest-and-decision record, each distinct. */
  private static List<byte[]> entries(int first, int count) {
    SplittableRandom random = new SplittableRandom(first);
    List<byte[]> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] entry = new byte[64];
      random.nextBytes(entry);
      entries.add(entry);
    }
    return entries;
  }
}
