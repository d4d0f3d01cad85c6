package io.gardefou.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Obligation;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionRecordTest {
  private static final ScreeningRequest REQUEST = new ScreeningRequest(
      Operation.EDIT, "a lighthouse at dusk",
      List.of(InputImage.of("photo.jpg", "jpeg bytes".getBytes(StandardCharsets.UTF_8))),
      Actor.of("user-7", Tier.VERIFIED_ADULT), Jurisdiction.of("FR"), "tenant-a", JurisdictionSource.HEADER);
  private static final Verdict VERDICT = new Verdict(
      Decision.REFUSE,
      Set.of(Category.SEXUAL_NON_CONSENSUAL, Category.SEXUAL),
      List.of(new RuleHit("refuse-ncii", Decision.REFUSE, List.of(Category.SEXUAL_NON_CONSENSUAL),
          List.of("Art. 226-8-1 Code pénal"), "FR@2026.07.0", "real person, sexual")),
      List.of("Art. 226-8-1 Code pénal"),
      List.of(new Obligation(Obligation.Kind.RETAIN, "keep-evidence", "", Optional.empty(),
          Optional.of(Duration.ofDays(180)), "prompt digest and decision", List.of(), "FR@2026.07.0")),
      "global@1+FR@2026.07.0",
      DecisionId.parse("01890a5d-ac96-774b-bcce-b302099a8057"),
      Instant.parse("2026-07-01T10:00:00.123456Z"),
      Signals.from("text").score(Category.SEXUAL, 0.93, List.of()).score(Category.SEXUAL_NON_CONSENSUAL, 0.5, List.of())
          .score(Category.SEXUAL, 0.25, List.of()).fact("language", "fr").build()
          .and(Signals.failed(new DetectorFailure("nudity", DetectorFailure.Kind.TIMEOUT, "late",
              Set.of(Category.SEXUAL_MINORS, Category.SEXUAL)))));

  /** Expected bytes written by hand from RFC 8785 §3.2: members sorted, no whitespace, digests from sha256sum. */
  @Test
  void serialisesTheDecisionAsCanonicalJsonWithDigestsOnly() {
    String json = new String(DecisionRecord.of(REQUEST, VERDICT).canonicalJson(), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{"
        + "\"actor\":{\"id\":\"user-7\",\"tier\":\"verified_adult\"},"
        + "\"categories\":[\"sexual\",\"sexual/non-consensual\"],"
        + "\"decided_at\":\"2026-07-01T10:00:00.123456Z\","
        + "\"decision\":\"REFUSE\","
        + "\"decision_id\":\"01890a5d-ac96-774b-bcce-b302099a8057\","
        // printf '%s' 'jpeg bytes' | sha256sum
        + "\"image_sha256s\":[\"1b48e21282963dfba2ffff3a4c331471242fe42fd0a51161e56df72085c445c9\"],"
        + "\"jurisdiction\":{\"code\":\"FR\",\"source\":\"header\"},"
        + "\"legal_basis\":[\"Art. 226-8-1 Code pénal\"],"
        + "\"obligations\":[{\"deadline\":null,\"detail\":\"prompt digest and decision\",\"kind\":\"retain\","
        + "\"legal_basis\":[],\"name\":\"keep-evidence\",\"pack\":\"FR@2026.07.0\",\"retain_for\":\"PT4320H\",\"to\":\"\"}],"
        + "\"operation\":\"edit\","
        + "\"policy_version\":\"global@1+FR@2026.07.0\","
        // printf '%s' 'a lighthouse at dusk' | sha256sum
        + "\"prompt_sha256\":\"55accb7d0a4b9f33224c49685c5cae4baa5b3e4f9f4ffb550a726d073d53ab17\","
        + "\"rules\":[{\"action\":\"REFUSE\",\"categories\":[\"sexual/non-consensual\"],"
        + "\"legal_basis\":[\"Art. 226-8-1 Code pénal\"],\"pack\":\"FR@2026.07.0\",\"rule\":\"refuse-ncii\"}],"
        // the highest score per category, as Double.toString; unknown in the enum's order
        + "\"signals\":{\"facts\":[{\"detector\":\"text\",\"name\":\"language\",\"value\":\"fr\"}],"
        + "\"scores\":{\"sexual\":\"0.93\",\"sexual/non-consensual\":\"0.5\"},"
        + "\"unknown\":[\"sexual\",\"sexual/minors\"]},"
        + "\"tenant\":\"tenant-a\","
        + "\"v\":2}");
    assertThat(json).doesNotContain("lighthouse").doesNotContain("photo.jpg");
  }

  @Test
  void equalDecisionsGiveEqualBytes() {
    assertThat(DecisionRecord.of(REQUEST, VERDICT).canonicalJson()).isEqualTo(DecisionRecord.of(REQUEST, VERDICT).canonicalJson());
  }

  /** RFC 8785 §3.2.2.2: only '"', '\\' and controls are escaped; controls without a short form as lowercase \\u00xx. */
  @Test
  void escapesStringsAsJcsDoes() {
    Map<String, Object> members = new TreeMap<>(Map.of("s", "q\"b\\\n\t\u0001\u001fé€😀/"));

    assertThat(new String(CanonicalJson.encode(members), StandardCharsets.UTF_8))
        .isEqualTo("{\"s\":\"q\\\"b\\\\\\n\\t\\u0001\\u001fé€😀/\"}");
  }

  /** RFC 8785 §3.2.3: keys sort by UTF-16 code units, so U+20AC sorts before U+1F600 (a surrogate pair). */
  @Test
  void sortsKeysByUtf16CodeUnits() {
    Map<String, Object> members = new TreeMap<>(Map.of("😀", 1, "€", 2, "a", 3, "B", 4));

    assertThat(new String(CanonicalJson.encode(members), StandardCharsets.UTF_8))
        .isEqualTo("{\"B\":4,\"a\":3,\"€\":2,\"😀\":1}");
  }

  @Test
  void refusesValuesWithoutACanonicalForm() {
    assertThatThrownBy(() -> CanonicalJson.encode(List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
  }
}
