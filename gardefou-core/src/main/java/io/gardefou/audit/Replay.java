package io.gardefou.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.Score;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.policy.Policy;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a recorded decision again: rebuilds from a ledger entry what the policy was given (operation,
 * jurisdiction, tenant, actor tier, number of images, the detectors' scores, facts and unknown categories, the
 * time) and compares what the policy decides now with what was recorded. Pure, like the policy.
 *
 * <p>What it checks is the policy step alone: the ledger keeps digests, not prompts or images, so detectors
 * cannot be run again, and whether the recorded signals were right is out of its reach.
 */
public final class Replay {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The members that say what was decided and why; the rest describes the request. */
  private static final List<String> DECIDED = List.of("decision", "categories", "rules", "legal_basis", "obligations");

  private Replay() {}

  /** What replaying one entry found. */
  public sealed interface Outcome {
    long index();
  }

  /** The policy decides now what it decided then. */
  public record Same(long index, String decisionId) implements Outcome {}

  /** The policy decides otherwise: each difference names the member, what was recorded and what is decided now. */
  public record Different(long index, String decisionId, List<String> differences) implements Outcome {
    public Different {
      differences = List.copyOf(differences);
    }
  }

  /** Not replayed, and why: an audit event, an entry format without signals, or another policy version. */
  public record Skipped(long index, String reason) implements Outcome {}

  /**
   * Replays entry {@code index} under {@code policy}; skipped unless the policy's verdict names the version the
   * entry names (the same packs applied).
   */
  public static Outcome replay(long index, byte[] entry, Policy policy) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(policy, "policy");
    JsonNode recorded = read(entry);
    if (recorded.has("event")) {
      return new Skipped(index, "an audit event (" + recorded.path("event").asText() + "), not a decision");
    }
    if (recorded.path("v").asInt() < 2) {
      return new Skipped(index, "entry format v" + recorded.path("v").asInt() + " keeps no signals");
    }
    String decisionId = recorded.path("decision_id").asText();
    ScreeningRequest request = request(recorded);
    DecisionId id = DecisionId.parse(decisionId);
    Instant at = Instant.parse(recorded.path("decided_at").asText());
    // As the screener does: a precheck refusal comes before any detector.
    Verdict now = policy.precheck(request, id, at).orElseGet(() -> policy.decide(request, signals(recorded), id, at));
    // The version a verdict carries names the packs that applied to it; other packs may decide otherwise.
    String version = recorded.path("policy_version").asText();
    if (!version.equals(now.policyVersion())) {
      return new Skipped(index, "decided under policy " + version + ", which is not the one given (" + now.policyVersion() + ")");
    }
    JsonNode decided = read(DecisionRecord.of(request, now).canonicalJson());
    List<String> differences = new ArrayList<>();
    for (String member : DECIDED) {
      if (!recorded.path(member).equals(decided.path(member))) {
        differences.add(member + ": recorded " + recorded.path(member) + ", now " + decided.path(member));
      }
    }
    return differences.isEmpty() ? new Same(index, decisionId) : new Different(index, decisionId, differences);
  }

  /** The facts a decision entry recorded, in detector order; none for v1 entries, which kept no signals, and events. */
  public static List<Fact> facts(byte[] entry) {
    JsonNode recorded = read(Objects.requireNonNull(entry, "entry"));
    return recorded.path("v").asInt() < 2 ? List.of() : signals(recorded).facts();
  }

  /** The request as the policy sees it; the prompt and image bytes are not kept, only how many images there were. */
  private static ScreeningRequest request(JsonNode recorded) {
    List<InputImage> images = new ArrayList<>();
    for (int i = 0; i < recorded.path("image_sha256s").size(); i++) {
      images.add(InputImage.of("recorded-" + i, new byte[0]));
    }
    JsonNode jurisdiction = recorded.path("jurisdiction");
    return new ScreeningRequest(
        Operation.fromWireName(recorded.path("operation").asText()),
        "",
        images,
        Actor.of(recorded.path("actor").path("id").asText(), Tier.fromWireName(recorded.path("actor").path("tier").asText())),
        Jurisdiction.of(jurisdiction.path("code").asText()),
        recorded.path("tenant").asText(),
        source(jurisdiction.path("source").asText()),
        Optional.empty());
  }

  private static Signals signals(JsonNode recorded) {
    JsonNode signals = recorded.path("signals");
    List<Score> scores = new ArrayList<>();
    signals.path("scores").properties().forEach(score -> scores.add(new Score(
        Category.fromWireName(score.getKey()), Double.parseDouble(score.getValue().asText()), "recorded", List.of())));
    List<Fact> facts = new ArrayList<>();
    signals.path("facts").forEach(fact -> facts.add(
        new Fact(fact.path("name").asText(), fact.path("value").asText(), fact.path("detector").asText())));
    Set<Category> unknown = EnumSet.noneOf(Category.class);
    signals.path("unknown").forEach(category -> unknown.add(Category.fromWireName(category.asText())));
    List<DetectorFailure> failures = unknown.isEmpty() ? List.of()
        : List.of(new DetectorFailure("recorded", DetectorFailure.Kind.ERROR, "unknown when decided", unknown));
    return new Signals(scores, facts, failures);
  }

  private static JurisdictionSource source(String wireName) {
    for (JurisdictionSource source : JurisdictionSource.values()) {
      if (source.wireName().equals(wireName)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown jurisdiction source '" + wireName + "'");
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the entry is not JSON: " + e.getMessage(), e);
    }
  }
}
