package io.gardefou.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gardefou.actor.ActorFakes.CountingDetector;
import io.gardefou.actor.ActorFakes.MutableClock;
import io.gardefou.actor.ActorFakes.RecordingLog;
import io.gardefou.actor.ActorFakes.RecordingTrail;
import io.gardefou.audit.AuditEvent;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandingsTest {
  private static final String TENANT = "default";
  private static final Pseudonyms PSEUDONYMS = Pseudonyms.withKey(new byte[Pseudonyms.KEY_BYTES]);
  private static final Actor ALICE = Actor.of(PSEUDONYMS.of(TENANT, "alice"), Tier.REGISTERED);
  private static final Actor BOB = Actor.of(PSEUDONYMS.of(TENANT, "bob"), Tier.REGISTERED);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final RecordingTrail trail = new RecordingTrail();
  private final RecordingLog log = new RecordingLog();
  private final CountingDetector detector = new CountingDetector();
  private final InMemoryActorStore store = new InMemoryActorStore();
  private final Standings standings = new Standings(store, StrikeRules.defaults(), trail, clock);
  private final Appeals appeals = new Appeals(new InMemoryAppealStore(), log, standings, trail, clock);
  private final Screener screener = Screener.builder()
      .detector(detector)
      .policy(PolicyPacks.bundled())
      .precheck(standings)
      .log(new StrikingVerdictLog(log, standings))
      .clock(clock)
      .build();

  @AfterEach
  void close() {
    screener.close();
  }

  @Test
  void strikesAccumulateByWeightAndDecayWithTheHalfLife() {
    screen(ALICE, Operation.GENERATE, "flag: sexual/non-consensual");
    clock.advance(Duration.ofDays(1));
    screen(ALICE, Operation.GENERATE, "flag: sexual");

    assertThat(standings.strikes(TENANT, ALICE.id()))
        .extracting(Strike::category)
        .containsExactly(Category.SEXUAL_NON_CONSENSUAL, Category.SEXUAL);
    assertThat(standings.score(TENANT, ALICE.id())).isCloseTo(5 * Math.pow(0.5, 1 / 30.0) + 1, within(1e-9));
    clock.advance(Duration.ofDays(30));
    assertThat(standings.score(TENANT, ALICE.id())).isCloseTo((5 * Math.pow(0.5, 1 / 30.0) + 1) / 2, within(1e-9));
    assertThat(standings.find(TENANT, ALICE.id()).orElseThrow().status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void refusesSuspendedActorBeforeDetectors() {
    Verdict struck = screen(ALICE, Operation.GENERATE, "flag: sexual/minors");
    assertThat(struck.decision()).isEqualTo(Decision.REFUSE);
    assertThat(trail.kinds()).containsExactly("actor.suspended");
    int callsBefore = detector.calls.get();

    Verdict refused = screen(ALICE, Operation.GENERATE, "a lighthouse at dusk");

    assertThat(detector.calls.get()).as("detectors run for a suspended actor").isEqualTo(callsBefore);
    assertThat(refused.decision()).isEqualTo(Decision.REFUSE);
    assertThat(refused.ruleNames()).containsExactly("actor-suspended");
    assertThat(refused.ruleHits().getFirst().reason()).contains("suspended until 2026-03-31").contains("threshold");
    assertThat(refused.legalBasis()).anyMatch(basis -> basis.contains("Art. 23(1)"));
    assertThat(log.verdicts).containsKey(refused.decisionId()); // recorded like any verdict
    assertThat(standings.strikes(TENANT, ALICE.id())).hasSize(1); // a refusal for standing gives no strike
    assertThat(screen(BOB, Operation.GENERATE, "a lighthouse at dusk").decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aStrikeOfTheThresholdsWeightSuspendsThoughScreeningTakesTime() {
    ActorFakes.TickingClock ticking = new ActorFakes.TickingClock(Instant.parse("2026-03-01T00:00:00Z"), Duration.ofSeconds(1));
    Standings slow = new Standings(new InMemoryActorStore(), StrikeRules.defaults(), trail, ticking);
    try (Screener screening = Screener.builder().detector(detector).policy(PolicyPacks.bundled()).precheck(slow)
        .log(new StrikingVerdictLog(log, slow)).clock(ticking).build()) {
      screening.screen(request(ALICE, Operation.GENERATE, "flag: sexual/minors"));

      assertThat(screening.screen(request(ALICE, Operation.GENERATE, "a lighthouse")).ruleNames())
          .containsExactly("actor-suspended");
    }
  }

  @Test
  void aSuspensionAtTheThresholdEndsAfterItsPeriod() {
    screen(ALICE, Operation.GENERATE, "flag: sexual/minors");
    clock.advance(Duration.ofDays(30));

    assertThat(screen(ALICE, Operation.GENERATE, "a lighthouse at dusk").decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aBanHoldsUntilAModeratorReinstates() {
    standings.ban(TENANT, ALICE.id(), "key-mod", "repeated evasion");
    clock.advance(Duration.ofDays(3650));

    Verdict banned = screen(ALICE, Operation.EDIT, "a lighthouse at dusk");
    assertThat(banned.ruleNames()).containsExactly("actor-banned");
    assertThat(banned.legalBasis()).anyMatch(basis -> basis.contains("Art. 17(1)(d)"));
    assertThat(detector.calls.get()).isZero();

    standings.reinstate(TENANT, ALICE.id(), "key-mod", "agreed to the terms again");
    assertThat(screen(ALICE, Operation.EDIT, "a lighthouse at dusk").decision()).isEqualTo(Decision.ALLOW);
    assertThat(trail.events).extracting(AuditEvent::kind, AuditEvent::by, AuditEvent::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("actor.banned", "key-mod", ALICE.id()),
        org.assertj.core.groups.Tuple.tuple("actor.reinstated", "key-mod", ALICE.id()));
    assertThat(trail.events.getFirst().details()).containsKey("reason_sha256").doesNotContainValue("repeated evasion");
  }

  @Test
  void aModeratorsSuspensionLastsThePeriodGiven() {
    standings.suspend(TENANT, ALICE.id(), "key-mod", "cooling off", Optional.of(Duration.ofDays(2)));

    assertThat(screen(ALICE, Operation.GENERATE, "a lighthouse").ruleNames()).containsExactly("actor-suspended");
    clock.advance(Duration.ofDays(2));
    assertThat(screen(ALICE, Operation.GENERATE, "a lighthouse").decision()).isEqualTo(Decision.ALLOW);
    assertThatThrownBy(() -> standings.reinstate(TENANT, ALICE.id(), "key-mod", "again"))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("actor_active"));
  }

  @Test
  void outputsFailuresAndTheAnonymousActorGiveNoStrike() {
    screen(ALICE, Operation.OUTPUT, "flag: sexual/minors");
    screen(Actor.anonymous(), Operation.GENERATE, "flag: sexual/minors");
    Screener failing = Screener.builder()
        .detector(new io.gardefou.screen.Detector() {
          @Override public String name() { return "broken"; }
          @Override public java.util.Set<Category> covers() { return java.util.Set.of(Category.SEXUAL_MINORS); }
          @Override public boolean appliesTo(ScreeningRequest request) { return true; }
          @Override public io.gardefou.model.Signals detect(ScreeningRequest request) { throw new IllegalStateException("down"); }
        })
        .policy(PolicyPacks.bundled()).precheck(standings).log(new StrikingVerdictLog(log, standings)).clock(clock).build();
    try (failing) {
      assertThat(failing.screen(request(ALICE, Operation.GENERATE, "a lighthouse")).decision()).isEqualTo(Decision.REFUSE);
    }

    assertThat(standings.strikes(TENANT, ALICE.id())).isEmpty();
    assertThat(store.find(TENANT, Actor.anonymous().id())).isEmpty();
    assertThat(trail.events).isEmpty();
  }

  @Test
  void overturningAnAppealRemovesTheStrikeAndLiftsTheSuspensionItCaused() {
    Verdict struck = screen(ALICE, Operation.GENERATE, "flag: sexual/minors");

    Appeal filed = appeals.file(TENANT, struck.decisionId(), Appeal.FiledBy.OPERATOR, "key-op", "it was a pediatric dosage question");
    assertThat(appeals.inState(TENANT, Appeal.State.OPEN, 10)).containsExactly(filed);
    assertThat(filed.pseudonym()).isEqualTo(ALICE.id());
    Appeal decided = appeals.decide(TENANT, filed.id(), true, "key-mod", "medical context");

    assertThat(decided.state()).isEqualTo(Appeal.State.OVERTURNED);
    assertThat(standings.strikes(TENANT, ALICE.id())).isEmpty();
    assertThat(screen(ALICE, Operation.GENERATE, "a lighthouse").decision()).isEqualTo(Decision.ALLOW);
    assertThat(trail.kinds())
        .containsExactly("actor.suspended", "appeal.filed", "appeal.overturned", "actor.reinstated");
    AuditEvent filing = trail.events.get(1);
    assertThat(filing.subject()).isEqualTo(struck.decisionId().toString());
    assertThat(filing.by()).isEqualTo("key-op");
    assertThat(filing.details()).containsEntry("actor", ALICE.id()).containsKey("statement_sha256")
        .doesNotContainValue("it was a pediatric dosage question");
    assertThat(trail.events.get(3).by()).isEqualTo(Standings.SYSTEM);
  }

  @Test
  void upholdingKeepsTheStrikeAndAnAnswerIsFinal() {
    Verdict struck = screen(ALICE, Operation.GENERATE, "flag: sexual");
    Appeal filed = appeals.file(TENANT, struck.decisionId(), Appeal.FiledBy.ACTOR, "key-op", "art");

    appeals.decide(TENANT, filed.id(), false, "key-mod", "policy applies");

    assertThat(standings.strikes(TENANT, ALICE.id())).hasSize(1);
    assertThat(trail.kinds()).containsExactly("appeal.filed", "appeal.upheld");
    assertThatThrownBy(() -> appeals.decide(TENANT, filed.id(), true, "key-mod", "changed my mind"))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("appeal_decided"));
    assertThatThrownBy(() -> appeals.file(TENANT, struck.decisionId(), Appeal.FiledBy.ACTOR, "key-op", "again"))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("appeal_exists"));
  }

  @Test
  void onlyTheTenantsOwnRefusalsCanBeAppealed() {
    Verdict allowed = screen(ALICE, Operation.GENERATE, "a lighthouse");
    Verdict refused = screen(ALICE, Operation.GENERATE, "flag: sexual");

    assertThatThrownBy(() -> appeals.file(TENANT, allowed.decisionId(), Appeal.FiledBy.ACTOR, "k", "why"))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("not_appealable"));
    assertThatThrownBy(() -> appeals.file("other", refused.decisionId(), Appeal.FiledBy.ACTOR, "k", "why"))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("unknown_decision"));
    assertThatThrownBy(() -> appeals.file(TENANT, refused.decisionId(), Appeal.FiledBy.ACTOR, "k", "x".repeat(2_001)))
        .isInstanceOfSatisfying(ActorRequestException.class, e -> assertThat(e.code()).isEqualTo("statement_too_long"));
    assertThat(trail.events).isEmpty();
  }

  @Test
  void anActIsNotAppliedWhenTheTrailCannotRecordIt() {
    Standings unrecorded = new Standings(store, StrikeRules.defaults(), event -> {
      throw new IllegalStateException("ledger down");
    }, clock);

    assertThatThrownBy(() -> unrecorded.ban(TENANT, ALICE.id(), "key-mod", "x")).hasMessageContaining("ledger down");
    assertThat(store.find(TENANT, ALICE.id())).isEmpty();
  }

  private Verdict screen(Actor actor, Operation operation, String prompt) {
    return screener.screen(request(actor, operation, prompt));
  }

  private static ScreeningRequest request(Actor actor, Operation operation, String prompt) {
    return new ScreeningRequest(operation, prompt, List.of(), actor, Jurisdiction.global(), TENANT);
  }
}
