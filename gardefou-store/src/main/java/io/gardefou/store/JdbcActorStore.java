package io.gardefou.store;

import io.gardefou.actor.ActorStore;
import io.gardefou.actor.Standing;
import io.gardefou.actor.Status;
import io.gardefou.actor.Strike;
import io.gardefou.actor.Verification;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Actors' standings and strikes in the {@code actors} and {@code strikes} tables (migration V6). */
final class JdbcActorStore implements ActorStore {
  private final Jdbi jdbi;
  private final Vendor vendor;

  JdbcActorStore(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  @Override
  public Optional<Standing> find(String tenant, String pseudonym) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            SELECT tenant, pseudonym, tier, verification, status, status_until, status_reason, status_by
            FROM actors WHERE tenant = :tenant AND pseudonym = :pseudonym""")
        .bind("tenant", tenant)
        .bind("pseudonym", pseudonym)
        .map((row, context) -> standing(row))
        .findOne());
  }

  @Override
  public void save(Standing standing) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO actors (tenant, pseudonym, tier, verification, status, status_until, status_reason, status_by)
            VALUES (:tenant, :pseudonym, :tier, :verification, :status, :until, :reason, :by)
            ON CONFLICT (tenant, pseudonym) DO UPDATE SET
              tier = excluded.tier, verification = excluded.verification, status = excluded.status,
              status_until = excluded.status_until, status_reason = excluded.status_reason,
              status_by = excluded.status_by""")
        .bind("tenant", standing.tenant())
        .bind("pseudonym", standing.pseudonym())
        .bind("tier", standing.tier().wireName())
        .bind("verification", standing.verification().wireName())
        .bind("status", standing.status().wireName())
        .bindBySqlType("until", standing.until().map(Columns::timestamp).orElse(null), Types.OTHER)
        .bind("reason", standing.reason().orElse(null))
        .bind("by", standing.statusBy().orElse(null))
        .execute());
  }

  @Override
  public List<Strike> strikes(String tenant, String pseudonym) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            SELECT decision_id, category, weight, struck_at FROM strikes
            WHERE tenant = :tenant AND pseudonym = :pseudonym ORDER BY struck_at, decision_id""")
        .bind("tenant", tenant)
        .bind("pseudonym", pseudonym)
        .map((row, context) -> new Strike(
            DecisionId.parse(row.getString("decision_id")),
            Category.fromWireName(row.getString("category")),
            row.getDouble("weight"),
            vendor.instant(row, "struck_at")))
        .list());
  }

  @Override
  public boolean addStrike(String tenant, String pseudonym, Strike strike) {
    return jdbi.withHandle(handle -> handle.createUpdate("""
            INSERT INTO strikes (decision_id, tenant, pseudonym, category, weight, struck_at)
            VALUES (:decision_id, :tenant, :pseudonym, :category, :weight, :at)
            ON CONFLICT (decision_id) DO NOTHING""")
        .bindBySqlType("decision_id", strike.decisionId().toString(), Types.OTHER)
        .bind("tenant", tenant)
        .bind("pseudonym", pseudonym)
        .bind("category", strike.category().wireName())
        .bind("weight", strike.weight())
        .bindBySqlType("at", Columns.timestamp(strike.at()), Types.OTHER)
        .execute()) == 1;
  }

  @Override
  public boolean removeStrike(String tenant, DecisionId decisionId) {
    return jdbi.withHandle(handle -> handle.createUpdate(
            "DELETE FROM strikes WHERE tenant = :tenant AND decision_id = :decision_id")
        .bind("tenant", tenant)
        .bindBySqlType("decision_id", decisionId.toString(), Types.OTHER)
        .execute()) > 0;
  }

  private Standing standing(ResultSet row) throws SQLException {
    return new Standing(
        row.getString("pseudonym"),
        row.getString("tenant"),
        Tier.fromWireName(row.getString("tier")),
        Verification.fromWireName(row.getString("verification")),
        Status.fromWireName(row.getString("status")),
        instant(row, "status_until"),
        Optional.ofNullable(row.getString("status_reason")),
        Optional.ofNullable(row.getString("status_by")));
  }

  private Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    return row.getString(column) == null ? Optional.empty() : Optional.of(vendor.instant(row, column));
  }
}
