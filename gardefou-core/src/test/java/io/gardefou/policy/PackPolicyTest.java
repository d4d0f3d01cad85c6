package io.gardefou.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Obligation;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final ScreeningRequest REQUEST = ScreeningRequest.ofText(Operation.EDIT, "…");
  private static final PackPolicy POLICY = PolicyPacks.bundled();

  @Test
  void refusesSexualMinorsWithItsLegalBasisAndPack() {
    Verdict verdict = decide(REQUEST, minors());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.categories()).containsExactly(Category.SEXUAL_MINORS);
    assertThat(verdict.ruleNames()).containsExactly("refuse-sexual-minors");
    RuleHit hit = verdict.ruleHits().getFirst();
    assertThat(hit.pack()).isEqualTo("global@2026.07.0");
    assertThat(hit.reason()).isNotBlank();
    assertThat(verdict.legalBasis()).anySatisfy(basis -> assertThat(basis).contains("18 U.S.C. 2256"));
    assertThat(verdict.policyVersion()).startsWith("global@2026.07.0#");
  }

  @Test
  void refusesNonConsensualSexualImageryOfARealPerson() {
    Verdict verdict = decide(REQUEST, Signals.from("t").score(Category.SEXUAL_NON_CONSENSUAL, 0.8, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactly("refuse-sexual-non-consensual");
  }

  @Test
  void scoresBelowTheThresholdAreNotFlagged() {
    Verdict verdict = decide(REQUEST, Signals.from("t").score(Category.SEXUAL_MINORS, 0.49, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
    assertThat(verdict.categories()).isEmpty();
  }

  @Test
  void sendsOtherFlaggedHarmsToReview() {
    Verdict verdict = decide(REQUEST, Signals.from("t").score(Category.VIOLENCE_GRAPHIC, 0.7, List.of()).build());

    assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
    assertThat(verdict.ruleNames()).containsExactly("review-violence-graphic");
  }

  @Test
  void theStrictestRuleDecides() {
    Verdict verdict = decide(REQUEST, Signals.from("t")
        .score(Category.VIOLENCE, 0.7, List.of())
        .score(Category.SEXUAL_NON_CONSENSUAL, 0.9, List.of())
        .build());

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactlyInAnyOrder("review-violence", "refuse-sexual-non-consensual");
  }

  @Test
  void unknownProtectedCategoryFailsClosed() {
    Signals failed = Signals.failed(new DetectorFailure(
        "image", DetectorFailure.Kind.TIMEOUT, "late", Set.of(Category.SEXUAL_NON_CONSENSUAL)));

    Verdict verdict = decide(REQUEST, failed);

    assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
    assertThat(verdict.ruleNames()).containsExactly("fail-closed");
    assertThat(verdict.ruleHits().getFirst().categories()).containsExactly(Category.SEXUAL_NON_CONSENSUAL);
    assertThat(verdict.categories()).containsExactly(Category.SEXUAL_NON_CONSENSUAL);
  }

  @Test
  void franceAppliesGlobalThenEuThenFranceAndAccumulatesTheirObligations() {
    ScreeningRequest inFrance = REQUEST.withJurisdiction(Jurisdiction.of("FR"));

    Verdict verdict = decide(inFrance, minors());

    assertThat(POLICY.applicable(Jurisdiction.of("FR"))).extracting(Pack::id).containsExactly("global", "EU", "FR");
    assertThat(verdict.ruleHits()).extracting(RuleHit::qualifiedName).containsExactly(
        "global@2026.07.0/refuse-sexual-minors", "EU@2026.07.0/refuse-sexual-minors", "FR@2026.07.0/refuse-sexual-minors");
    assertThat(verdict.obligations()).extracting(Obligation::name)
        .containsExactly("report-threat-to-life-or-safety", "report-pharos");
    assertThat(verdict.policyVersion()).startsWith("global@2026.07.0+EU@2026.07.0+FR@2026.07.0#");
  }

  @Test
  void indonesiaRefusesAdultContentThatTheUnitedStatesAllowsForAVerifiedAdult() {
    PackPolicy optedIn = POLICY.withTenants(List.of(new TenantSettings("studio", true, Jurisdiction.global())));
    ScreeningRequest adult = new ScreeningRequest(Operation.GENERATE, "…", List.of(),
        Actor.of("u1", Tier.VERIFIED_ADULT), Jurisdiction.global(), "studio");
    Signals sexual = Signals.from("t").score(Category.SEXUAL, 0.9, List.of()).build();

    Verdict inIndonesia = optedIn.decide(adult.withJurisdiction(Jurisdiction.of("ID")), sexual, DecisionId.generate(NOW), NOW);
    Verdict inUs = optedIn.decide(adult.withJurisdiction(Jurisdiction.of("US")), sexual, DecisionId.generate(NOW), NOW);

    assertThat(inIndonesia.decision()).isEqualTo(Decision.REFUSE);
    assertThat(inIndonesia.ruleNames()).containsExactly("refuse-sexual-content");
    assertThat(inIndonesia.legalBasis()).anySatisfy(basis -> assertThat(basis).startsWith("UU 44/2008"));
    assertThat(inUs.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void sexualMinorsIsRefusedInEveryPackWithThatPacksOwnLegalBasis() {
    for (Pack pack : POLICY.packs().values()) {
      String place = pack.isGlobal() ? "global" : pack.id().equals("EU") ? "DE" : pack.id();
      Verdict verdict = decide(REQUEST.withJurisdiction(Jurisdiction.of(place)), minors());

      assertThat(verdict.decision()).as(pack.id()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleHits()).as(pack.id())
          .anySatisfy(hit -> {
            assertThat(hit.pack()).isEqualTo(pack.ref());
            assertThat(hit.categories()).contains(Category.SEXUAL_MINORS);
            assertThat(hit.legalBasis()).isNotEmpty();
          });
    }
  }

  @Test
  void aGateRefusesBeforeDetectorsAndAVerifiedAdultPassesIt() {
    ScreeningRequest anonymousEdit = REQUEST.withJurisdiction(Jurisdiction.of("GB"));

    Optional<Verdict> gated = POLICY.precheck(anonymousEdit, DecisionId.generate(NOW), NOW);
    Optional<Verdict> passed = POLICY.precheck(
        anonymousEdit.withActor(Actor.of("u1", Tier.VERIFIED_ADULT)), DecisionId.generate(NOW), NOW);

    assertThat(gated).hasValueSatisfying(verdict -> {
      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleHits()).extracting(RuleHit::qualifiedName).containsExactly("GB@2026.07.0/edit-needs-verified-adult");
      assertThat(verdict.legalBasis()).isNotEmpty();
    });
    assertThat(passed).isEmpty();
  }

  @Test
  void obligationsCarryDeadlinesAsDurations() {
    PackPolicy optedIn = POLICY.withTenants(List.of(new TenantSettings("studio", true, Jurisdiction.global())));
    ScreeningRequest adult = new ScreeningRequest(Operation.GENERATE, "…", List.of(),
        Actor.of("u1", Tier.VERIFIED_ADULT), Jurisdiction.of("US"), "studio");

    Verdict verdict = optedIn.decide(adult, Signals.from("t").score(Category.SEXUAL, 0.9, List.of()).build(),
        DecisionId.generate(NOW), NOW);

    assertThat(verdict.obligations()).singleElement().satisfies(duty -> {
      assertThat(duty.kind()).isEqualTo(Obligation.Kind.TAKEDOWN);
      assertThat(duty.deadline()).contains(Duration.ofHours(48));
      assertThat(duty.pack()).isEqualTo("US@2026.07.0");
    });
  }

  @Test
  void aPaidButUnverifiedActorCannotEditPhotosWhereAPackGatesItOnAge() {
    Trace trace = POLICY.explain(REQUEST.withJurisdiction(Jurisdiction.of("ID")).withActor(Actor.of("u", Tier.PAID)),
        minors(), NOW);

    assertThat(trace.verdict().decision()).isEqualTo(Decision.REFUSE);
    assertThat(trace.steps()).filteredOn(s -> s.outcome() == Trace.Outcome.FIRED).extracting(Trace.Step::id)
        .containsExactly("edit-needs-verified-adult");
  }

  @Test
  void explainTracesEveryRuleOfEveryApplicablePack() {
    Trace trace = POLICY.explain(
        REQUEST.withJurisdiction(Jurisdiction.of("ID")).withActor(Actor.of("u", Tier.VERIFIED_ADULT)), minors(), NOW);

    assertThat(trace.packs()).containsExactly("global@2026.07.0", "ID@2026.07.0");
    int entries = POLICY.applicable(Jurisdiction.of("ID")).stream()
        .mapToInt(p -> p.rules().size() + p.featureGates().size() + p.serviceBlocks().size() + p.obligations().size()).sum();
    assertThat(trace.steps()).hasSize(entries);
    assertThat(trace.steps()).filteredOn(s -> s.outcome() == Trace.Outcome.FIRED).extracting(Trace.Step::id)
        .contains("refuse-sexual-minors", "report-csam");
    assertThat(trace.verdict().decision()).isEqualTo(Decision.REFUSE);
  }

  @Test
  void isPure() {
    Signals signals = Signals.from("t").score(Category.SEXUAL, 0.6, List.of()).build();
    DecisionId id = DecisionId.generate(NOW);

    assertThat(POLICY.decide(REQUEST, signals, id, NOW)).isEqualTo(POLICY.decide(REQUEST, signals, id, NOW));
  }

  private static Signals minors() {
    return Signals.from("t").score(Category.SEXUAL_MINORS, 0.9, List.of()).build();
  }

  private static Verdict decide(ScreeningRequest request, Signals signals) {
    return POLICY.decide(request, signals, DecisionId.generate(NOW), NOW);
  }
}
