package io.gardefou.store;

import io.gardefou.account.ApiKey;
import io.gardefou.account.KeyHash;
import io.gardefou.account.KeyId;
import io.gardefou.account.KeyStore;
import io.gardefou.account.Role;
import io.gardefou.account.StoredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API keys in the {@code api_keys} table: hashes and what is known of each key, never a secret. */
final class JdbcKeyStore implements KeyStore {
  private static final String COLUMNS =
      "id, tenant, role, name, created_at, last_used_at, revoked_at, hash_algorithm, iterations, salt, hash";

  private final Jdbi jdbi;
  private final Vendor vendor;

  JdbcKeyStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public void insert(StoredKey stored) {
    ApiKey key = stored.key();
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO api_keys (" + COLUMNS + """
            ) VALUES (:id, :tenant, :role, :name, :created_at, NULL, NULL, :hash_algorithm, :iterations, :salt, :hash)""")
        .bind("id", key.id().value())
        .bind("tenant", key.tenant())
        .bind("role", key.role().wireName())
        .bind("name", key.name())
        .bindBySqlType("created_at", Columns.timestamp(key.createdAt()), Types.OTHER)
        .bind("hash_algorithm", stored.hash().algorithm())
        .bind("iterations", stored.hash().iterations())
        .bind("salt", stored.hash().salt())
        .bind("hash", stored.hash().hash())
        .execute());
  }

  @Override
  public Optional<StoredKey> find(KeyId id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
        .bind("id", id.value())
        .map((row, context) -> new StoredKey(key(row), new KeyHash(
            row.getString("hash_algorithm"), row.getInt("iterations"), row.getBytes("salt"), row.getBytes("hash"))))
        .findOne());
  }

  @Override
  public List<ApiKey> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id")
        .map((row, context) -> key(row))
        .list());
  }

  @Override
  public boolean revoke(KeyId id, Instant at) {
    return jdbi.withHandle(handle -> handle
        .createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
        .bindBySqlType("at", Columns.timestamp(at), Types.OTHER)
        .bind("id", id.value())
        .execute()) == 1;
  }

  @Override
  public void touch(KeyId id, Instant at) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
        .bindBySqlType("at", Columns.timestamp(at), Types.OTHER)
        .bind("id", id.value())
        .execute());
  }

  private ApiKey key(ResultSet row) throws SQLException {
    return new ApiKey(
        KeyId.of(row.getString("id")),
        row.getString("tenant"),
        Role.fromWireName(row.getString("role")),
        row.getString("name"),
        vendor.instant(row, "created_at"),
        optionalInstant(row, "last_used_at"),
        optionalInstant(row, "revoked_at"));
  }

  private Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return row.getObject(column) == null ? Optional.empty() : Optional.of(vendor.instant(row, column));
  }
}
