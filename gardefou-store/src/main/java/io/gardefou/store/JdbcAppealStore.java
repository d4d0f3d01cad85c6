package io.gardefou.store;

import io.gardefou.actor.Appeal;
import io.gardefou.actor.AppealStore;
import io.gardefou.model.DecisionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Appeals in the {@code appeals} table (migration V6). */
final class JdbcAppealStore implements AppealStore {
  private static final String COLUMNS = """
      id, decision_id, tenant, pseudonym, filed_by, filer, statement, filed_at, state, note, decided_by, decided_at""";

  private final Jdbi jdbi;
  private final Vendor vendor;

  JdbcAppealStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public boolean add(Appeal appeal) {
    if (appeal.state() != Appeal.State.OPEN) {
      throw new IllegalArgumentException("only an open appeal is added");
    }
    return jdbi.withHandle(handle -> handle.createUpdate("""
            INSERT INTO appeals (id, decision_id, tenant, pseudonym, filed_by, filer, statement, filed_at, state)
            VALUES (:id, :decision_id, :tenant, :pseudonym, :filed_by, :filer, :statement, :filed_at, 'open')
            ON CONFLICT DO NOTHING""")
        .bindBySqlType("id", appeal.id().toString(), Types.OTHER)
        .bindBySqlType("decision_id", appeal.decisionId().toString(), Types.OTHER)
        .bind("tenant", appeal.tenant())
        .bind("pseudonym", appeal.pseudonym())
        .bind("filed_by", appeal.filedBy().wireName())
        .bind("filer", appeal.filer())
        .bind("statement", appeal.statement())
        .bindBySqlType("filed_at", Columns.timestamp(appeal.filedAt()), Types.OTHER)
        .execute()) == 1;
  }

  @Override
  public Optional<Appeal> find(UUID id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM appeals WHERE id = :id")
        .bindBySqlType("id", id.toString(), Types.OTHER)
        .map((row, context) -> appeal(row))
        .findOne());
  }

  @Override
  public Optional<Appeal> ofDecision(DecisionId decisionId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM appeals WHERE decision_id = :id")
        .bindBySqlType("id", decisionId.toString(), Types.OTHER)
        .map((row, context) -> appeal(row))
        .findOne());
  }

  @Override
  public List<Appeal> inState(String tenant, Appeal.State state, int limit) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
            + " FROM appeals WHERE tenant = :tenant AND state = :state ORDER BY filed_at, id LIMIT :limit")
        .bind("tenant", tenant)
        .bind("state", state.wireName())
        .bind("limit", limit)
        .map((row, context) -> appeal(row))
        .list());
  }

  @Override
  public boolean decide(Appeal decided) {
    if (decided.state() == Appeal.State.OPEN) {
      throw new IllegalArgumentException("a decided appeal upholds or overturns");
    }
    return jdbi.withHandle(handle -> handle.createUpdate("""
            UPDATE appeals SET state = :state, note = :note, decided_by = :by, decided_at = :at
            WHERE id = :id AND state = 'open'""")
        .bind("state", decided.state().wireName())
        .bind("note", decided.note().orElseThrow())
        .bind("by", decided.decidedBy().orElseThrow())
        .bindBySqlType("at", Columns.timestamp(decided.decidedAt().orElseThrow()), Types.OTHER)
        .bindBySqlType("id", decided.id().toString(), Types.OTHER)
        .execute()) == 1;
  }

  private Appeal appeal(ResultSet row) throws SQLException {
    return new Appeal(
        UUID.fromString(row.getString("id")),
        DecisionId.parse(row.getString("decision_id")),
        row.getString("tenant"),
        row.getString("pseudonym"),
        Appeal.FiledBy.fromWireName(row.getString("filed_by")),
        row.getString("filer"),
        row.getString("statement"),
        vendor.instant(row, "filed_at"),
        Appeal.State.fromWireName(row.getString("state")),
        Optional.ofNullable(row.getString("note")),
        Optional.ofNullable(row.getString("decided_by")),
        row.getString("decided_at") == null ? Optional.empty() : Optional.<Instant>of(vendor.instant(row, "decided_at")));
  }
}
