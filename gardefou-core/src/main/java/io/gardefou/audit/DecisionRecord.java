package io.gardefou.audit;

import io.gardefou.model.Category;
import io.gardefou.model.Digests;
import io.gardefou.model.InputImage;
import io.gardefou.model.Obligation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One decision as the audit ledger holds it: who, where, what was asked, what was decided and why, with
 * SHA-256 digests standing for the prompt and the images, never the content.
 *
 * <p>{@link #canonicalJson()} is the ledger entry: the same record always gives the same bytes, so an
 * auditor can recompute its leaf hash.
 */
public final class DecisionRecord {
  /** The entry format's version, the {@code v} member; a change of members or meaning bumps it. */
  public static final int VERSION = 2;

  private final TreeMap<String, Object> members;

  private DecisionRecord(TreeMap<String, Object> members) {
    this.members = members;
  }

  /** The record of {@code verdict} on {@code request}. */
  public static DecisionRecord of(ScreeningRequest request, Verdict verdict) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(verdict, "verdict");
    TreeMap<String, Object> record = new TreeMap<>();
    record.put("v", VERSION);
    record.put("decision_id", verdict.decisionId().toString());
    record.put("decided_at", verdict.decidedAt().toString()); // ISO-8601 UTC, as precise as the clock gave it
    record.put("tenant", request.tenant());
    // The actor's per-tenant pseudonym (or "anonymous"), made where the request entered: docs/design/actors.md.
    record.put("actor", object("id", request.actor().id(), "tier", request.actor().tier().wireName()));
    record.put("jurisdiction", object(
        "code", request.jurisdiction().code(), "source", request.jurisdictionSource().wireName()));
    record.put("operation", request.operation().wireName());
    record.put("prompt_sha256", Digests.sha256Hex(request.prompt()));
    record.put("image_sha256s", request.images().stream().map(InputImage::sha256).toList());
    // Verdict categories are a set: the enum's order makes equal verdicts give equal bytes.
    record.put("categories", verdict.categories().stream().sorted().map(Category::wireName).toList());
    record.put("decision", verdict.decision().name());
    record.put("rules", verdict.ruleHits().stream().map(DecisionRecord::rule).toList());
    record.put("legal_basis", verdict.legalBasis());
    record.put("policy_version", verdict.policyVersion());
    record.put("obligations", verdict.obligations().stream().map(DecisionRecord::obligation).toList());
    // What the policy read, so that `ledger replay` can decide again (v2): scores, facts, unknown categories.
    record.put("signals", signals(verdict.signals()));
    return new DecisionRecord(record);
  }

  /** The ledger entry: RFC 8785 canonical JSON in UTF-8. */
  public byte[] canonicalJson() {
    return CanonicalJson.encode(members);
  }

  public String decisionId() {
    return (String) members.get("decision_id");
  }

  @Override
  public String toString() {
    return new String(canonicalJson(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The policy's inputs from the detectors: each category's highest score as Java's shortest round-trip decimal,
   * a string (JCS numbers are not needed and this parses back to the same double), the facts in detector order,
   * and the categories a failed detector left unknown. Evidence stays out: it can name bank entries.
   */
  private static TreeMap<String, Object> signals(Signals signals) {
    TreeMap<String, Object> scores = new TreeMap<>();
    signals.maxScores().forEach((category, score) -> {
      if (score > 0) {
        scores.put(category.wireName(), Double.toString(score));
      }
    });
    TreeMap<String, Object> recorded = new TreeMap<>();
    recorded.put("scores", scores);
    recorded.put("facts", signals.facts().stream().map(fact -> {
      TreeMap<String, Object> member = new TreeMap<>();
      member.put("name", fact.name());
      member.put("value", fact.value());
      member.put("detector", fact.detector());
      return member;
    }).toList());
    recorded.put("unknown", signals.unknown().stream().sorted().map(Category::wireName).toList());
    return recorded;
  }

  private static TreeMap<String, Object> rule(RuleHit hit) {
    TreeMap<String, Object> rule = new TreeMap<>();
    rule.put("rule", hit.rule());
    rule.put("pack", hit.pack()); // id@version
    rule.put("action", hit.action().name());
    rule.put("categories", hit.categories().stream().map(Category::wireName).toList());
    rule.put("legal_basis", hit.legalBasis());
    return rule;
  }

  private static TreeMap<String, Object> obligation(Obligation duty) {
    TreeMap<String, Object> obligation = new TreeMap<>();
    obligation.put("kind", duty.kind().wireName());
    obligation.put("name", duty.name());
    obligation.put("to", duty.to());
    obligation.put("deadline", duration(duty.deadline()));
    obligation.put("retain_for", duration(duty.retainFor()));
    obligation.put("detail", duty.detail());
    obligation.put("legal_basis", duty.legalBasis());
    obligation.put("pack", duty.pack());
    return obligation;
  }

  /** ISO-8601 ({@code PT24H}), a string so that the record holds no floating-point number; null if none. */
  private static String duration(Optional<Duration> duration) {
    return duration.map(Duration::toString).orElse(null);
  }

  private static TreeMap<String, Object> object(String k1, Object v1, String k2, Object v2) {
    TreeMap<String, Object> object = new TreeMap<>();
    object.put(k1, v1);
    object.put(k2, v2);
    return object;
  }
}
