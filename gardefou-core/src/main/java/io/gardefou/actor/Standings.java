package io.gardefou.actor;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Digests;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Precheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Actors' standing: refuses suspended and banned actors before detectors run, strikes an actor for each
 * refusal it authored and suspends it when the decayed score reaches the threshold, and lets moderators
 * suspend, ban and reinstate. Every change of status is recorded in the audit trail before it is applied.
 *
 * <p>Only pseudonymous actors have a standing: the anonymous actor stands for many people, so striking it
 * would suspend them all.
 */
public final class Standings implements Precheck {
  /** The {@code by} of acts nobody ordered: a suspension at the threshold, a reinstatement after an appeal. */
  public static final String SYSTEM = "system";
  /** The pack named by the refusals of actors' standing, as {@code id@version}. */
  public static final String PACK = "actors@1";
  static final String AUTOMATIC_SUSPENSION_BASIS =
      "Regulation (EU) 2022/2065 (Digital Services Act) Art. 23(1): suspension, for a reasonable period, of "
          + "recipients who frequently provide manifestly illegal content";
  static final String ACCOUNT_RESTRICTION_BASIS =
      "Regulation (EU) 2022/2065 (Digital Services Act) Art. 17(1)(d): suspension or termination of the "
          + "recipient's account, with a statement of reasons";
  static final String TERMS_BASIS = "Operator's terms of service: conduct of the account holder";

  private final ActorStore store;
  private final StrikeRules rules;
  private final AuditTrail audit;
  private final Clock clock;

