package io.gardefou.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.image.ImageDecoder;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.Evidence;
import io.gardefou.model.Fact;
import io.gardefou.model.RuleHit;
import io.gardefou.model.Score;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.server.Gardefou;
import io.gardefou.server.VerdictJson;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code POST /v1/moderations}: OpenAI's moderation API, answered by the screener. */
final class ModerationHandler implements Handler {
  /**
   * The categories whose {@code category_applied_input_types} OpenAI's schema lets name {@code image}; its SDKs reject
   * any other value (sexual/minors is text-only there), so an image score of another category shows in the extension.
   */
  private static final Set<Category> IMAGE_INPUT_CATEGORIES = EnumSet.of(Category.SEXUAL, Category.SEXUAL_NON_CONSENSUAL,
      Category.SELF_HARM, Category.SELF_HARM_INTENT, Category.SELF_HARM_INSTRUCTIONS, Category.VIOLENCE,
      Category.VIOLENCE_GRAPHIC);

  private final Screener screener;
  private final ServerConfig config;
  private final Pseudonyms pseudonyms;
  private final ImageDecoder decoder;
  private final long maxBodyBytes;

  ModerationHandler(Screener screener, ServerConfig config, Pseudonyms pseudonyms) {
    this.screener = screener;
    this.config = config;
    this.pseudonyms = pseudonyms;
    this.decoder = Gardefou.imageDecoder(config);
    this.maxBodyBytes = Math.min(Integer.MAX_VALUE - 8,
        ModerationRequest.maxBodyBytes(config.maxJsonBytes(), decoder.limits().maxBytes()));
  }

  @Override
  public void handle(Context ctx) {
    byte[] body = JsonBodies.readBounded(ctx, (int) maxBodyBytes);
    JsonNode json = JsonBodies.parseObject(body);
    // Inline images have their own limit; the rest of the body keeps the JSON limit.
    if (body.length - ModerationRequest.inlineImageChars(json) > config.maxJsonBytes()) {
      throw ApiException.tooLarge(config.maxJsonBytes());
    }
    ModerationRequest request = ModerationRequest.parse(json, decoder);
    ArrayNode results = JsonBodies.MAPPER.createArrayNode();
    String id = null;
    for (ScreeningRequest screening : request.screeningRequests(
        Optional.ofNullable(ctx.header(config.jurisdictionHeader())), config.tenant(AccessCheck.tenant(ctx)), pseudonyms)) {
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
    Set<Category> imageScored = imageScored(screening, verdict);
    // Text applies to every category: the text detector reads any prompt for all of them.
    boolean textApplied = !screening.prompt().isEmpty() || screening.images().isEmpty();
    for (Map.Entry<Category, Double> entry : verdict.signals().maxScores().entrySet()) {
      String name = entry.getKey().wireName();
      categories.put(name, verdict.categories().contains(entry.getKey()));
      scores.put(name, entry.getValue());
      ArrayNode types = inputTypes.putArray(name);
      if (textApplied) {
        types.add("text");
      }
      if (imageScored.contains(entry.getKey()) && IMAGE_INPUT_CATEGORIES.contains(entry.getKey())) {
        types.add("image");
      }
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
    // Every category an image part was scored for, those OpenAI's schema keeps text-only (sexual/minors) included.
    ArrayNode imageApplied = extension.putArray("image_scored_categories");
    imageScored.stream().sorted().forEach(category -> imageApplied.add(category.wireName()));
    ArrayNode unknown = extension.putArray("unknown");
    verdict.signals().unknown().forEach(category -> unknown.add(category.wireName()));
    VerdictJson.explain(extension, verdict);
    if (verdict.decision() != Decision.ALLOW) {
      extension.set("appeal", ActorHandlers.appealLink(verdict.decisionId()));
    }
    return result;
  }

  /**
   * The categories an image part was scored for: an image detector names the image it judged in its evidence, with no
   * text offsets ({@code input[1]}, -1, -1).
   */
  private static Set<Category> imageScored(ScreeningRequest screening, Verdict verdict) {
    Set<String> imageNames = new java.util.HashSet<>();
    screening.images().forEach(image -> imageNames.add(image.name()));
    Set<Category> scored = EnumSet.noneOf(Category.class);
    for (Score score : verdict.signals().scores()) {
      for (Evidence evidence : score.evidence()) {
        if (evidence.start() < 0 && imageNames.contains(evidence.text())) {
          scored.add(score.category());
        }
      }
    }
    return scored;
  }
}
