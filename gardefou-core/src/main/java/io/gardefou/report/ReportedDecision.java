package io.gardefou.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One recorded decision as the reports read it: the verdict row joined with its ledger entry. Digests stand
 * for the content; nothing here holds a prompt or an image.
 *
 * @param decision {@code ALLOW}, {@code REVIEW} or {@code REFUSE}
 * @param categories category wire names
 * @param rules the rules that fired, qualified {@code pack@version/rule}, in evaluation order (from the ledger
 *     entry; the bare rule names of the verdict row when the decision has no ledger entry)
 * @param detectors the detectors whose signals bore on the verdict's categories; empty when not recorded
 *     (rows from before the store recorded them)
 * @param obligations the obligations the decision incurred (from the ledger entry)
 * @param ledgerIndex the index of the decision's ledger entry, if it has one
 * @param appeal the decision's appeal, if it was appealed
 * @param review the moderator's action that closed a hold for review, once there is one
 */
public record ReportedDecision(
    String decisionId,
    Instant decidedAt,
    String operation,
    String tenant,
    String actorId,
    String jurisdiction,
    String decision,
    List<String> categories,
    List<String> rules,
    List<String> legalBasis,
    String policyVersion,
    String promptSha256,
    List<String> imageSha256s,
    Optional<String> language,
    Optional<List<String>> detectors,
    List<ReportedObligation> obligations,
    OptionalLong ledgerIndex,
    Optional<ReportedAppeal> appeal,
    Optional<ReportedReview> review) {

  public ReportedDecision {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(decision, "decision");
    categories = List.copyOf(categories);
    rules = List.copyOf(rules);
    legalBasis = List.copyOf(legalBasis);
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(promptSha256, "promptSha256");
    imageSha256s = List.copyOf(imageSha256s);
    Objects.requireNonNull(language, "language");
    detectors = detectors.map(List::copyOf);
    obligations = List.copyOf(obligations);
    Objects.requireNonNull(ledgerIndex, "ledgerIndex");
    Objects.requireNonNull(appeal, "appeal");
    Objects.requireNonNull(review, "review");
  }

  /** Whether anything was withheld: a refusal, or a hold for human review. */
  public boolean restrictive() {
    return !decision.equals("ALLOW");
  }
}
