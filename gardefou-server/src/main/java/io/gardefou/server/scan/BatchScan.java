package io.gardefou.server.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.server.VerdictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Screens JSON Lines: one request per line in, one verdict per line out, in order. A line that cannot be
 * screened yields {@code {"id", "error"}} and the scan goes on.
 *
 * <p>In: {@code {id, text, op: generate|edit, jurisdiction?, tier?}}. Out: {@code {id, decision, categories,
 * scores, rules, legal_basis, language, policy_version, rule_hits, obligations}}.
 */
public final class BatchScan {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Screener screener;

  public BatchScan(Screener screener) {
    this.screener = screener;
  }

  /** What a scan did: lines screened and lines that failed. */
  public record Summary(int screened, int failed) {}

  public Summary run(BufferedReader in, Writer out) {
    int screened = 0;
    int failed = 0;
    try {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result = screenLine(line, number);
        if (result.has("error")) {
          failed++;
        } else {
          screened++;
        }
        out.write(result.toString());
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(screened, failed);
  }

  private ObjectNode screenLine(String line, int number) {
    JsonNode item;
    try {
      item = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return error(null, "line " + number + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (item == null || !item.isObject()) {
      return error(null, "line " + number + ": expected a JSON object");
    }
    JsonNode id = item.get("id");
    try {
      return result(id, screener.screen(request(item)));
    } catch (IllegalArgumentException e) {
      return error(id, "line " + number + ": " + e.getMessage());
    }
  }

  private static ScreeningRequest request(JsonNode item) {
    if (item.hasNonNull("image")) {
      throw new IllegalArgumentException("image inputs are not screened by this version");
    }
    String text = requiredText(item, "text");
    Operation operation = Operation.fromWireName(optionalText(item, "op", "generate"));
    if (operation != Operation.GENERATE && operation != Operation.EDIT) {
      throw new IllegalArgumentException("op must be generate or edit, was " + operation.wireName());
    }
    Jurisdiction jurisdiction = Jurisdiction.of(optionalText(item, "jurisdiction", "global"));
    Tier tier = Tier.fromWireName(optionalText(item, "tier", "anonymous"));
    Actor actor = tier == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of("anonymous", tier);
    return new ScreeningRequest(operation, text, List.of(), actor, jurisdiction, ScreeningRequest.DEFAULT_TENANT);
  }

  private static String requiredText(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode item, String field, String fallback) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static ObjectNode result(JsonNode id, Verdict verdict) {
    ObjectNode out = MAPPER.createObjectNode();
    out.set("id", id);
    out.put("decision", verdict.decision().name());
    verdict.categories().stream().sorted().map(Category::wireName).forEach(out.putArray("categories")::add);
    ObjectNode scores = out.putObject("scores");
    for (Map.Entry<Category, Double> entry : verdict.signals().maxScores().entrySet()) {
      scores.put(entry.getKey().wireName(), entry.getValue());
    }
    verdict.ruleNames().forEach(out.putArray("rules")::add);
    verdict.legalBasis().forEach(out.putArray("legal_basis")::add);
    out.put("language", verdict.signals().fact(Fact.LANGUAGE).orElse("und"));
    out.put("policy_version", verdict.policyVersion());
    VerdictJson.explain(out, verdict);
    return out;
  }

  private static ObjectNode error(JsonNode id, String message) {
    ObjectNode out = MAPPER.createObjectNode();
    out.set("id", id);
    out.put("error", message);
    return out;
  }
}
