package io.gardefou.store;

import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/** Reads the recorded verdicts back: how many, one by its id, the most recent. */
public final class VerdictRecords {
  private static final String COLUMNS = """
      decision_id, decided_at, operation, tenant, actor_id, actor_tier, jurisdiction, decision, categories,
      rules, legal_basis, policy_version, prompt_sha256, image_sha256s, language, request_id, detectors,
      ledger_index""";

  private final Jdbi jdbi;
  private final Vendor vendor;

  VerdictRecords(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  public long count() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM verdicts").mapTo(Long.class).one());
  }

  public Optional<StoredVerdict> find(DecisionId decisionId) {
    Objects.requireNonNull(decisionId, "decisionId");
    return jdbi.withHandle(handle -> handle
        .createQuery("SELECT " + COLUMNS + " FROM verdicts WHERE decision_id = :decision_id")
        .bindBySqlType("decision_id", decisionId.toString(), Types.OTHER)
        .map((row, context) -> read(row))
        .findOne());
  }

  /** The verdicts of one gateway exchange, in the order they were recorded: the input's, then its outputs'. */
  public List<StoredVerdict> ofRequest(String requestId) {
    Objects.requireNonNull(requestId, "requestId");
    return jdbi.withHandle(handle -> handle
        .createQuery("SELECT " + COLUMNS + " FROM verdicts WHERE request_id = :request_id ORDER BY seq")
        .bind("request_id", requestId)
        .map((row, context) -> read(row))
        .list());
  }

  /** Up to {@code limit} verdicts, the most recently recorded first. */
  public List<StoredVerdict> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    return jdbi.withHandle(handle -> handle
        .createQuery("SELECT " + COLUMNS + " FROM verdicts ORDER BY seq DESC LIMIT :limit")
        .bind("limit", limit)
        .map((row, context) -> read(row))
        .list());
  }

  /**
   * The verdicts decided from {@code from} inclusive to {@code to} exclusive, of {@code jurisdiction} (its exact
   * code) when given, in the order they were recorded.
   */
  public List<StoredVerdict> between(Instant from, Instant to, Optional<Jurisdiction> jurisdiction) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    String where = "decided_at >= :from AND decided_at < :to"
        + (jurisdiction.isPresent() ? " AND jurisdiction = :jurisdiction" : "");
    return jdbi.withHandle(handle -> {
      var query = handle.createQuery("SELECT " + COLUMNS + " FROM verdicts WHERE " + where + " ORDER BY seq")
          .bindBySqlType("from", Columns.timestamp(from), Types.OTHER)
          .bindBySqlType("to", Columns.timestamp(to), Types.OTHER);
      jurisdiction.ifPresent(code -> query.bind("jurisdiction", code.code()));
      return query.map((row, context) -> read(row)).list();
    });
  }

  private StoredVerdict read(ResultSet row) throws SQLException {
    return new StoredVerdict(
        DecisionId.parse(row.getString("decision_id")),
        vendor.instant(row, "decided_at"),
        Operation.fromWireName(row.getString("operation")),
        row.getString("tenant"),
        row.getString("actor_id"),
        Tier.fromWireName(row.getString("actor_tier")),
        Jurisdiction.of(row.getString("jurisdiction")),
        Decision.valueOf(row.getString("decision")),
        Columns.strings(row.getString("categories"), "categories"),
        Columns.strings(row.getString("rules"), "rules"),
        Columns.strings(row.getString("legal_basis"), "legal_basis"),
        row.getString("policy_version"),
        row.getString("prompt_sha256"),
        Columns.strings(row.getString("image_sha256s"), "image_sha256s"),
        Optional.ofNullable(row.getString("language")),
        Optional.ofNullable(row.getString("request_id")),
        Optional.ofNullable(row.getString("detectors")).map(json -> Columns.strings(json, "detectors")),
        ledgerIndex(row));
  }

  private static OptionalLong ledgerIndex(ResultSet row) throws SQLException {
    long index = row.getLong("ledger_index");
    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(index);
  }
}
