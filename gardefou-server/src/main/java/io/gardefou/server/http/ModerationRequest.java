package io.gardefou.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.image.ImageDecoder;
import io.gardefou.model.Actor;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.policy.JurisdictionResolver;
import io.gardefou.policy.TenantSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code POST /v1/moderations} body: OpenAI's {@code input} and {@code model}, plus Garde-fou's
 * optional {@code gardefou} object ({@code operation}, {@code jurisdiction}, {@code user}, {@code tier}).
 *
 * @param texts one entry per result: each string of a string array, or the joined text parts of a
 *     multimodal array, which OpenAI answers with a single result
 * @param images the image parts of a multimodal array, screened with its text in that single result; named after
 *     their part ({@code input[1]}), so that evidence points back at the part that produced it
 * @param user the operator's id of its user, raw: it is pseudonymised before it reaches the screener
 */
record ModerationRequest(
    List<String> texts, List<InputImage> images, String model, Operation operation, Optional<String> user, Tier tier,
    Optional<Jurisdiction> jurisdiction) {
  static final int MAX_INPUTS = 64;
  /** Image parts in one request; together they must also fit in {@link #maxBodyBytes}. */
  static final int MAX_IMAGES = 4;
  static final String DEFAULT_MODEL = "omni-moderation-latest";

  ModerationRequest {
    texts = List.copyOf(texts);
    images = List.copyOf(images);
    if (!images.isEmpty() && texts.size() != 1) {
      throw new IllegalArgumentException("images come with one multimodal input, not with " + texts.size());
    }
  }

  /**
   * The largest body: the JSON limit, plus one image at the image limit in base64 (4 bytes per 3). All image parts
   * share that one allowance, so a request buffers at most one maximal image, however many parts it has.
   */
  static long maxBodyBytes(int maxJsonBytes, long maxImageBytes) {
    return maxJsonBytes + (maxImageBytes + 2) / 3 * 4 + 1024;
  }

  /** The characters of the image URLs in a body's content parts, which the image limit bounds rather than the JSON one. */
  static long inlineImageChars(JsonNode body) {
    long chars = 0;
    JsonNode input = body.path("input");
    if (input.isArray()) {
      for (JsonNode part : input) {
        JsonNode url = part.path("image_url").path("url");
        chars += url.isTextual() ? url.asText().length() : 0;
      }
    }
    return chars;
  }

  static ModerationRequest parse(JsonNode body, ImageDecoder decoder) {
    JsonNode input = body.get("input");
    if (input == null || input.isNull()) {
      throw ApiException.invalid("missing_required_parameter", "input", "'input' is required");
    }
    List<String> texts;
    List<InputImage> images = new ArrayList<>();
    if (input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS && input.get(0).isObject()) {
      texts = List.of(contentParts(input, images, decoder));
    } else {
      texts = texts(input);
    }
    JsonNode model = body.get("model");
    if (model != null && !model.isTextual()) {
      throw ApiException.invalid("invalid_type", "model", "'model' must be a string");
    }
    JsonNode extension = body.path("gardefou");
    if (!extension.isMissingNode() && !extension.isObject()) {
      throw ApiException.invalid("invalid_type", "gardefou", "'gardefou' must be an object");
    }
    return new ModerationRequest(
        texts,
        images,
        model == null ? DEFAULT_MODEL : model.asText(),
        operation(extension),
        user(extension),
        tier(extension),
        jurisdiction(extension));
  }

  /**
   * One screening request per text (with the images, for a multimodal input), for the tenant. Where the user is
   * comes from the operator's trusted edge header first, then the body's {@code gardefou.jurisdiction}, then the
   * tenant's default, else global.
   */
  List<ScreeningRequest> screeningRequests(Optional<String> edgeHeader, TenantSettings tenant, Pseudonyms pseudonyms) {
    JurisdictionResolver.Resolved edge = JurisdictionResolver.resolve(edgeHeader, tenant);
    JurisdictionResolver.Resolved where = edge.source() == JurisdictionSource.HEADER || jurisdiction.isEmpty()
        ? edge
        : new JurisdictionResolver.Resolved(jurisdiction.get(), JurisdictionSource.REQUEST);
    Actor actor = pseudonyms.actor(tenant.id(), user, tier);
    return texts.stream()
        .map(text -> new ScreeningRequest(
            operation, text, images, actor, where.jurisdiction(), tenant.id(), where.source()))
        .toList();
  }

  private static List<String> texts(JsonNode input) {
    if (input.isTextual()) {
      return List.of(JsonBodies.wellFormed(input.asText(), "input"));
    }
    if (!input.isArray() || input.isEmpty()) {
      throw ApiException.invalid(
          "invalid_type", "input", "'input' must be a string, a non-empty array of strings, or a non-empty array of content parts");
    }
    if (input.size() > MAX_INPUTS) {
      throw ApiException.invalid("too_many_inputs", "input", "'input' has " + input.size() + " items; at most " + MAX_INPUTS);
    }
    List<String> texts = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      if (!item.isTextual()) {
        throw ApiException.invalid("invalid_type", "input[" + i + "]", "every item of a string array must be a string");
      }
      texts.add(JsonBodies.wellFormed(item.asText(), "input[" + i + "]"));
    }
    return texts;
  }

  /** The text parts joined by newlines; the image parts, decoded within the limits, go to {@code images}. */
  private static String contentParts(JsonNode parts, List<InputImage> images, ImageDecoder decoder) {
    StringBuilder joined = new StringBuilder();
    Iterator<JsonNode> items = parts.elements();
    for (int i = 0; items.hasNext(); i++) {
      JsonNode part = items.next();
      String param = "input[" + i + "]";
      String type = part.path("type").asText("");
      switch (type) {
        case "text" -> {
          JsonNode text = part.get("text");
          if (text == null || !text.isTextual()) {
            throw ApiException.invalid("invalid_type", param + ".text", "a text part needs a string 'text'");
          }
          if (!joined.isEmpty()) {
            joined.append('\n');
          }
          joined.append(JsonBodies.wellFormed(text.asText(), param + ".text"));
        }
        case "image_url" -> {
          if (images.size() == MAX_IMAGES) {
            throw ApiException.invalid("too_many_images", param, "at most " + MAX_IMAGES + " image parts a request");
          }
          images.add(ImageParts.read(part, param, decoder));
        }
        default -> throw ApiException.invalid(
            "invalid_type", param + ".type", "content part type must be 'text' or 'image_url', was '" + type + "'");
      }
    }
    return joined.toString();
  }

  private static Operation operation(JsonNode extension) {
    String name = optionalText(extension, "operation");
    if (name == null) {
      return Operation.MODERATE;
    }
    try {
      return Operation.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_operation", "gardefou.operation", e.getMessage());
    }
  }

  private static Optional<Jurisdiction> jurisdiction(JsonNode extension) {
    String code = optionalText(extension, "jurisdiction");
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Jurisdiction.of(code));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("unknown_jurisdiction", "gardefou.jurisdiction", e.getMessage());
    }
  }

  private static Tier tier(JsonNode extension) {
    String tierName = optionalText(extension, "tier");
    try {
      return tierName == null ? Tier.ANONYMOUS : Tier.fromWireName(tierName);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_tier", "gardefou.tier", e.getMessage());
    }
  }

  private static Optional<String> user(JsonNode extension) {
    String user = optionalText(extension, "user");
    if (user == null || user.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(JsonBodies.wellFormed(user, "gardefou.user"));
  }

  private static String optionalText(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.invalid("invalid_type", "gardefou." + field, "'gardefou." + field + "' must be a string");
    }
    return value.asText();
  }
}
