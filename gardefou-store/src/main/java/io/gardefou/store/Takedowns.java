package io.gardefou.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Take-down requests in the {@code takedowns} table (migration V10). */
public final class Takedowns {
  private static final String COLUMNS = """
      id, tenant, filed_at, filed_by, reporter, reference, jurisdiction, category, due_at, pdq, pdq_quality, sha256,
      md5, made_here, state, done_at, done_by""";

  private final Jdbi jdbi;
  private final Vendor vendor;

  Takedowns(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  public void add(Takedown takedown) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO takedowns (id, tenant, filed_at, filed_by, reporter, reference, jurisdiction, category, due_at,
              pdq, pdq_quality, sha256, md5, made_here, state)
            VALUES (:id, :tenant, :filed_at, :filed_by, :reporter, :reference, :jurisdiction, :category, :due_at,
              :pdq, :pdq_quality, :sha256, :md5, :made_here, 'open')""")
        .bindBySqlType("id", takedown.id().toString(), Types.OTHER)
        .bind("tenant", takedown.tenant())
        .bindBySqlType("filed_at", Columns.timestamp(takedown.filedAt()), Types.OTHER)
        .bind("filed_by", takedown.filedBy())
        .bind("reporter", takedown.reporter())
        .bind("reference", takedown.reference())
        .bind("jurisdiction", takedown.jurisdiction())
        .bind("category", takedown.category())
        .bindBySqlType("due_at", Columns.timestamp(takedown.dueAt()), Types.OTHER)
        .bind("pdq", takedown.pdq())
        .bind("pdq_quality", takedown.pdqQuality())
        .bind("sha256", takedown.sha256())
        .bind("md5", takedown.md5())
        .bind("made_here", takedown.madeHere().orElse(null))
        .execute());
  }

  /** Marks an open take-down done; false if there is no such open take-down for the tenant. */
  public boolean done(String tenant, UUID id, String by, Instant at) {
    return jdbi.withHandle(handle -> handle.createUpdate("""
            UPDATE takedowns SET state = 'done', done_at = :at, done_by = :by
            WHERE id = :id AND tenant = :tenant AND state = 'open'""")
        .bindBySqlType("at", Columns.timestamp(at), Types.OTHER)
        .bind("by", by)
        .bindBySqlType("id", id.toString(), Types.OTHER)
        .bind("tenant", tenant)
        .execute()) == 1;
  }

  /** The tenant's take-downs, open ones first, each group by its deadline. */
  public List<Takedown> list(String tenant, int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
            + " FROM takedowns WHERE tenant = :tenant ORDER BY state DESC, due_at, id LIMIT :limit")
        .bind("tenant", tenant)
        .bind("limit", limit)
        .map((row, context) -> takedown(row))
        .list());
  }

  /**
   * The take-downs of every tenant filed from {@code from} inclusive to {@code to} exclusive, of
   * {@code jurisdiction} when given, in the order they were filed.
   */
  public List<Takedown> between(Instant from, Instant to, Optional<String> jurisdiction) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    String where = "filed_at >= :from AND filed_at < :to"
        + (jurisdiction.isPresent() ? " AND jurisdiction = :jurisdiction" : "");
    return jdbi.withHandle(handle -> {
      var query = handle.createQuery("SELECT " + COLUMNS + " FROM takedowns WHERE " + where + " ORDER BY filed_at, id")
          .bindBySqlType("from", Columns.timestamp(from), Types.OTHER)
          .bindBySqlType("to", Columns.timestamp(to), Types.OTHER);
      jurisdiction.ifPresent(code -> query.bind("jurisdiction", code));
      return query.map((row, context) -> takedown(row)).list();
    });
  }

  private Takedown takedown(ResultSet row) throws SQLException {
    String doneAt = row.getString("done_at");
    return new Takedown(
        UUID.fromString(row.getString("id")),
        row.getString("tenant"),
        vendor.instant(row, "filed_at"),
        row.getString("filed_by"),
        row.getString("reporter"),
        row.getString("reference"),
        row.getString("jurisdiction"),
        row.getString("category"),
        vendor.instant(row, "due_at"),
        row.getString("pdq"),
        row.getInt("pdq_quality"),
        row.getString("sha256"),
        row.getString("md5"),
        Optional.ofNullable(row.getString("made_here")),
        row.getString("state").equals("done"),
        doneAt == null ? Optional.empty() : Optional.of(vendor.instant(row, "done_at")),
        Optional.ofNullable(row.getString("done_by")));
  }
}
