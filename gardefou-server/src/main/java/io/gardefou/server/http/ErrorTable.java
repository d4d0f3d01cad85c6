package io.gardefou.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.actor.ActorRequestException;
import io.gardefou.bank.MalformedBankFileException;
import io.gardefou.bank.UnknownBankException;
import io.gardefou.gateway.InvalidImagesRequest;
import io.gardefou.gateway.Outcome;
import io.gardefou.gateway.TenantBusyException;
import io.gardefou.gateway.UpstreamException;
import io.gardefou.image.ImageError;
import io.gardefou.model.Operation;
import io.gardefou.screen.VerdictLogFullException;
import io.gardefou.vault.EvidenceUnreadableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from exceptions to HTTP responses, all in OpenAI's error shape
 * {@code {"error": {"message", "type", "code", "param"}}}. Bad input is a 4xx; only faults are a 500.
 */
final class ErrorTable {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorTable.class);

  private ErrorTable() {}

  static void install(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> render(ctx, e.status(), e.type(), e.code(), e.param(), e.getMessage()));
    app.exception(ImageError.class, (e, ctx) -> render(ctx, 400, "invalid_request_error", e.code(), "image", e.getMessage()));
    app.exception(InvalidImagesRequest.class, (e, ctx) -> render(
        ctx, 400, "invalid_request_error", e.code(), e.param(), e.getMessage()));
    app.exception(MalformedBankFileException.class, (e, ctx) -> render(
        ctx, 400, "invalid_request_error", "invalid_bank_file", "body", e.getMessage()));
    app.exception(UnknownBankException.class, (e, ctx) -> render(
        ctx, 400, "invalid_request_error", "unknown_bank", "bank", e.getMessage()));
    app.exception(UpstreamException.class, ErrorTable::upstream);
    app.exception(TenantBusyException.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      render(ctx, 429, "requests", "rate_limit_exceeded", null, e.getMessage());
    });
    app.exception(ActorRequestException.class, (e, ctx) -> render(ctx, switch (e.kind()) {
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case INVALID -> 400;
    }, "invalid_request_error", e.code(), null, e.getMessage()));
    app.exception(VerdictLogFullException.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      render(ctx, 503, "server_error", "ledger_busy", null, e.getMessage() + "; the request was not acted on");
    });
    app.exception(EvidenceUnreadableException.class, (e, ctx) -> {
      LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      render(ctx, 500, "server_error", "evidence_unreadable", null, e.getMessage());
    });
    app.exception(HttpResponseException.class, (e, ctx) -> render(
        ctx, e.getStatus(), "invalid_request_error", codeOf(e.getStatus()), null, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      render(ctx, 500, "server_error", "internal_error", null, "internal error; the request was not acted on");
    });
    app.error(404, ctx -> {
      if (!isErrorBody(ctx)) {
        render(ctx, 404, "invalid_request_error", "not_found", null, "no route for " + ctx.method() + " " + ctx.path());
      }
    });
    app.error(405, ctx -> render(
        ctx, 405, "invalid_request_error", "method_not_allowed", null, ctx.method() + " is not allowed on " + ctx.path()));
  }

  /**
   * A refused exchange, as OpenAI refuses unsafe prompts (400, {@code content_policy_violation}), so that SDKs parse
   * it; plus the decision and request ids, so that the user can appeal and the operator can find the record, and
   * where to appeal.
   */
  static void refusal(Context ctx, Outcome.Refused refused) {
    String what = refused.phase() == Operation.OUTPUT ? "the generated images were" : "your request was";
    String decisionId = refused.verdict().decisionId().toString();
    render(ctx, 400, "invalid_request_error", "content_policy_violation", null,
        "Garde-fou: " + what + " rejected by the safety system (decision " + decisionId + ", request "
            + refused.requestId() + "). To appeal, POST " + ActorHandlers.APPEALS_PATH + " with this decision id.",
        error -> error.put("decision_id", decisionId)
            .put("request_id", refused.requestId())
            .put("phase", refused.phase() == Operation.OUTPUT ? "output" : "input")
            .set("appeal", ActorHandlers.appealLink(refused.verdict().decisionId())));
  }

  /** Upstream down or failing: 502; too slow: 504; it refused the request as sent: its own 4xx. */
  private static void upstream(UpstreamException e, Context ctx) {
    LOG.warn("{} {}: upstream {}: {}", ctx.method(), ctx.path(), e.kind(), e.getMessage());
    switch (e.kind()) {
      case TIMEOUT -> render(ctx, 504, "server_error", "upstream_timeout", null, e.getMessage());
      case UNAVAILABLE -> render(ctx, 502, "server_error", "upstream_error", null, e.getMessage());
      case REJECTED -> render(ctx, e.upstreamStatus(), "invalid_request_error", "upstream_rejected", null, e.getMessage());
    }
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "request_too_large";
      case 415 -> "unsupported_media_type";
      default -> "http_" + status;
    };
  }

  private static boolean isErrorBody(Context ctx) {
    String body = ctx.result();
    return body != null && body.startsWith("{\"error\"");
  }

  private static void render(Context ctx, int status, String type, String code, String param, String message) {
    render(ctx, status, type, code, param, message, error -> {});
  }

  private static void render(Context ctx, int status, String type, String code, String param, String message,
      Consumer<ObjectNode> extension) {
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    extension.accept(error);
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
