package io.gardefou.store;

import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A verdict as recorded: the decision and what explains it, with digests standing for the content.
 *
 * @param decidedAt when the decision was made, to the microsecond
 * @param categories category wire names, as written then (names are kept as text so that old rows stay
 *     readable if a category is renamed)
 * @param rules the names of the rules that fired, in evaluation order
 * @param promptSha256 lower-case hex SHA-256 of the prompt's UTF-8 bytes
 * @param imageSha256s lower-case hex SHA-256 of each input image, in request order
 * @param language the language a detector established, if any
 * @param requestId the gateway exchange the verdict is a phase of, if any
 * @param detectors the detectors whose signals bore on the categories, sorted; empty for rows recorded before
 *     the store kept them
 * @param ledgerIndex the index of the verdict's entry in the audit ledger; empty for rows recorded without the
 *     ledger or before the store kept it
 */
public record StoredVerdict(
    DecisionId decisionId,
    Instant decidedAt,
    Operation operation,
    String tenant,
    String actorId,
    Tier actorTier,
    Jurisdiction jurisdiction,
    Decision decision,
    List<String> categories,
    List<String> rules,
    List<String> legalBasis,
    String policyVersion,
    String promptSha256,
    List<String> imageSha256s,
    Optional<String> language,
    Optional<String> requestId,
    Optional<List<String>> detectors,
    OptionalLong ledgerIndex) {

  public StoredVerdict {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorTier, "actorTier");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(decision, "decision");
    categories = List.copyOf(categories);
    rules = List.copyOf(rules);
    legalBasis = List.copyOf(legalBasis);
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(promptSha256, "promptSha256");
    imageSha256s = List.copyOf(imageSha256s);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(requestId, "requestId");
    detectors = detectors.map(List::copyOf);
    Objects.requireNonNull(ledgerIndex, "ledgerIndex");
  }

  /** A verdict whose detectors and ledger entry are not known. */
  public StoredVerdict(DecisionId decisionId, Instant decidedAt, Operation operation, String tenant, String actorId,
      Tier actorTier, Jurisdiction jurisdiction, Decision decision, List<String> categories, List<String> rules,
      List<String> legalBasis, String policyVersion, String promptSha256, List<String> imageSha256s,
      Optional<String> language, Optional<String> requestId) {
    this(decisionId, decidedAt, operation, tenant, actorId, actorTier, jurisdiction, decision, categories, rules,
        legalBasis, policyVersion, promptSha256, imageSha256s, language, requestId, Optional.empty(),
        OptionalLong.empty());
  }

  /** A verdict of no gateway exchange, as moderation and scan record them. */
  public StoredVerdict(DecisionId decisionId, Instant decidedAt, Operation operation, String tenant, String actorId,
      Tier actorTier, Jurisdiction jurisdiction, Decision decision, List<String> categories, List<String> rules,
      List<String> legalBasis, String policyVersion, String promptSha256, List<String> imageSha256s,
      Optional<String> language) {
    this(decisionId, decidedAt, operation, tenant, actorId, actorTier, jurisdiction, decision, categories, rules,
        legalBasis, policyVersion, promptSha256, imageSha256s, language, Optional.empty(), Optional.empty(),
        OptionalLong.empty());
  }
}