  public Standings(ActorStore store, StrikeRules rules, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public StrikeRules rules() {
    return rules;
  }

  /** Refuses a request whose actor is suspended or banned at {@code now}; one store read, no detector. */
  @Override
  public Optional<Verdict> check(ScreeningRequest request, DecisionId decisionId, Instant now, String policyVersion) {
    if (!Pseudonyms.isPseudonym(request.actor().id())) {
      return Optional.empty();
    }
    return store.find(request.tenant(), request.actor().id())
        .flatMap(standing -> refusal(standing, decisionId, now, policyVersion));
  }

  /** The refusal a standing calls for at {@code now}, if any: pure, the rule and legal basis included. */
  public static Optional<Verdict> refusal(Standing standing, DecisionId decisionId, Instant now, String policyVersion) {
    Status status = standing.statusAt(now);
    if (status == Status.ACTIVE) {
      return Optional.empty();
    }
    boolean automatic = standing.statusBy().filter(SYSTEM::equals).isPresent();
    List<String> basis = status == Status.SUSPENDED && automatic
        ? List.of(AUTOMATIC_SUSPENSION_BASIS, TERMS_BASIS)
        : List.of(ACCOUNT_RESTRICTION_BASIS, TERMS_BASIS);
    String why = standing.reason().orElse("no reason given");
    String reason = status == Status.BANNED
        ? "the actor is banned until a moderator lifts the ban: " + why
        : "the actor is suspended until " + standing.until().map(Instant::toString).orElse("a moderator lifts it")
            + ": " + why;
    RuleHit hit = new RuleHit(
        status == Status.BANNED ? "actor-banned" : "actor-suspended", Decision.REFUSE, List.of(), basis, PACK, reason);
    return Optional.of(new Verdict(Decision.REFUSE, Set.of(), List.of(hit), basis, List.of(), policyVersion,
        decisionId, now, Signals.empty()));
  }

  /**
   * Strikes the actor for a recorded refusal it authored, and suspends it when its score reaches the threshold.
   * Output screenings give no strike (the model made the image, not the actor), and neither does a category
   * refused only because a detector failed: a fault of ours is no mark against anyone.
   */
  public void strike(ScreeningRequest request, Verdict verdict) {
    if (verdict.decision() != Decision.REFUSE || request.operation() == Operation.OUTPUT
        || !Pseudonyms.isPseudonym(request.actor().id())) {
      return;
    }
    Set<Category> refusedFor = EnumSet.noneOf(Category.class);
    for (RuleHit hit : verdict.ruleHits()) {
      if (hit.action() == Decision.REFUSE) {
        refusedFor.addAll(hit.categories());
      }
    }
    refusedFor.retainAll(verdict.categories());
    refusedFor.removeAll(verdict.signals().unknown());
    Optional<Category> category = rules.heaviest(refusedFor);
    if (category.isEmpty()) {
      return;
    }
    strike(request, new Strike(verdict.decisionId(), category.get(), rules.weight(category.get()), verdict.decidedAt()));
  }

  // One strike at a time in this process, so that two refusals together suspend once.
  private synchronized void strike(ScreeningRequest request, Strike strike) {
    String tenant = request.tenant();
    String pseudonym = request.actor().id();
    Standing standing = store.find(tenant, pseudonym)
        .map(known -> known.withTier(request.actor().tier()))
        .orElseGet(() -> Standing.fresh(pseudonym, tenant, request.actor().tier()));
    store.save(standing);
    if (!store.addStrike(tenant, pseudonym, strike)) {
      return;
    }
    Instant now = clock.instant();
    // Scored as at the refusal, not some milliseconds of screening later, so that a strike of exactly the
    // threshold's weight suspends.
    double score = rules.score(store.strikes(tenant, pseudonym), strike.at());
    if (standing.statusAt(now) == Status.ACTIVE && rules.suspends(score)) {
      String reason = String.format(java.util.Locale.ROOT,
          "strike score %.2f reached the threshold %.2f (last strike: %s, decision %s)",
          score, rules.threshold(), strike.category().wireName(), strike.decisionId());
      Instant until = now.plus(rules.suspension());
      record("actor.suspended", SYSTEM, standing, now, Map.of(
          "reason", reason, "until", until.toString(), "decision_id", strike.decisionId().toString()));
      store.save(standing.with(Status.SUSPENDED, Optional.of(until), Optional.of(reason), Optional.of(SYSTEM)));
    }
  }

  /** Suspends the actor for {@code period}, or the rules' suspension period when empty. */
  public synchronized Standing suspend(String tenant, String pseudonym, String by, String reason, Optional<Duration> period) {
    Instant now = clock.instant();
    Duration length = period.orElse(rules.suspension());
    if (length.isNegative() || length.isZero()) {
      throw ActorRequestException.invalid("invalid_period", "a suspension period must be positive, was " + length);
    }
    Standing standing = standingForChange(tenant, pseudonym);
    if (standing.statusAt(now) == Status.BANNED) {
      throw ActorRequestException.conflict("actor_banned", "the actor is banned; reinstate it before suspending it");
    }
    Instant until = now.plus(length);
    record("actor.suspended", by, standing, now, Map.of("reason_sha256", Digests.sha256Hex(reason), "until", until.toString()));
    return save(standing.with(Status.SUSPENDED, Optional.of(until), Optional.of(reason), Optional.of(by)));
  }

  /** Bans the actor until a moderator reinstates it. */
  public synchronized Standing ban(String tenant, String pseudonym, String by, String reason) {
    Instant now = clock.instant();
    Standing standing = standingForChange(tenant, pseudonym);
    record("actor.banned", by, standing, now, Map.of("reason_sha256", Digests.sha256Hex(reason)));
    return save(standing.with(Status.BANNED, Optional.empty(), Optional.of(reason), Optional.of(by)));
  }

  /** Lifts a suspension or a ban. Strikes stay: they fade with time, or go when an appeal overturns them. */
  public synchronized Standing reinstate(String tenant, String pseudonym, String by, String reason) {
    Instant now = clock.instant();
    Standing standing = store.find(tenant, pseudonym)
        .orElseThrow(() -> ActorRequestException.notFound("unknown_actor", "no actor " + pseudonym + " is known"));
    if (standing.statusAt(now) == Status.ACTIVE) {
      throw ActorRequestException.conflict("actor_active", "the actor is neither suspended nor banned");
    }
    record("actor.reinstated", by, standing, now, Map.of("reason_sha256", Digests.sha256Hex(reason)));
    return save(standing.with(Status.ACTIVE, Optional.empty(), Optional.empty(), Optional.of(by)));
  }

  /** Records how far the operator has verified the actor. */
  public synchronized Standing verify(String tenant, String pseudonym, String by, Verification verification) {
    Standing standing = standingForChange(tenant, pseudonym);
    record("actor.verification", by, standing, clock.instant(), Map.of("verification", verification.wireName()));
    return save(standing.withVerification(verification));
  }

  /**
   * Removes the strike an overturned decision gave; lifts a suspension at the threshold that the remaining
   * strikes no longer reach. A moderator's own suspension or ban stays until a moderator lifts it.
   */
  synchronized void overturned(String tenant, String pseudonym, DecisionId decisionId, String appealId) {
    if (!store.removeStrike(tenant, decisionId)) {
      return;
    }
    Optional<Standing> found = store.find(tenant, pseudonym);
    if (found.isEmpty()) {
      return;
    }
    Standing standing = found.get();
    Instant now = clock.instant();
    boolean automatic = standing.statusBy().filter(SYSTEM::equals).isPresent();
    if (standing.statusAt(now) == Status.SUSPENDED && automatic
        && !rules.suspends(rules.score(store.strikes(tenant, pseudonym), now))) {
      record("actor.reinstated", SYSTEM, standing, now, Map.of(
          "reason", "appeal overturned decision " + decisionId + "; the score is below the threshold",
          "appeal_id", appealId));
      save(standing.with(Status.ACTIVE, Optional.empty(), Optional.empty(), Optional.of(SYSTEM)));
    }
  }

  /** The actor's standing, if it has one. */
  public Optional<Standing> find(String tenant, String pseudonym) {
    return store.find(tenant, pseudonym);
  }

  /** The actor's strikes, oldest first. */
  public List<Strike> strikes(String tenant, String pseudonym) {
    return store.strikes(tenant, pseudonym);
  }

  /** The actor's decayed strike score now. */
  public double score(String tenant, String pseudonym) {
    return rules.score(store.strikes(tenant, pseudonym), clock.instant());
  }

  private Standing standingForChange(String tenant, String pseudonym) {
    if (!Pseudonyms.isPseudonym(pseudonym)) {
      throw ActorRequestException.invalid("invalid_actor", "'" + pseudonym + "' is not an actor pseudonym (act_ and 32 hex digits)");
    }
    return store.find(tenant, pseudonym).orElseGet(() -> Standing.fresh(pseudonym, tenant, io.gardefou.model.Tier.ANONYMOUS));
  }

  private Standing save(Standing standing) {
    store.save(standing);
    return standing;
  }

  // Recorded before the change is applied: an act the trail cannot hold is not done.
  private void record(String kind, String by, Standing standing, Instant at, Map<String, String> details) {
    Map<String, String> all = new HashMap<>(details);
    all.put("tenant", standing.tenant());
    audit.record(new AuditEvent(kind, by, standing.pseudonym(), at, all));
  }
}
