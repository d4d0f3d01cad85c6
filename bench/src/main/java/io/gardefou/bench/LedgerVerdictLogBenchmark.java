package io.gardefou.bench;

import io.gardefou.ledger.NoteSigner;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Fact;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.store.Database;
import io.gardefou.store.LedgerVerdictLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second through the screener's verdict log, as the server is set up (queue 10 000, batches
 * up to 1 024): each invocation is {@value #CALLERS} concurrent callers, each recording {@value #PER_CALLER}
 * verdicts one after the other (row, ledger entry and subtree hashes, each committed before its call returns), as
 * a gateway with that many requests in flight.
 * PostgreSQL runs with its default {@code synchronous_commit = on}; SQLite with {@code synchronous = FULL}.
 * The PostgreSQL case needs a server on 127.0.0.1:5432 with trust auth ({@code -Dgardefou.bench.pg=URL} for
 * another); its database is created for the trial and dropped after.
 */
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class LedgerVerdictLogBenchmark {
  private static final int CALLERS = 2_000;
  private static final int PER_CALLER = 10;
  private static final String ORIGIN = "bench.gardefou.test/ledger";
  private static final String PG_SERVER = System.getProperty("gardefou.bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
  private static final PackPolicy POLICY = PolicyPacks.bundled();

  @Param({"sqlite", "postgresql"})
  public String vendor;

  private Path directory;
  private String pgDatabase;
  private Database database;
  private LedgerVerdictLog log;
  private final ScreeningRequest request = ScreeningRequest.ofText(Operation.GENERATE, "a lighthouse at dusk");
  private List<Verdict> verdicts;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    if (vendor.equals("sqlite")) {
      directory = Files.createTempDirectory("gardefou-bench");
      database = Database.openDefault(directory);
    } else {
      pgDatabase = "gardefou_bench_" + UUID.randomUUID().toString().replace("-", "");
      admin("CREATE DATABASE " + pgDatabase);
      database = Database.open(PG_SERVER + pgDatabase + "?user=postgres");
    }
    log = database.ledgerVerdictLog(NoteSigner.generate(ORIGIN), 10_000, 1_024);
  }

  /** Deciding is not what is measured: each invocation's verdicts, a refusal with fresh decision ids, come before it. */
  @Setup(Level.Invocation)
  public void decide() {
    Instant now = Instant.now();
    Signals signals = Signals.from("bench").score(Category.SEXUAL_MINORS, 0.9, List.of()).fact(Fact.LANGUAGE, "en").build();
    Verdict decided = POLICY.decide(request, signals, DecisionId.generate(now), now);
    verdicts = new ArrayList<>(CALLERS * PER_CALLER);
    for (int i = 0; i < CALLERS * PER_CALLER; i++) {
      verdicts.add(new Verdict(decided.decision(), decided.categories(), decided.ruleHits(), decided.legalBasis(),
          decided.obligations(), decided.policyVersion(), DecisionId.generate(now), now, decided.signals()));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    database.close();
    if (pgDatabase != null) {
      admin("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(CALLERS * PER_CALLER)
  public void appendConcurrently() throws Exception {
    List<Future<?>> callers = new ArrayList<>(CALLERS);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < CALLERS; caller++) {
        List<Verdict> own = verdicts.subList(caller * PER_CALLER, (caller + 1) * PER_CALLER);
        callers.add(threads.submit(() -> own.forEach(verdict -> log.append(request, verdict))));
      }
      for (Future<?> caller : callers) {
        caller.get();
      }
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres?user=postgres");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
