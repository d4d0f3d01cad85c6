package io.gardefou.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gardefou.actor.ActorStore;
import io.gardefou.actor.AppealStore;
import io.gardefou.account.KeyStore;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.LogStore;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.screen.VerdictLog;
import io.gardefou.vault.VaultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The store's front door: a pooled connection to SQLite or PostgreSQL, migrated to the current schema as it
 * opens, and the stores that live in it.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** How long SQLite waits on another process's lock (the CLI, a backup) before failing. */
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Takedowns takedowns;
  private final ReviewActions reviewActions;
  private final VerdictLog verdictLog;
  private final VerdictRecords verdicts;
  private final JdbcLogStore logStore;
  private final CheckpointRecords checkpoints;
  private final JdbcActorStore actors;
  private final JdbcAppealStore appeals;
  private final VaultStore vaultStore;
  private final JdbcKeyStore keys;
  private final JdbcBankStore bankStore;
  private final List<LedgerVerdictLog> ledgerLogs = new CopyOnWriteArrayList<>();

  private Database(HikariDataSource dataSource, Vendor vendor) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.verdictLog = new JdbcVerdictLog(jdbi);
    this.verdicts = new VerdictRecords(jdbi, vendor);
    this.logStore = new JdbcLogStore(jdbi, vendor);
    this.checkpoints = new CheckpointRecords(jdbi);
    this.actors = new JdbcActorStore(jdbi, vendor);
    this.appeals = new JdbcAppealStore(jdbi, vendor);
    this.vaultStore = new JdbcVaultStore(jdbi, vendor);
    this.keys = new JdbcKeyStore(jdbi, vendor);
    this.bankStore = new JdbcBankStore(jdbi, vendor);
    this.takedowns = new Takedowns(jdbi, vendor);
    this.reviewActions = new ReviewActions(jdbi, vendor);
  }

  /**
   * Opens {@code jdbc:sqlite:<path>} (creating the file and its directories) or
   * {@code jdbc:postgresql://…}, and applies any pending migrations.
   *
   * @throws IllegalArgumentException for any other kind of URL, naming its scheme
   */
  public static Database open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Vendor vendor = Vendor.of(jdbcUrl);
    HikariConfig config = switch (vendor) {
      case SQLITE -> sqlite(jdbcUrl);
      case POSTGRESQL -> postgresql(jdbcUrl);
    };
    config.setPoolName("gardefou-" + vendor.id());
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource, vendor);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, vendor);
  }

  /** Opens the zero-set-up default: the SQLite file {@code <dataDir>/gardefou.db}. */
  public static Database openDefault(Path dataDir) {
    return open(Vendor.SQLITE.urlPrefix() + dataDir.resolve("gardefou.db"));
  }

  /** Where the screener records every verdict before its response leaves. */
  public VerdictLog verdictLog() {
    return verdictLog;
  }

  /**
   * A verdict log that also appends each decision to this database's ledger, whose checkpoints
   * {@code signer} signs under its name as origin: verdict rows and ledger entries commit together, in
   * batches of up to {@code maxBatch}, with back-pressure past {@code capacity} waiting. It is also the
   * {@link io.gardefou.audit.AuditTrail} whose events go to the same ledger. Closed with the database.
   */
  public LedgerVerdictLog ledgerVerdictLog(NoteSigner signer, int capacity, int maxBatch) {
    Ledger ledger = Ledger.builder().origin(signer.name()).signer(signer).store(logStore).build();
    LedgerVerdictLog log = new LedgerVerdictLog(logStore, ledger, checkpoints, capacity, maxBatch);
    ledgerLogs.add(log);
    return log;
  }

  /** This database's ledger, to read and prove entries, signed by {@code signer}; appends go through {@link #ledgerVerdictLog}. */
  public Ledger ledger(NoteSigner signer) {
    return Ledger.builder().origin(signer.name()).signer(signer).store(logStore).build();
  }

  /** Where the audit ledger keeps its entries and subtree hashes. */
  public LogStore logStore() {
    return logStore;
  }

  /** The ledger's latest signed checkpoint, as last saved. */
  public CheckpointRecords checkpoints() {
    return checkpoints;
  }

  /** The reports' view of this store: verdicts joined with their ledger entries, and the saved checkpoint. */
  public io.gardefou.report.ReportSource reportSource() {
    return new StoreReportSource(verdicts, logStore, checkpoints, appeals, takedowns, reviewActions);
  }

  /** Where the evidence vault keeps refused requests' sealed contents. */
  public VaultStore vaultStore() {
    return vaultStore;
  }

  /** The API keys: their hashes and what is known of them. */
  public KeyStore keys() {
    return keys;
  }

  /** The hash banks' definitions and entries. */
  public JdbcBankStore bankStore() {
    return bankStore;
  }

  public VerdictRecords verdicts() {
    return verdicts;
  }

  /** Actors' standings and strikes, by pseudonym. */
  public ActorStore actors() {
    return actors;
  }

  /** Take-down requests filed in the console. */
  public Takedowns takedowns() {
    return takedowns;
  }

  /** Moderators' actions on REVIEW verdicts. */
  public ReviewActions reviewActions() {
    return reviewActions;
  }

  /** Appeals against decisions. */
  public AppealStore appeals() {
    return appeals;
  }

  /** Whether the database answers a trivial query now; for readiness checks, never throws. */
  public boolean ping() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      LOG.warn("Database ping failed: {}", e.toString());
      return false;
    }
  }

  /** For tests that look beneath the stores, at rows and pragmas. */
  Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    ledgerLogs.forEach(LedgerVerdictLog::close); // Commit what is queued while the pool is still open.
    dataSource.close();
  }

  private static HikariConfig sqlite(String jdbcUrl) {
    String location = jdbcUrl.substring(Vendor.SQLITE.urlPrefix().length());
    String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
    if (path.isBlank() || path.equals(":memory:") || path.startsWith("file:")) {
      throw new IllegalArgumentException(
          "jdbc:sqlite: needs a plain file path, as in jdbc:sqlite:/var/lib/gardefou/gardefou.db; "
              + "in-memory databases and file: URIs are not supported");
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the SQLite directory " + parent, e);
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    // WAL: readers in other processes (the CLI, a backup) do not block the writer, nor it them.
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL syncs every commit, so a verdict survives a power cut once append returns.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    // Zero deleted and overwritten bytes, so that a crypto-shredded vault key does not linger in free pages.
    sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    // IMMEDIATE takes the write lock at BEGIN: a ledger batch reads the log's size and appends under one lock.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setDataSourceProperties(sqlite.toProperties());
    // SQLite admits one writer at a time, and nearly every use of this pool writes a verdict: with one
    // connection, threads queue fairly in the pool instead of sleeping and retrying on SQLITE_BUSY.
    config.setMaximumPoolSize(1);
    return config;
  }

  private static HikariConfig postgresql(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    // One multi-row INSERT per batch instead of one round trip per row: the ledger writes in batches.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return config;
  }

  private static void migrate(DataSource dataSource, Vendor vendor) {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations(vendor.migrations())
        .failOnMissingLocations(true)
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("Migrated the {} schema to version {} ({} migrations)",
          vendor.id(), result.targetSchemaVersion, result.migrationsExecuted);
    }
  }
}
