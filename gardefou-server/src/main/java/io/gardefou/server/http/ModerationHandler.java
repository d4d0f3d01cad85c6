package io.gardefou.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.Fact;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.server.VerdictJson;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Optional;

/** {@code POST /v1/moderations}: OpenAI's moderation API, answered by the screener. */
final class ModerationHandler implements Handler {
  private final Screener screener;
  private final ServerConfig config;
  private final Pseudonyms pseudonyms;

  ModerationHandler(Screener screener, ServerConfig config, Pseudonyms pseudonyms) {
    this.screener = screener;
    this.config = config;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public void handle(Context ctx) {
    ModerationRequest request = ModerationRequest.parse(JsonBodies.readObject(ctx, config.maxJsonBytes()));
    ArrayNode results = JsonBodies.MAPPER.createArrayNode();
    String id = null;
    for (ScreeningRequest screening : request.screeningRequests(
        Optional.ofNullable(ctx.header(config.jurisdictionHeader())), config.defaultTenant(), pseudonyms)) {
      Verdict verdict = screener.screen(screening);
      id = id == null ? "modr-" + verdict.decisionId() : id;
      results.add(result(screening, verdict));
    }
    ObjectNode response = JsonBodies.MAPPER.createObjectNode();
    response.put("id", id);
    response.put("model", request.model());
    response.set("results", results);
    ctx.contentType("application/json").result(response.toString());
  }

  private static ObjectNode result(ScreeningRequest screening, Verdict verdict) {
    ObjectNode result = JsonBodies.MAPPER.createObjectNode();
    result.put("flagged", verdict.flagged());
    ObjectNode categories = result.putObject("categories");
    ObjectNode scores = result.putObject("category_scores");
    ObjectNode inputTypes = result.putObject("category_applied_input_types");
    for (Map.Entry<Category, Double> entry : verdict.signals().maxScores().entrySet()) {
      String name = entry.getKey().wireName();
      categories.put(name, verdict.categories().contains(entry.getKey()));
      scores.put(name, entry.getValue());
      inputTypes.putArray(name).add("text");
    }
    ObjectNode extension = result.putObject("gardefou");
    extension.put("decision", verdict.decision().name());
    extension.put("decision_id", verdict.decisionId().toString());
    extension.put("policy_version", verdict.policyVersion());
    extension.put("language", verdict.signals().fact(Fact.LANGUAGE).orElse("und"));
    extension.put("jurisdiction", screening.jurisdiction().code());
    extension.put("jurisdiction_source", screening.jurisdictionSource().wireName());
    ArrayNode rules = extension.putArray("rules");
    verdict.ruleHits().stream().map(RuleHit::rule).forEach(rules::add);
    ArrayNode legalBasis = extension.putArray("legal_basis");
    verdict.legalBasis().forEach(legalBasis::add);
    ArrayNode unknown = extension.putArray("unknown");
    verdict.signals().unknown().forEach(category -> unknown.add(category.wireName()));
    VerdictJson.explain(extension, verdict);
    if (verdict.decision() != Decision.ALLOW) {
      extension.set("appeal", ActorHandlers.appealLink(verdict.decisionId()));
    }
    return result;
  }
}
