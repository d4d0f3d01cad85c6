package io.gardefou.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final ScreeningRequest REQUEST = new ScreeningRequest(Operation.EDIT, "a lighthouse",
      List.of(InputImage.of("a.png", "png bytes".getBytes(StandardCharsets.UTF_8))),
      Actor.of("user-7", Tier.VERIFIED_ADULT), Jurisdiction.of("FR"), "tenant-a", JurisdictionSource.HEADER);
  private static final Instant AT = Instant.parse("2026-07-01T10:00:00Z");
  private static final DecisionId ID = DecisionId.generate(AT);

  /** Refuses sexual content scored at or above a threshold, for verified adults too; refuses when it is unknown. */
  private record Threshold(String version, double threshold) implements Policy {
    @Override
    public Verdict decide(ScreeningRequest request, Signals signals, DecisionId decisionId, Instant now) {
      boolean refuse = signals.score(Category.SEXUAL) >= threshold || signals.unknown().contains(Category.SEXUAL);
      List<RuleHit> hits = refuse
          ? List.of(new RuleHit("refuse-sexual", Decision.REFUSE, List.of(Category.SEXUAL), List.of("ToS 4"), "test@1", ""))
          : List.of();
      return new Verdict(refuse ? Decision.REFUSE : Decision.ALLOW, refuse ? Set.of(Category.SEXUAL) : Set.of(), hits,
          refuse ? List.of("ToS 4") : List.of(), List.of(), version, decisionId, now, signals);
    }
  }

  private static byte[] recorded(Policy policy, Signals signals) {
    return DecisionRecord.of(REQUEST, policy.decide(REQUEST, signals, ID, AT)).canonicalJson();
  }

  private static Signals scored(double sexual) {
    return Signals.from("nudity").score(Category.SEXUAL, sexual, List.of()).fact("language", "en").build();
  }

  @Test
  void theSamePolicyOnTheRecordedSignalsDecidesTheSame() {
    Policy policy = new Threshold("packs#1", 0.8);

    assertThat(Replay.replay(3, recorded(policy, scored(0.81)), policy)).isEqualTo(new Replay.Same(3, ID.toString()));
    assertThat(Replay.replay(4, recorded(policy, scored(0.79)), policy)).isEqualTo(new Replay.Same(4, ID.toString()));
    Signals failed = Signals.failed(new DetectorFailure("nudity", DetectorFailure.Kind.TIMEOUT, "late", Set.of(Category.SEXUAL)));
    assertThat(Replay.replay(5, recorded(policy, failed), policy)).isInstanceOf(Replay.Same.class);
  }

  @Test
  void namesWhatDiffersWhenThePolicyNoLongerDecidesTheSame() {
    byte[] entry = recorded(new Threshold("packs#1", 0.8), scored(0.85));

    Replay.Outcome outcome = Replay.replay(7, entry, new Threshold("packs#1", 0.9)); // same version, other rules

    assertThat(outcome).isInstanceOf(Replay.Different.class);
    assertThat(((Replay.Different) outcome).differences())
        .anySatisfy(line -> assertThat(line).startsWith("decision: recorded \"REFUSE\", now \"ALLOW\""))
        .anySatisfy(line -> assertThat(line).startsWith("rules:"));
  }

  @Test
  void skipsAnotherPolicyVersionAnAuditEventAndAFormatWithoutSignals() {
    byte[] entry = recorded(new Threshold("packs#1", 0.8), scored(0.85));
    byte[] event = new AuditEvent("key.revoked", "key_1", "key_2", AT, Map.of()).canonicalJson();
    byte[] v1 = new String(entry, StandardCharsets.UTF_8).replace("\"v\":2", "\"v\":1").getBytes(StandardCharsets.UTF_8);

    assertThat(Replay.replay(1, entry, new Threshold("packs#2", 0.8)))
        .isEqualTo(new Replay.Skipped(1, "decided under policy packs#1, which is not the one given (packs#2)"));
    assertThat(Replay.replay(2, event, new Threshold("packs#1", 0.8))).isInstanceOf(Replay.Skipped.class)
        .hasToString("Skipped[index=2, reason=an audit event (key.revoked), not a decision]");
    assertThat(Replay.replay(3, v1, new Threshold("packs#1", 0.8)))
        .isEqualTo(new Replay.Skipped(3, "entry format v1 keeps no signals"));
  }
}
