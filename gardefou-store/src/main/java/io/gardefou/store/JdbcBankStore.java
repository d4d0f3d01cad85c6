package io.gardefou.store;

import io.gardefou.bank.Bank;
import io.gardefou.bank.BankAction;
import io.gardefou.bank.BankEntry;
import io.gardefou.bank.BankHash;
import io.gardefou.bank.BankName;
import io.gardefou.bank.BankStore;
import io.gardefou.bank.UnknownBankException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** Hash banks and their entries in the {@code hash_banks} and {@code hash_bank_entries} tables. */
public final class JdbcBankStore implements BankStore {
  /** Rows fetched at a time when streaming every entry, so that ten million never sit in memory at once. */
  private static final int FETCH_SIZE = 10_000;
  private static final String COLUMNS = "bank, kind, hash, label, added_at";

  private final Jdbi jdbi;
  private final Vendor vendor;

  JdbcBankStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public List<Bank> banks() {
    return jdbi.withHandle(handle -> handle
        .createQuery("SELECT name, action, pdq_threshold FROM hash_banks ORDER BY name")
        .map((row, ctx) -> new Bank(BankName.of(row.getString("name")), BankAction.parse(row.getString("action")),
            row.getInt("pdq_threshold")))
        .list());
  }

  @Override
  public void putBank(Bank bank) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO hash_banks (name, action, pdq_threshold) VALUES (:name, :action, :threshold)
            ON CONFLICT (name) DO UPDATE SET action = excluded.action, pdq_threshold = excluded.pdq_threshold""")
        .bind("name", bank.name().value())
        .bind("action", bank.action().id())
        .bind("threshold", bank.pdqThreshold())
        .execute());
  }

  @Override
  public List<BankEntry> addAll(Collection<BankEntry> entries) {
    return jdbi.inTransaction(handle -> {
      List<String> known = handle.createQuery("SELECT name FROM hash_banks").mapTo(String.class).list();
      List<BankEntry> added = new ArrayList<>();
      for (BankEntry entry : entries) {
        if (!known.contains(entry.bank().value())) {
          throw new UnknownBankException(entry.bank());
        }
        Update insert = handle.createUpdate("INSERT INTO hash_bank_entries (" + COLUMNS + ") "
                + "VALUES (:bank, :kind, :hash, :label, :added_at) ON CONFLICT (bank, kind, hash) DO NOTHING")
            .bind("bank", entry.bank().value())
            .bind("kind", entry.hash().kind().id())
            .bind("hash", entry.hash().hex())
            .bind("label", entry.label())
            .bindBySqlType("added_at", Columns.timestamp(entry.addedAt()), Types.OTHER);
        if (insert.execute() == 1) {
          added.add(entry);
        }
      }
      return added;
    });
  }

  @Override
  public boolean remove(BankName bank, BankHash hash) {
    return jdbi.withHandle(handle -> handle
        .createUpdate("DELETE FROM hash_bank_entries WHERE bank = :bank AND kind = :kind AND hash = :hash")
        .bind("bank", bank.value())
        .bind("kind", hash.kind().id())
        .bind("hash", hash.hex())
        .execute()) == 1;
  }

  @Override
  public Optional<BankEntry> find(BankName bank, BankHash hash) {
    return jdbi.withHandle(handle -> handle
        .createQuery("SELECT " + COLUMNS + " FROM hash_bank_entries WHERE bank = :bank AND kind = :kind AND hash = :hash")
        .bind("bank", bank.value())
        .bind("kind", hash.kind().id())
        .bind("hash", hash.hex())
        .map((row, ctx) -> entry(row))
        .findOne());
  }

  @Override
  public void forEach(Consumer<BankEntry> sink) {
    stream("SELECT " + COLUMNS + " FROM hash_bank_entries ORDER BY seq", null, sink);
  }

  @Override
  public void forEach(BankName bank, Consumer<BankEntry> sink) {
    stream("SELECT " + COLUMNS + " FROM hash_bank_entries WHERE bank = :bank ORDER BY seq", bank, sink);
  }

  // In a transaction: PostgreSQL fetches in pages only with autocommit off.
  private void stream(String sql, BankName bank, Consumer<BankEntry> sink) {
    jdbi.useTransaction((Handle handle) -> {
      var query = handle.createQuery(sql).setFetchSize(FETCH_SIZE);
      if (bank != null) {
        query.bind("bank", bank.value());
      }
      query.map((row, ctx) -> entry(row)).forEach(sink);
    });
  }

  private BankEntry entry(ResultSet row) throws SQLException {
    return new BankEntry(BankName.of(row.getString("bank")),
        BankHash.of(BankHash.Kind.fromId(row.getString("kind")), row.getString("hash")),
        row.getString("label"), vendor.instant(row, "added_at"));
  }
}
