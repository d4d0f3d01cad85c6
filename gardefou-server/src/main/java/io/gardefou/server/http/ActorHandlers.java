package io.gardefou.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.actor.ActorRequestException;
import io.gardefou.actor.Appeal;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standing;
import io.gardefou.actor.Strike;
import io.gardefou.actor.Verification;
import io.gardefou.model.DecisionId;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appeals and actors' standing over HTTP: operators file appeals, moderators answer them and suspend, ban,
 * reinstate and look up actors. Parse, call one core method, render.
 */
final class ActorHandlers {
  /** Where appeals are filed, named in every refusal. */
  static final String APPEALS_PATH = "/v1/appeals";
  private static final int MAX_LIST = 500;

  private final ActorDesk desk;
  private final ServerConfig config;

  ActorHandlers(ActorDesk desk, ServerConfig config) {
    this.desk = desk;
    this.config = config;
  }

  /** How a refused user appeals: {@code POST /v1/appeals} with this decision id. */
  static ObjectNode appealLink(DecisionId decisionId) {
    ObjectNode link = JsonBodies.MAPPER.createObjectNode();
    link.put("method", "POST");
    link.put("url", APPEALS_PATH);
    link.put("decision_id", decisionId.toString());
    return link;
  }

  /** {@code POST /v1/appeals}: {@code {decision_id, statement, filed_by?: actor|operator}} → 201 and the appeal. */
  void file(Context ctx) {
    JsonNode body = JsonBodies.readObject(ctx, config.maxJsonBytes());
    DecisionId decisionId = decisionId(requiredText(body, "decision_id"));
    String statement = requiredText(body, "statement");
    Appeal.FiledBy filedBy;
    try {
      filedBy = Appeal.FiledBy.fromWireName(optionalText(body, "filed_by").orElse("operator"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_filed_by", "filed_by", e.getMessage());
    }
    Appeal appeal = desk.appeals().file(AccessCheck.tenant(ctx), decisionId, filedBy, caller(ctx), statement);
    ctx.status(201).contentType("application/json").result(appeal(appeal).toString());
  }

  /** {@code GET /v1/appeals?status=open&limit=N}: the queue, oldest first. */
  void list(Context ctx) {
    Appeal.State state;
    try {
      state = Appeal.State.fromWireName(Optional.ofNullable(ctx.queryParam("status")).orElse("open"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_status", "status", e.getMessage());
    }
    int limit = limit(ctx.queryParam("limit"));
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("object", "list");
    ArrayNode data = body.putArray("data");
    desk.appeals().inState(AccessCheck.tenant(ctx), state, limit).forEach(appeal -> data.add(appeal(appeal)));
    ctx.contentType("application/json").result(body.toString());
  }

  /** {@code POST /v1/appeals/{id}/decision}: {@code {outcome: uphold|overturn, note}}. */
  void decide(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("unknown_appeal", "id", "no appeal " + ctx.pathParam("id") + " is filed");
    }
    JsonNode body = JsonBodies.readObject(ctx, config.maxJsonBytes());
    String outcome = requiredText(body, "outcome");
    if (!outcome.equals("uphold") && !outcome.equals("overturn")) {
      throw ApiException.invalid("invalid_outcome", "outcome", "outcome must be 'uphold' or 'overturn', was '" + outcome + "'");
    }
    Appeal decided = desk.appeals().decide(AccessCheck.tenant(ctx), id, outcome.equals("overturn"), caller(ctx), requiredText(body, "note"));
    ctx.contentType("application/json").result(appeal(decided).toString());
  }

  /** {@code GET /v1/actors/{pseudonym}}: standing, strikes and the decayed score. */
  void actor(Context ctx) {
    String pseudonym = pseudonym(ctx);
    Standing standing = desk.standings().find(AccessCheck.tenant(ctx), pseudonym)
        .orElseThrow(() -> ApiException.notFound("unknown_actor", "pseudonym", "no actor " + pseudonym + " is known"));
    ctx.contentType("application/json").result(standing(standing).toString());
  }

  /** {@code POST /v1/actors/{pseudonym}/suspend}: {@code {reason, period?: ISO-8601 such as P7D}}. */
  void suspend(Context ctx) {
    String pseudonym = pseudonym(ctx);
    JsonNode body = JsonBodies.readObject(ctx, config.maxJsonBytes());
    Optional<Duration> period = optionalText(body, "period").map(text -> {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("invalid_period", "period", "period must be an ISO-8601 duration such as P7D, was '" + text + "'");
      }
    });
    render(ctx, desk.standings().suspend(AccessCheck.tenant(ctx), pseudonym, caller(ctx), reason(body), period));
  }

  /** {@code POST /v1/actors/{pseudonym}/ban}: {@code {reason}}. */
  void ban(Context ctx) {
    String pseudonym = pseudonym(ctx);
    render(ctx, desk.standings().ban(AccessCheck.tenant(ctx), pseudonym, caller(ctx), reason(JsonBodies.readObject(ctx, config.maxJsonBytes()))));
  }

  /** {@code POST /v1/actors/{pseudonym}/reinstate}: {@code {reason}}. */
  void reinstate(Context ctx) {
    String pseudonym = pseudonym(ctx);
    render(ctx, desk.standings().reinstate(
        AccessCheck.tenant(ctx), pseudonym, caller(ctx), reason(JsonBodies.readObject(ctx, config.maxJsonBytes()))));
  }

  /** {@code POST /v1/actors/{pseudonym}/verification}: {@code {verification: unverified|pending|verified|failed}}. */
  void verification(Context ctx) {
    String pseudonym = pseudonym(ctx);
    JsonNode body = JsonBodies.readObject(ctx, config.maxJsonBytes());
    Verification verification;
    try {
      verification = Verification.fromWireName(requiredText(body, "verification"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_verification", "verification", e.getMessage());
    }
    render(ctx, desk.standings().verify(AccessCheck.tenant(ctx), pseudonym, caller(ctx), verification));
  }

  private void render(Context ctx, Standing standing) {
    ctx.contentType("application/json").result(standing(standing).toString());
  }

  private ObjectNode standing(Standing standing) {
    Instant now = Instant.now();
    List<Strike> strikes = desk.standings().strikes(standing.tenant(), standing.pseudonym());
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("pseudonym", standing.pseudonym());
    body.put("tenant", standing.tenant());
    body.put("tier", standing.tier().wireName());
    body.put("verification", standing.verification().wireName());
    body.put("status", standing.statusAt(now).wireName());
    standing.until().ifPresent(until -> body.put("until", until.toString()));
    standing.reason().ifPresent(reason -> body.put("reason", reason));
    standing.statusBy().ifPresent(by -> body.put("status_by", by));
    body.put("score", desk.standings().rules().score(strikes, now));
    body.put("threshold", desk.standings().rules().threshold());
    ArrayNode list = body.putArray("strikes");
    for (Strike strike : strikes) {
      list.addObject()
          .put("decision_id", strike.decisionId().toString())
          .put("category", strike.category().wireName())
          .put("weight", strike.weight())
          .put("at", strike.at().toString());
    }
    return body;
  }

  private static ObjectNode appeal(Appeal appeal) {
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("id", appeal.id().toString());
    body.put("object", "appeal");
    body.put("decision_id", appeal.decisionId().toString());
    body.put("actor", appeal.pseudonym());
    body.put("filed_by", appeal.filedBy().wireName());
    body.put("filer", appeal.filer());
    body.put("statement", appeal.statement());
    body.put("filed_at", appeal.filedAt().toString());
    body.put("status", appeal.state().wireName());
    appeal.note().ifPresent(note -> body.put("note", note));
    appeal.decidedBy().ifPresent(by -> body.put("decided_by", by));
    appeal.decidedAt().ifPresent(at -> body.put("decided_at", at.toString()));
    return body;
  }

  private static String caller(Context ctx) {
    return AccessCheck.caller(ctx).id().toString();
  }

  private static String pseudonym(Context ctx) {
    String pseudonym = ctx.pathParam("pseudonym");
    if (!Pseudonyms.isPseudonym(pseudonym)) {
      throw ApiException.invalid("invalid_actor", "pseudonym",
          "'" + pseudonym + "' is not an actor pseudonym (act_ and 32 lower-case hex digits)");
    }
    return pseudonym;
  }

  private static DecisionId decisionId(String text) {
    try {
      return DecisionId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_decision_id", "decision_id", "decision_id must be a UUID, was '" + text + "'");
    }
  }

  private static String reason(JsonNode body) {
    return requiredText(body, "reason");
  }

  private static int limit(String text) {
    if (text == null) {
      return 100;
    }
    if (!text.matches("[1-9][0-9]{0,3}") || Integer.parseInt(text) > MAX_LIST) {
      throw ApiException.invalid("invalid_limit", "limit", "limit must be 1.." + MAX_LIST + ", was '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  private static String requiredText(JsonNode body, String field) {
    return optionalText(body, field)
        .filter(text -> !text.isBlank())
        .orElseThrow(() -> ApiException.invalid("missing_required_parameter", field, "'" + field + "' is required"));
  }

  private static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.invalid("invalid_type", field, "'" + field + "' must be a string");
    }
    return Optional.of(JsonBodies.wellFormed(value.asText(), field));
  }
}
