package io.gardefou.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.Fact;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a pack's CEL expressions read, declared once with their types so that a misspelt name or a
 * wrong type fails when the pack loads, not when a request arrives.
 */
final class Bindings {
  /** Variables every rule and obligation may read. */
  static final Map<String, CelType> RULE_VARIABLES = declarations(false);
  /** Obligations may also read the decision the rules reached. */
  static final Map<String, CelType> OBLIGATION_VARIABLES = declarations(true);

  private Bindings() {}

  private static Map<String, CelType> declarations(boolean withDecision) {
    Map<String, CelType> vars = new LinkedHashMap<>();
    vars.put("category.flagged", ListType.create(SimpleType.STRING));
    vars.put("category.unknown", ListType.create(SimpleType.STRING));
    vars.put("category.scores", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
    vars.put("facts", MapType.create(SimpleType.STRING, SimpleType.STRING));
    vars.put("actor.id", SimpleType.STRING);
    vars.put("actor.tier", SimpleType.STRING);
    vars.put("actor.verified_adult", SimpleType.BOOL);
    vars.put("request.operation", SimpleType.STRING);
    vars.put("request.jurisdiction", SimpleType.STRING);
    vars.put("request.jurisdiction_source", SimpleType.STRING);
    vars.put("request.images", SimpleType.INT);
    vars.put("request.minor_age", SimpleType.INT);
    vars.put("tenant.id", SimpleType.STRING);
    vars.put("tenant.adult_content", SimpleType.BOOL);
    if (withDecision) {
      vars.put("decision", SimpleType.STRING);
    }
    return Map.copyOf(vars);
  }

  /** The values for one request; {@code flagged} and {@code unknown} are computed once by the caller. */
  static Map<String, Object> of(
      ScreeningRequest request,
      Signals signals,
      Set<Category> flagged,
      Set<Category> unknown,
      TenantSettings tenant,
      int minorAge) {
    Map<String, Object> vars = new HashMap<>(24);
    vars.put("category.flagged", wireNames(flagged));
    vars.put("category.unknown", wireNames(unknown));
    Map<String, Double> scores = new HashMap<>();
    signals.maxScores().forEach((category, score) -> scores.put(category.wireName(), score));
    vars.put("category.scores", scores);
    Map<String, String> facts = new HashMap<>();
    for (Fact fact : signals.facts()) {
      facts.putIfAbsent(fact.name(), fact.value());
    }
    vars.put("facts", facts);
    vars.put("actor.id", request.actor().id());
    vars.put("actor.tier", request.actor().tier().wireName());
    vars.put("actor.verified_adult", request.actor().tier().atLeast(Tier.VERIFIED_ADULT));
    vars.put("request.operation", request.operation().wireName());
    vars.put("request.jurisdiction", request.jurisdiction().code());
    vars.put("request.jurisdiction_source", request.jurisdictionSource().wireName());
    vars.put("request.images", (long) request.images().size());
    vars.put("request.minor_age", (long) minorAge);
    vars.put("tenant.id", tenant.id());
    vars.put("tenant.adult_content", tenant.adultContent());
    return vars;
  }

  static Map<String, Object> withDecision(Map<String, Object> vars, Decision decision) {
    Map<String, Object> all = new HashMap<>(vars);
    all.put("decision", decision.name().toLowerCase(java.util.Locale.ROOT));
    return all;
  }

  private static List<String> wireNames(Set<Category> categories) {
    List<String> names = new ArrayList<>(categories.size());
    for (Category category : categories) {
      names.add(category.wireName());
    }
    return names;
  }
}
