package io.gardefou.report;

import static io.gardefou.report.Trees.object;

import io.gardefou.actor.Pseudonyms;
import io.gardefou.audit.Replay;
import io.gardefou.bank.BankDetector;
import io.gardefou.model.Digests;
import io.gardefou.model.Fact;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an operator sends an authority about one incident (NCMEC CyberTipline, UK NCA/IWF, a national hotline,
 * as the decision's report obligations name them): the decision's metadata, content hashes, a pseudonym of the
 * actor, and the ledger inclusion proof of the decision's entry. Never image bytes or prompt text.
 */
public record AuthorityBundle(ReportedDecision decision, Optional<InclusionEvidence> evidence) implements Report {

  public static AuthorityBundle of(ReportedDecision decision, Optional<InclusionEvidence> evidence) {
    return new AuthorityBundle(decision, evidence);
  }

  /**
   * A stable pseudonym of the operator's actor: the recorded id when it already is a keyed pseudonym
   * ({@code act_…}, see {@link Pseudonyms}); otherwise {@code actor-} and the first 16 hex digits of SHA-256 over
   * a domain tag, the tenant and the actor id. It links one actor's incidents without naming the account; the
   * operator resolves it on an authority's lawful request.
   */
  public static String pseudonym(String tenant, String actorId) {
    if (Pseudonyms.isPseudonym(actorId)) {
      return actorId;
    }
    return "actor-" + Digests.sha256Hex("gardefou/actor-pseudonym/v1\u0000" + tenant + "\u0000" + actorId).substring(0, 16);
  }

  /** The report obligations, each an authority this bundle is for. */
  public List<ReportedObligation> recipients() {
    return decision.obligations().stream().filter(ReportedObligation::isReport).toList();
  }

  @Override
  public String kind() {
    return "authority";
  }

  @Override
  public String title() {
    return "Authority report bundle for decision " + decision.decisionId();
  }

  @Override
  public SortedMap<String, Object> tree() {
    List<Fact> facts = evidence.map(proof -> Replay.facts(Base64.getDecoder().decode(proof.entryBase64())))
        .orElse(List.of());
    TreeMap<String, Object> tree = object(
        "kind", kind(),
        "decision", object(
            "decision_id", decision.decisionId(),
            "decided_at", Trees.instant(decision.decidedAt()),
            "decision", decision.decision(),
            "operation", decision.operation(),
            "tenant", decision.tenant(),
            "categories", decision.categories(),
            "rules", decision.rules(),
            "legal_basis", decision.legalBasis(),
            "policy_version", decision.policyVersion()),
        "jurisdiction", decision.jurisdiction(),
        "actor_pseudonym", pseudonym(decision.tenant(), decision.actorId()),
        "hashes", object(
            "prompt_sha256", decision.promptSha256(),
            "image_sha256", decision.imageSha256s(),
            "pdq", hashingFacts(facts, BankDetector.FACT_HASH),
            "md5", hashingFacts(facts, BankDetector.FACT_MD5),
            "bank_matches", hashingFacts(facts, BankDetector.FACT_BANK_MATCH),
            "note", "PDQ, MD5 and hash-bank matches as the hashing detector recorded them in the decision's ledger "
                + "entry, one per image in order; empty without images or without a v2 ledger entry"),
        "obligations", decision.obligations().stream().map(duty -> (Object) object(
            "kind", duty.kind(), "name", duty.name(), "to", duty.to(), "deadline", Trees.orNull(duty.deadline()),
            "pack", duty.pack())).toList(),
        "recipients", recipients().stream().map(ReportedObligation::to).distinct().toList(),
        "content", "no image bytes and no prompt text are included; the hashes stand for them");
    tree.put("ledger_inclusion", evidence.<Object>map(proof -> object(
        "index", proof.index(),
        "tree_size", proof.treeSize(),
        "entry_base64", proof.entryBase64(),
        "leaf_hash", proof.leafHash(),
        "inclusion_proof", proof.proof(),
        "checkpoint", proof.checkpoint(),
        "verifier_key", proof.verifierKey())).orElse(TransparencyReport.unavailable(
            "the decision has no ledger entry")));
    return tree;
  }

  /** The values of the hashing detector's fact {@code name} among the facts the decision's ledger entry recorded. */
  private static List<String> hashingFacts(List<Fact> facts, String name) {
    return facts.stream()
        .filter(fact -> fact.detector().equals(BankDetector.NAME) && fact.name().equals(name))
        .map(Fact::value)
        .toList();
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>(Trees.flatten("", tree()));
    rows.removeIf(row -> row.getFirst().equals("obligations"));
    List<List<String>> duties = decision.obligations().stream().map(duty -> List.of(duty.kind(), duty.name(), duty.to(),
        duty.deadline().orElse(""), duty.pack())).toList();
    return List.of(
        new Table("incident", List.of("field", "value"), rows),
        new Table("obligations", List.of("kind", "name", "to", "deadline", "pack"), duties));
  }
}
