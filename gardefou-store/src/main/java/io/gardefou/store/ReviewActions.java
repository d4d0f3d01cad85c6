package io.gardefou.store;

import io.gardefou.model.DecisionId;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** What moderators did with REVIEW verdicts, in the {@code review_actions} table (migration V10). */
public final class ReviewActions {
  /** A recorded action: {@code upheld}, {@code overturned} or {@code escalated}, and its ledger entry. */
  public record Action(DecisionId decisionId, String action, String by, Instant at, long ledgerIndex) {
    public Action {
      Objects.requireNonNull(decisionId, "decisionId");
      if (!Set.of("upheld", "overturned", "escalated").contains(action)) {
        throw new IllegalArgumentException("a review action is upheld, overturned or escalated, was " + action);
      }
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }

    /** Upheld or overturned: the verdict leaves the queue. */
    public boolean closes() {
      return !action.equals("escalated");
    }
  }

  private final Jdbi jdbi;
  private final Vendor vendor;

  ReviewActions(Jdbi jdbi, Vendor vendor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  public void add(Action action) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO review_actions (decision_id, action, acted_by, acted_at, ledger_index)
            VALUES (:decision_id, :action, :by, :at, :ledger_index)""")
        .bindBySqlType("decision_id", action.decisionId().toString(), Types.OTHER)
        .bind("action", action.action())
        .bind("by", action.by())
        .bindBySqlType("at", Columns.timestamp(action.at()), Types.OTHER)
        .bind("ledger_index", action.ledgerIndex())
        .execute());
  }

  /** Every action on a decision, oldest first. */
  public List<Action> of(DecisionId decisionId) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            SELECT decision_id, action, acted_by, acted_at, ledger_index FROM review_actions
            WHERE decision_id = :decision_id ORDER BY acted_at""")
        .bindBySqlType("decision_id", decisionId.toString(), Types.OTHER)
        .map((row, context) -> new Action(DecisionId.parse(row.getString("decision_id")), row.getString("action"),
            row.getString("acted_by"), vendor.instant(row, "acted_at"), row.getLong("ledger_index")))
        .list());
  }
}
