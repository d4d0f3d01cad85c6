package io.gardefou.server.http;

import io.gardefou.bank.BankName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.vault.Change;
import io.gardefou.vault.Contents;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.Opened;
import io.gardefou.vault.VaultEntry;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The evidence vault over HTTP: read an entry (moderators), place and lift legal holds and erase (admins). Each call
 * is one vault method; the vault records it in the audit trail under the caller's key id.
 */
final class EvidenceHandlers {
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final int MAX_REASON_CHARS = 1_000;

  private final EvidenceVault vault;

  EvidenceHandlers(EvidenceVault vault) {
    this.vault = vault;
  }

  /**
   * {@code GET /v1/evidence/{decision_id}[?contents=false]}: the entry's metadata and, unless shredded or declined,
   * the decrypted prompt and images (base64).
   */
  void read(Context ctx) {
    DecisionId id = decisionId(ctx);
    String contents = ctx.queryParam("contents");
    if (contents != null && !contents.equals("true") && !contents.equals("false")) {
      throw ApiException.invalid("invalid_contents", "contents", "contents must be true or false, was '" + contents + "'");
    }
    Opened opened = vault.open(id, caller(ctx), !"false".equals(contents)).orElseThrow(() -> notFound(id));
    ObjectNode body = metadata(opened.entry());
    opened.contents().ifPresent(kept -> body.set("contents", contents(kept)));
    ctx.contentType("application/json").result(body.toString());
  }

  /** {@code POST /v1/evidence/{decision_id}/hold} with {@code {"reason": …}}: suspends expiry and erasure. */
  void hold(Context ctx) {
    change(ctx, id -> vault.hold(id, caller(ctx), reason(ctx)));
  }

  /** {@code POST /v1/evidence/{decision_id}/release} with {@code {"reason": …}}: lifts the hold. */
  void release(Context ctx) {
    change(ctx, id -> vault.release(id, caller(ctx), reason(ctx)));
  }

  /** {@code DELETE /v1/evidence/{decision_id}} with {@code {"reason": …}}: crypto-shreds the entry unless held. */
  void erase(Context ctx) {
    change(ctx, id -> vault.erase(id, caller(ctx), reason(ctx)));
  }

  private void change(Context ctx, Function<DecisionId, Change> act) {
    DecisionId id = decisionId(ctx);
    switch (act.apply(id)) {
      case APPLIED -> ctx.contentType("application/json")
          .result(metadata(vault.entry(id).orElseThrow(() -> notFound(id))).toString());
      case NOT_FOUND -> throw notFound(id);
      case UNDER_HOLD -> throw ApiException.conflict("legal_hold", null,
          "the evidence of decision " + id + " is under legal hold; release the hold first");
      case SHREDDED -> throw ApiException.gone("evidence_shredded", null,
          "the evidence of decision " + id + " was crypto-shredded; nothing is left to hold or erase");
    }
  }

  private static ObjectNode metadata(VaultEntry entry) {
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("decision_id", entry.decisionId().toString());
    body.put("tenant", entry.tenant());
    body.put("state", entry.shredded() ? "shredded" : "readable");
    body.put("kept_at", entry.keptAt().toString());
    body.put("retain_until", entry.retainUntil().toString());
    strings(body.putArray("retention_basis"), entry.retentionBasis());
    body.put("legal_hold", entry.legalHold());
    body.put("prompt_sha256", entry.promptSha256());
    strings(body.putArray("image_sha256s"), entry.imageSha256s());
    strings(body.putArray("withheld_image_sha256s"), entry.withheldImageSha256s());
    if (!entry.withheldImageSha256s().isEmpty()) {
      body.put("withheld_because", BankName.KNOWN_CSAM.value());
    }
    body.put("master_key_id", entry.masterKeyId());
    entry.shreddedAt().ifPresent(at -> body.put("shredded_at", at.toString()));
    entry.shredReason().ifPresent(reason -> body.put("shred_reason", reason));
    return body;
  }

  private static ObjectNode contents(Contents kept) {
    ObjectNode contents = JsonBodies.MAPPER.createObjectNode();
    contents.put("prompt", kept.prompt());
    ArrayNode images = contents.putArray("images");
    for (InputImage image : kept.images()) {
      images.addObject()
          .put("name", image.name())
          .put("sha256", image.sha256())
          .put("b64", Base64.getEncoder().encodeToString(image.bytes()));
    }
    return contents;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static DecisionId decisionId(Context ctx) {
    String text = ctx.pathParam("decision_id");
    try {
      return DecisionId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_decision_id", "decision_id", "decision_id must be a UUID, was '" + text + "'");
    }
  }

  /** The optional {@code reason} of a body, recorded with the act; no body gives {@code unspecified}. */
  private static String reason(Context ctx) {
    // Javalin's maxRequestSize bounds the body; an empty one (a bare DELETE) gives no reason.
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length == 0) {
      return "unspecified";
    }
    if (raw.length > MAX_BODY_BYTES) {
      throw ApiException.tooLarge(MAX_BODY_BYTES);
    }
    JsonNode root;
    try {
      root = JsonBodies.MAPPER.readTree(raw);
    } catch (java.io.IOException e) {
      throw ApiException.invalid("invalid_json", null, "request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("invalid_json", null, "request body must be a JSON object");
    }
    JsonNode reason = root.path("reason");
    if (reason.isMissingNode() || reason.isNull()) {
      return "unspecified";
    }
    if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON_CHARS) {
      throw ApiException.invalid("invalid_reason", "reason",
          "reason must be a non-blank string of at most " + MAX_REASON_CHARS + " characters");
    }
    return JsonBodies.wellFormed(reason.asText(), "reason");
  }

  private static String caller(Context ctx) {
    return AccessCheck.caller(ctx).id().toString();
  }

  private static ApiException notFound(DecisionId id) {
    return ApiException.notFound("evidence_not_found", "decision_id", "the vault holds no evidence of decision " + id);
  }
}
