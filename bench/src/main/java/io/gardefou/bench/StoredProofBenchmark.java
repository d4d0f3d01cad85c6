package io.gardefou.bench;

import io.gardefou.ledger.Hash;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inclusion and consistency proofs from a ledger of 1,000,000 entries kept in SQLite or PostgreSQL, as the
 * audit endpoints serve them: each proof is one query for its O(log n) stored nodes. The tree is written once
 * per trial in batches of 10 000 (entries and nodes only, no verdict rows), which takes a minute or two.
 */
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class StoredProofBenchmark {
  private static final String ORIGIN = "bench.gardefou.test/ledger";
  private static final int SIZE = 1_000_000;
  private static final int BATCH = 10_000;
  private static final String PG_SERVER = System.getProperty("gardefou.bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

  @Param({"sqlite", "postgresql"})
  public String vendor;

  private Path directory;
  private String pgDatabase;
  private Database database;
  private Ledger ledger;
  private final SplittableRandom random = new SplittableRandom(9162);

  @Setup(Level.Trial)
  public void build() throws IOException, SQLException {
    if (vendor.equals("sqlite")) {
      directory = Files.createTempDirectory("gardefou-bench");
      database = Database.openDefault(directory);
    } else {
      pgDatabase = "gardefou_bench_" + UUID.randomUUID().toString().replace("-", "");
      admin("CREATE DATABASE " + pgDatabase);
      database = Database.open(PG_SERVER + pgDatabase + "?user=postgres");
    }
    ledger = Ledger.builder().origin(ORIGIN).signer(NoteSigner.generate(ORIGIN)).store(database.logStore()).build();
    SplittableRandom entries = new SplittableRandom(1);
    for (int first = 0; first < SIZE; first += BATCH) {
      List<byte[]> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        byte[] entry = new byte[600]; // about a decision record's size
        entries.nextBytes(entry);
        batch.add(entry);
      }
      ledger.append(batch);
    }
  }

  @TearDown(Level.Trial)
  public void drop() throws IOException, SQLException {
    database.close();
    if (pgDatabase != null) {
      admin("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> inclusionProofAt1M() {
    return ledger.inclusionProof(random.nextLong(SIZE), SIZE);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> consistencyProofTo1M() {
    return ledger.consistencyProof(random.nextLong(1, SIZE), SIZE);
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres?user=postgres");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
