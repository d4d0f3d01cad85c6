package io.gardefou.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import java.time.Instant;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyPacksTest {
  private static final String HEADER = """
      id: DE
      version: 2026.07.0
      effective_from: 2026-07-02
      extends: [EU]
      jurisdictions: [DE]
      """;

  @Test
  void loadsEveryBundledPack() {
    PackPolicy policy = PolicyPacks.bundled();

    assertThat(policy.packs().keySet()).containsExactlyInAnyOrder(
        "global", "EU", "FR", "GB", "US", "US-CA", "ID", "MY", "AU", "KR", "IN", "BR", "CA", "JP", "PH");
    assertThat(policy.version()).matches("packs#[0-9a-f]{12}");
    assertThat(policy.applicable(Jurisdiction.of("US-CA"))).extracting(Pack::id).containsExactly("global", "US", "US-CA");
    assertThat(policy.applicable(Jurisdiction.of("ZA"))).extracting(Pack::id).containsExactly("global");
    assertThat(policy.packs().get("KR").minorAge()).isEqualTo(19);
  }

  @Test
  void rejectsAPackThatTriesToAllowAProtectedCategory() {
    assertThatThrownBy(() -> withPack(HEADER + """
        rules:
          - id: allow-fiction
            when: '"sexual/minors" in category.flagged && tenant.adult_content'
            action: allow
            reason: fiction
            legal_basis: ["none"]
            confidence: low
        """))
        .isInstanceOf(InvalidPackException.class)
        .hasMessageContaining("policy pack 'DE' (DE.yaml) rule 'allow-fiction'")
        .hasMessageContaining("action 'allow' on protected category 'sexual/minors' would loosen the global floor");
  }

  @Test
  void rejectsACelErrorNamingThePackTheRuleAndThePosition() {
    assertThatThrownBy(() -> withPack(HEADER + """
        rules:
          - id: refuse-typo
            when: '"sexual" in catgory.flagged'
            action: refuse
            reason: typo
            legal_basis: ["StGB §184"]
            confidence: low
        """))
        .isInstanceOf(InvalidPackException.class)
        .hasMessageContaining("policy pack 'DE' (DE.yaml) rule 'refuse-typo': 'when' does not compile")
        .hasMessageContaining("<input>:1:13: undeclared reference to 'catgory'");
  }

  @Test
  void rejectsAConditionThatIsNotABoolean() {
    assertThatThrownBy(() -> withPack(HEADER + """
        rules:
          - id: refuse-tier
            when: 'actor.tier'
            action: refuse
            reason: tier
            legal_basis: ["x"]
            confidence: low
        """))
        .hasMessageContaining("rule 'refuse-tier'")
        .hasMessageContaining("expected type 'bool' but found 'string'");
  }

  @Test
  void rejectsAGlobalPackEditedToLetSexualMinorsThrough() {
    Map<String, String> sources = new TreeMap<>(PolicyPacks.bundledSources());
    String global = sources.get("policy/global.yaml")
        .replace("when: '\"sexual/minors\" in category.flagged'", "when: 'false'");
    sources.put("policy/global.yaml", global);
    // Every jurisdiction pack still refuses it; keep only global to see the floor probe at work.
    sources.keySet().removeIf(origin -> !origin.equals("policy/global.yaml"));

    assertThatThrownBy(() -> PolicyPacks.compile(sources))
        .isInstanceOf(InvalidPackException.class)
        .hasMessageContaining("do not refuse sexual/minors")
        .hasMessageContaining("the global floor must refuse it everywhere");
  }

  @Test
  void rejectsAMinorAgeBelowEighteen() {
    assertThatThrownBy(() -> withPack(HEADER + "minor_age: 16\n"))
        .hasMessageContaining("policy pack 'DE'").hasMessageContaining("minor_age 16 would loosen the global floor");
  }

  @Test
  void rejectsAnUnknownKeyWithItsLine() {
    assertThatThrownBy(() -> withPack(HEADER + "rulez: []\n"))
        .hasMessageContaining("DE.yaml").hasMessageContaining("unknown key 'rulez' at line");
  }

  @Test
  void rejectsAParentThatIsNotLoaded() {
    assertThatThrownBy(() -> withPack(HEADER.replace("[EU]", "[XX]")))
        .hasMessageContaining("policy pack 'DE' (DE.yaml) extends 'XX', which is not loaded");
  }

  @Test
  void aDirectoryPackAddsToTheBundledOnesAndABadOneNeverLoads(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("DE.yaml"), HEADER);
    assertThat(PolicyPacks.load(dir).applicable(Jurisdiction.of("DE"))).extracting(Pack::id)
        .containsExactly("global", "EU", "DE");

    Files.writeString(dir.resolve("DE.yaml"), HEADER + "minor_age: 12\n");
    assertThatThrownBy(() -> PolicyPacks.load(dir)).isInstanceOf(InvalidPackException.class);
  }

  @Test
  void aServiceBlockRefusesItsOperationsWhileInForceBeforeAnyDetector() {
    PackPolicy policy = withPack(HEADER + """
        service_blocks:
          - id: block-image-editing
            operations: [edit]
            authority: Bundesnetzagentur
            order: "BNetzA 2026/001 (example)"
            from: 2026-08-01
            until: 2026-09-01
            reason: Image editing is blocked here by order of the regulator.
            legal_basis: ["DSA art. 51(3) (example)"]
            confidence: high
        """);
    ScreeningRequest edit = new ScreeningRequest(Operation.EDIT, "add a hat", List.of(),
        Actor.of("u", Tier.ENTERPRISE), Jurisdiction.of("DE"), "t");
    Instant during = Instant.parse("2026-08-15T00:00:00Z");

    assertThat(policy.precheck(edit, DecisionId.generate(during), during)).hasValueSatisfying(verdict -> {
      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleHits()).singleElement().satisfies(hit -> {
        assertThat(hit.qualifiedName()).isEqualTo("DE@2026.07.0/block-image-editing");
        assertThat(hit.reason()).contains("BNetzA 2026/001");
      });
    });
    Instant after = Instant.parse("2026-09-01T00:00:00Z");
    assertThat(policy.precheck(edit, DecisionId.generate(after), after)).isEmpty();
    ScreeningRequest generate = new ScreeningRequest(Operation.GENERATE, "a hat", List.of(),
        Actor.of("u", Tier.ENTERPRISE), Jurisdiction.of("DE"), "t");
    assertThat(policy.precheck(generate, DecisionId.generate(during), during)).isEmpty();
  }

  private static PackPolicy withPack(String yaml) {
    Map<String, String> sources = new TreeMap<>(PolicyPacks.bundledSources());
    sources.put("DE.yaml", yaml);
    return PolicyPacks.compile(sources);
  }
}
