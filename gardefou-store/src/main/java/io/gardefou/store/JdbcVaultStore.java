package io.gardefou.store;

import io.gardefou.model.DecisionId;
import io.gardefou.vault.Sealed;
import io.gardefou.vault.VaultEntry;
import io.gardefou.vault.VaultStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The evidence vault's entries as rows of {@code vault_entries}, in the same database as the verdicts but a table of
 * their own. Shredding nulls the key material in place; on SQLite the connection's {@code secure_delete} zeroes the
 * freed bytes and a WAL checkpoint moves them out of the log, so the wrapped key is gone from the files too.
 */
final class JdbcVaultStore implements VaultStore {
  private static final String COLUMNS = """
      decision_id, tenant, kept_at, retain_until, retention_basis, legal_hold, prompt_sha256, image_sha256s,
      withheld_image_sha256s, master_key_id, shredded_at, shred_reason""";

  private final Jdbi jdbi;
  private final Vendor vendor;

  JdbcVaultStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public void put(VaultEntry entry, Sealed sealed) {
    String sql = "INSERT INTO vault_entries (" + COLUMNS + ", nonce, wrapped_key, ciphertext) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING";
    int inserted = jdbi.withHandle(handle -> {
      try (PreparedStatement row = handle.getConnection().prepareStatement(sql)) {
        // Types.OTHER lets PostgreSQL read text as the column's type (uuid, timestamptz, jsonb); SQLite keeps text.
        row.setObject(1, entry.decisionId().toString(), Types.OTHER);
        row.setString(2, entry.tenant());
        row.setObject(3, Columns.timestamp(entry.keptAt()), Types.OTHER);
        row.setObject(4, Columns.timestamp(entry.retainUntil()), Types.OTHER);
        row.setObject(5, Columns.json(entry.retentionBasis()), Types.OTHER);
        row.setBoolean(6, entry.legalHold());
        row.setString(7, entry.promptSha256());
        row.setObject(8, Columns.json(entry.imageSha256s()), Types.OTHER);
        row.setObject(9, Columns.json(entry.withheldImageSha256s()), Types.OTHER);
        row.setString(10, entry.masterKeyId());
        row.setObject(11, entry.shreddedAt().map(Columns::timestamp).orElse(null), Types.OTHER);
        row.setString(12, entry.shredReason().orElse(null));
        row.setBytes(13, sealed.nonce());
        row.setBytes(14, sealed.wrappedKey());
        row.setBytes(15, sealed.ciphertext());
        return row.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure("could not keep the evidence of decision " + entry.decisionId(), e);
      }
    });
    if (inserted == 0) {
      throw new IllegalStateException("decision " + entry.decisionId() + " already has a vault entry");
    }
  }

  @Override
  public Optional<VaultEntry> entry(DecisionId id) {
    return query("SELECT " + COLUMNS + " FROM vault_entries WHERE decision_id = ?", id, this::entry);
  }

  @Override
  public Optional<Sealed> sealed(DecisionId id) {
    return query("SELECT nonce, wrapped_key, ciphertext FROM vault_entries WHERE decision_id = ? AND shredded_at IS NULL",
        id, row -> Sealed.of(row.getBytes("nonce"), row.getBytes("wrapped_key"), row.getBytes("ciphertext")));
  }

  @Override
  public boolean setLegalHold(DecisionId id, boolean held) {
    return update("UPDATE vault_entries SET legal_hold = ? WHERE decision_id = ? AND shredded_at IS NULL", id, row -> {
      row.setBoolean(1, held);
      row.setObject(2, id.toString(), Types.OTHER);
    }) == 1;
  }

  @Override
  public boolean shred(DecisionId id, Instant at, String reason) {
    boolean shredded = update("""
        UPDATE vault_entries SET nonce = NULL, wrapped_key = NULL, ciphertext = NULL, shredded_at = ?, shred_reason = ?
        WHERE decision_id = ? AND shredded_at IS NULL AND NOT legal_hold""", id, row -> {
          row.setObject(1, Columns.timestamp(at), Types.OTHER);
          row.setString(2, reason);
          row.setObject(3, id.toString(), Types.OTHER);
        }) == 1;
    if (shredded && vendor == Vendor.SQLITE) {
      // Copy the zeroed pages into the database file and empty the WAL, which still holds the pages with the key.
      jdbi.useHandle(handle -> handle.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    return shredded;
  }

  @Override
  public List<DecisionId> expired(Instant now, int limit) {
    String sql = """
        SELECT decision_id FROM vault_entries
        WHERE shredded_at IS NULL AND NOT legal_hold AND retain_until <= ?
        ORDER BY retain_until LIMIT ?""";
    return jdbi.withHandle(handle -> {
      try (PreparedStatement select = handle.getConnection().prepareStatement(sql)) {
        select.setObject(1, Columns.timestamp(now), Types.OTHER);
        select.setInt(2, limit);
        List<DecisionId> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(DecisionId.parse(rows.getString("decision_id")));
          }
        }
        return ids;
      } catch (SQLException e) {
        throw new StoreFailure("could not list expired vault entries", e);
      }
    });
  }

  private VaultEntry entry(ResultSet row) throws SQLException {
    String shredReason = row.getString("shred_reason");
    return new VaultEntry(
        DecisionId.parse(row.getString("decision_id")),
        row.getString("tenant"),
        vendor.instant(row, "kept_at"),
        vendor.instant(row, "retain_until"),
        Columns.strings(row.getString("retention_basis"), "retention_basis"),
        row.getBoolean("legal_hold"),
        row.getString("prompt_sha256"),
        Columns.strings(row.getString("image_sha256s"), "image_sha256s"),
        Columns.strings(row.getString("withheld_image_sha256s"), "withheld_image_sha256s"),
        row.getString("master_key_id"),
        shredReason == null ? Optional.empty() : Optional.of(vendor.instant(row, "shredded_at")),
        Optional.ofNullable(shredReason));
  }

  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private <T> Optional<T> query(String sql, DecisionId id, RowReader<T> reader) {
    return jdbi.withHandle(handle -> {
      try (PreparedStatement select = handle.getConnection().prepareStatement(sql)) {
        select.setObject(1, id.toString(), Types.OTHER);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(reader.read(rows)) : Optional.<T>empty();
        }
      } catch (SQLException e) {
        throw new StoreFailure("could not read the vault entry of decision " + id, e);
      }
    });
  }

  /** Runs an update on the entry of decision {@code id}, its parameters set by {@code binder}. */
  private int update(String sql, DecisionId id, Binder binder) {
    return jdbi.withHandle(handle -> {
      try (PreparedStatement update = handle.getConnection().prepareStatement(sql)) {
        binder.bind(update);
        return update.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure("could not change the vault entry of decision " + id, e);
      }
    });
  }
}
