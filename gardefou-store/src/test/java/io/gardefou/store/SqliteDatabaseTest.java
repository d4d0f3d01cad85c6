package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.CompactRange;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.LogAudit;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.Node;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.screen.VerdictLogFullException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a SQLite file in a fresh temporary directory. */
final class SqliteDatabaseTest extends DatabaseContract {
  @TempDir Path temp;

  @Override
  String createEmptyDatabase() {
    // Directories that do not exist yet: opening must create them.
    return "jdbc:sqlite:" + temp.resolve("nested/data/gardefou.db");
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the file.
  }

  @Test
  void migratesFreshSqliteFileOnOpen() {
    Path file = temp.resolve("nested/data/gardefou.db");
    assertThat(file).doesNotExist();

    Database database = open();

    assertThat(file).isRegularFile();
    assertThat(database.verdicts().count()).isZero();
    assertThat(appliedMigrations(database)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12");
  }

  @Test
  void opensTheDefaultFileInTheDataDirectory() {
    try (Database database = Database.openDefault(temp.resolve("data"))) {
      assertThat(database.verdicts().count()).isZero();
    }

    assertThat(temp.resolve("data/gardefou.db")).isRegularFile();
  }

  @Test
  void usesWriteAheadLoggingForeignKeysAndABusyTimeout() {
    Database database = open();

    database.jdbi().useHandle(handle -> {
      assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
      assertThat(handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
      assertThat(handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5_000);
      assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(2); // FULL
    });
    assertThat(Files.exists(temp.resolve("nested/data/gardefou.db-wal"))).isTrue();
  }

  private Database ledgerOf(int entries) {
    Database database = open();
    Ledger ledger = ledger(database);
    for (int i = 0; i < entries; i++) {
      ledger.append(entry(i));
    }
    return database;
  }

  @Test
  void auditPassesAnUntouchedLedger() {
    Database database = ledgerOf(20);

    assertThat(LogAudit.check(database.logStore(), Optional.empty()).ok()).isTrue();
  }

  @Test
  void auditNamesAChangedEntry() {
    Database database = ledgerOf(20);
    database.jdbi().useHandle(h -> h.execute("UPDATE ledger_entries SET entry = ? WHERE idx = 13", entry(99)));

    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.empty());

    assertThat(report.firstBadIndex()).hasValue(13);
  }

  @Test
  void auditNamesADeletedEntry() {
    Database database = ledgerOf(20);
    database.jdbi().useHandle(h -> h.execute("DELETE FROM ledger_entries WHERE idx = 6"));

    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.empty());

    assertThat(report.firstBadIndex()).hasValue(6);
    assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("no entry 6"));
  }

  @Test
  void auditNamesTheFirstOfTwoReorderedEntries() {
    Database database = ledgerOf(20);
    database.jdbi().useTransaction(h -> {
      h.execute("UPDATE ledger_entries SET idx = 1000 WHERE idx = 4");
      h.execute("UPDATE ledger_entries SET idx = 4 WHERE idx = 9");
      h.execute("UPDATE ledger_entries SET idx = 9 WHERE idx = 1000");
    });

    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.empty());

    assertThat(report.firstBadIndex()).hasValue(4);
  }

  @Test
  void auditCatchesEntriesAndNodesRewrittenTogetherAgainstTheSignedCheckpoint() {
    Database database = ledgerOf(8);
    Checkpoint signed = Checkpoint.verify(ledger(database).checkpoint(), SIGNER.verifier());
    // Rewrite the whole log consistently: entry 2 changed, every node recomputed to match.
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      entries.add(i == 2 ? entry(42) : entry(i));
    }
    List<Node> nodes = new ArrayList<>();
    CompactRange.empty().append(entries.stream().map(MerkleHashes::leafHash).toList(), nodes);
    database.jdbi().useTransaction(h -> {
      h.execute("DELETE FROM ledger_entries");
      h.execute("DELETE FROM ledger_nodes");
    });
    database.jdbi().useHandle(h -> h.execute("UPDATE ledger_size SET size = 0"));
    database.logStore().append(0, entries, nodes);

    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.of(signed));

    assertThat(report.ok()).isFalse();
    assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("signed checkpoint"));
  }

  /** SQLite has one pooled connection: holding it stalls the integrator, so the queue fills. */
  @Test
  void aFullLedgerQueueIsBackPressureNotAWait() throws Exception {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 1, 1);
    ScreeningRequest request = Fixtures.textRequest();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> first;
      Future<?> second;
      try (Handle held = database.jdbi().open()) {
        held.createQuery("SELECT 1").mapTo(Integer.class).one();
        first = callers.submit(() -> log.append(request, Fixtures.refusal(request)));
        Thread.sleep(300); // the integrator takes it, then waits for the connection
        second = callers.submit(() -> log.append(request, Fixtures.refusal(request)));
        Thread.sleep(300); // it fills the queue of one

        assertThatThrownBy(() -> log.append(request, Fixtures.refusal(request)))
            .isInstanceOf(VerdictLogFullException.class)
            .hasMessageContaining("full");
      }
      first.get();
      second.get();
    }
    assertThat(log.ledger().head().size()).isEqualTo(2);
  }
}
