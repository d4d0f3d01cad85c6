package io.gardefou.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.model.Obligation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.Verdict;

/** Renders a verdict's explanation, the same way for the moderation API and {@code gardefou scan}. */
public final class VerdictJson {
  private VerdictJson() {}

  /** Adds {@code rule_hits} (rule, pack@version, action, reason, legal basis) and {@code obligations}. */
  public static void explain(ObjectNode into, Verdict verdict) {
    ArrayNode hits = into.putArray("rule_hits");
    for (RuleHit hit : verdict.ruleHits()) {
      ObjectNode node = hits.addObject();
      node.put("rule", hit.rule());
      node.put("pack", hit.pack());
      node.put("action", hit.action().name());
      node.put("reason", hit.reason());
      hit.categories().forEach(c -> node.withArray("categories").add(c.wireName()));
      hit.legalBasis().forEach(node.putArray("legal_basis")::add);
    }
    ArrayNode duties = into.putArray("obligations");
    for (Obligation obligation : verdict.obligations()) {
      ObjectNode node = duties.addObject();
      node.put("kind", obligation.kind().wireName());
      node.put("name", obligation.name());
      node.put("pack", obligation.pack());
      node.put("to", obligation.to());
      obligation.deadline().ifPresent(d -> node.put("deadline", d.toString()));
      obligation.retainFor().ifPresent(d -> node.put("retain_for", d.toString()));
      node.put("detail", obligation.detail());
      obligation.legalBasis().forEach(node.putArray("legal_basis")::add);
    }
  }
}
