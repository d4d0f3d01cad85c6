package io.gardefou.store;

import io.gardefou.ledger.Hash;
import io.gardefou.ledger.LogStore;
import io.gardefou.ledger.Node;
import io.gardefou.ledger.NodeId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger's {@link LogStore} in SQLite or PostgreSQL: one row per entry, one per complete subtree, and
 * the committed size in a row of its own, all written in one transaction per batch.
 *
 * <p>Several gateway processes may share one PostgreSQL database: {@link #exclusively} runs each batch in
 * one transaction that first takes a transaction-scoped advisory lock, so one process integrates at a time
 * and reads the size and right edge of the tree under that lock. The lock ends with the transaction, so a
 * process that dies mid-batch releases it with its connection (docs/design/ledger.md, Several nodes).
 */
public final class JdbcLogStore implements LogStore {
  /** The advisory lock key that elects the integrator: the first 8 bytes of SHA-256("gardefou-ledger"). */
  static final long INTEGRATOR_LOCK = 0x194ee84fea32141eL;

  private final Jdbi jdbi;
  private final Vendor vendor;
  /** The transaction {@link #exclusively} runs in on this thread; reads and the append inside it use it. */
  private final ThreadLocal<Handle> exclusive = new ThreadLocal<>();
  /*
   * What the current thread's next append also writes in its transaction: the verdict rows of the decisions
   * it appends. The ledger publishes its new head only after this store's append returns, that is after
   * the commit, so rows, entries and head move together or not at all.
   */
  private final ThreadLocal<RowsAlongside> alongside = new ThreadLocal<>();

  /** Rows written in an append's transaction, told the index of the append's first entry. */
  @FunctionalInterface
  interface RowsAlongside {
    void insert(Handle handle, long firstIndex) throws SQLException;
  }

  JdbcLogStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public long size() {
    Handle handle = exclusive.get();
    return handle != null ? size(handle) : jdbi.withHandle(JdbcLogStore::size);
  }

  /**
   * One transaction under the integrator lock: PostgreSQL's {@code pg_advisory_xact_lock}, held until commit
   * or rollback; in SQLite the database's own write lock, which every transaction takes at BEGIN (IMMEDIATE).
   */
  @Override
  public <T> T exclusively(Supplier<T> integration) {
    if (exclusive.get() != null) {
      throw new IllegalStateException("already integrating on this thread");
    }
    return jdbi.inTransaction(handle -> {
      if (vendor == Vendor.POSTGRESQL) {
        handle.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", INTEGRATOR_LOCK).mapTo(String.class).one();
      }
      exclusive.set(handle);
      try {
        return integration.get();
      } finally {
        exclusive.remove();
      }
    });
  }

  @Override
  public List<Hash> nodes(List<NodeId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE ");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("(level = :l").append(i).append(" AND idx = :i").append(i).append(')');
    }
    Map<NodeId, Hash> found = new HashMap<>();
    inHandle(handle -> {
      var query = handle.createQuery(sql.toString());
      for (int i = 0; i < ids.size(); i++) {
        query.bind("l" + i, ids.get(i).level()).bind("i" + i, ids.get(i).index());
      }
      query.map((row, context) -> new Node(new NodeId(row.getInt("level"), row.getLong("idx")), Hash.of(row.getBytes("hash"))))
          .forEach(node -> found.put(node.id(), node.hash()));
    });
    List<Hash> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Hash hash = found.get(id);
      if (hash == null) {
        throw new IllegalStateException("the ledger store has no node " + id);
      }
      hashes.add(hash);
    }
    return hashes;
  }

  @Override
  public byte[] entry(long index) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT entry FROM ledger_entries WHERE idx = :idx")
            .bind("idx", index)
            .mapTo(byte[].class)
            .findOne())
        .orElseThrow(() -> new IndexOutOfBoundsException("the ledger store has no entry " + index));
  }

  /** One query for a run of entries; any gap throws, naming the first missing index. */
  @Override
  public List<byte[]> entries(long from, int count) {
    List<byte[]> entries = new ArrayList<>(count);
    jdbi.useHandle(handle -> handle
        .createQuery("SELECT idx, entry FROM ledger_entries WHERE idx >= :from AND idx < :to ORDER BY idx")
        .bind("from", from)
        .bind("to", from + count)
        .map((row, context) -> {
          long expected = from + entries.size();
          if (row.getLong("idx") != expected) {
            throw new IndexOutOfBoundsException("the ledger store has no entry " + expected);
          }
          return row.getBytes("entry");
        })
        .forEach(entries::add));
    if (entries.size() != count) {
      throw new IndexOutOfBoundsException("the ledger store has no entry " + (from + entries.size()));
    }
    return entries;
  }

  /** Runs {@code append}; any append it makes to this store also runs {@code rows} in the same transaction. */
  <T> T withRows(RowsAlongside rows, Supplier<T> append) {
    alongside.set(rows);
    try {
      return append.get();
    } finally {
      alongside.remove();
    }
  }

  @Override
  public void append(long fromSize, List<byte[]> entries, List<Node> completed) {
    try {
      Handle handle = exclusive.get();
      if (handle != null) {
        appendIn(handle, fromSize, entries, completed);
      } else {
        jdbi.useTransaction(own -> appendIn(own, fromSize, entries, completed));
      }
    } catch (SQLException e) {
      throw new StoreFailure("could not append " + entries.size() + " ledger entries", e);
    }
  }

  private void appendIn(Handle handle, long fromSize, List<byte[]> entries, List<Node> completed) throws SQLException {
    // The optimistic check stays under the lock: a writer that bypassed it fails instead of forking the log.
    int moved = handle.createUpdate("UPDATE ledger_size SET size = :to WHERE id = 1 AND size = :from")
        .bind("to", fromSize + entries.size())
        .bind("from", fromSize)
        .execute();
    if (moved != 1) {
      throw new IllegalStateException("append from size " + fromSize + " but the store holds " + size(handle));
    }
    insertRows(handle.getConnection(), fromSize, entries, completed);
    RowsAlongside rows = alongside.get();
    if (rows != null) {
      rows.insert(handle, fromSize);
    }
  }

  private void inHandle(HandleConsumer<RuntimeException> use) {
    Handle handle = exclusive.get();
    if (handle != null) {
      use.useHandle(handle);
    } else {
      jdbi.useHandle(use);
    }
  }


  /** Plain JDBC batches: at thousands of rows a second, Jdbi's per-row named binding is the cost. */
  private static void insertRows(Connection connection, long fromSize, List<byte[]> entries, List<Node> completed)
      throws SQLException {
    try (PreparedStatement entryRows = connection.prepareStatement("INSERT INTO ledger_entries (idx, entry) VALUES (?, ?)");
        PreparedStatement nodeRows = connection.prepareStatement("INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)")) {
      for (int i = 0; i < entries.size(); i++) {
        entryRows.setLong(1, fromSize + i);
        entryRows.setBytes(2, entries.get(i));
        entryRows.addBatch();
      }
      for (Node node : completed) {
        nodeRows.setInt(1, node.id().level());
        nodeRows.setLong(2, node.id().index());
        nodeRows.setBytes(3, node.hash().bytes());
        nodeRows.addBatch();
      }
      entryRows.executeBatch();
      nodeRows.executeBatch();
    }
  }

  private static long size(Handle handle) {
    return handle.createQuery("SELECT size FROM ledger_size WHERE id = 1").mapTo(Long.class).one();
  }
}
