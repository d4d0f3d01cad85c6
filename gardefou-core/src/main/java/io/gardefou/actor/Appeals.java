package io.gardefou.actor;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Digests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Appeals against decisions: filed by an operator for its user or by the actor, answered by a moderator who
 * upholds or overturns the decision; overturning removes the decision's strike. Each step is recorded in the
 * audit trail (digests of the statement and note, never their text) before it is applied.
 */
public final class Appeals {
  private final AppealStore store;
  private final DecisionLookup decisions;
  private final Standings standings;
  private final AuditTrail audit;
  private final Clock clock;

  public Appeals(AppealStore store, DecisionLookup decisions, Standings standings, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.standings = Objects.requireNonNull(standings, "standings");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Files an appeal of {@code tenant}'s decision. Only refusals and decisions held for review can be appealed;
   * a decision of another tenant is as unknown as one never made.
   */
  public Appeal file(String tenant, DecisionId decisionId, Appeal.FiledBy filedBy, String filer, String statement) {
    String text = checked(statement, "statement");
    DecisionLookup.Recorded decision = decisions.find(decisionId)
        .filter(found -> found.tenant().equals(tenant))
        .orElseThrow(() -> ActorRequestException.notFound("unknown_decision", "no decision " + decisionId + " is recorded"));
    if (decision.decision() == Decision.ALLOW) {
      throw ActorRequestException.conflict("not_appealable", "decision " + decisionId + " allowed the request; only refusals and reviews can be appealed");
    }
    if (store.ofDecision(decisionId).isPresent()) {
      throw ActorRequestException.conflict("appeal_exists", "decision " + decisionId + " was already appealed");
    }
    Instant now = clock.instant();
    Appeal appeal = Appeal.open(UUID.randomUUID(), decisionId, tenant, decision.actor(), filedBy, filer, text, now);
    audit.record(new AuditEvent("appeal.filed", filer, decisionId.toString(), now, Map.of(
        "appeal_id", appeal.id().toString(), "tenant", tenant, "actor", decision.actor(),
        "filed_by", filedBy.wireName(), "statement_sha256", Digests.sha256Hex(text))));
    if (!store.add(appeal)) {
      throw ActorRequestException.conflict("appeal_exists", "decision " + decisionId + " was already appealed");
    }
    return appeal;
  }

  /** Answers an open appeal: {@code overturn} removes the decision's strike, and may lift a suspension it caused. */
  public Appeal decide(String tenant, UUID appealId, boolean overturn, String moderator, String note) {
    String text = checked(note, "note");
    Appeal appeal = store.find(appealId)
        .filter(found -> found.tenant().equals(tenant))
        .orElseThrow(() -> ActorRequestException.notFound("unknown_appeal", "no appeal " + appealId + " is filed"));
    if (appeal.state() != Appeal.State.OPEN) {
      throw ActorRequestException.conflict("appeal_decided", "appeal " + appealId + " was already " + appeal.state().wireName());
    }
    Instant now = clock.instant();
    Appeal decided = appeal.decided(overturn ? Appeal.State.OVERTURNED : Appeal.State.UPHELD, moderator, text, now);
    audit.record(new AuditEvent(overturn ? "appeal.overturned" : "appeal.upheld", moderator,
        appeal.decisionId().toString(), now, Map.of(
            "appeal_id", appeal.id().toString(), "tenant", tenant, "actor", appeal.pseudonym(),
            "note_sha256", Digests.sha256Hex(text))));
    if (!store.decide(decided)) {
      throw ActorRequestException.conflict("appeal_decided", "appeal " + appealId + " was answered meanwhile");
    }
    if (overturn) {
      standings.overturned(tenant, appeal.pseudonym(), appeal.decisionId(), appeal.id().toString());
    }
    return decided;
  }

  /** Up to {@code limit} of the tenant's appeals in {@code state}, oldest first. */
  public List<Appeal> inState(String tenant, Appeal.State state, int limit) {
    if (limit < 1) {
      throw ActorRequestException.invalid("invalid_limit", "limit must be positive, was " + limit);
    }
    return store.inState(tenant, state, limit);
  }

  private static String checked(String text, String what) {
    if (text == null || text.isBlank()) {
      throw ActorRequestException.invalid("missing_" + what, "a " + what + " is required");
    }
    String stripped = text.strip();
    if (stripped.length() > Appeal.MAX_STATEMENT) {
      throw ActorRequestException.invalid(what + "_too_long",
          "the " + what + " has " + stripped.length() + " characters; at most " + Appeal.MAX_STATEMENT);
    }
    return stripped;
  }
}
