package io.gardefou.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text parameters of an Images API call, from a JSON body (generations) or form fields (edits), checked the same
 * way. Unknown parameters are refused rather than ignored: a client must never believe one was honoured.
 */
final class ImagesParams {
  /** OpenAI parameters forwarded to the upstream as sent. */
  static final Set<String> FORWARDED = Set.of("size", "quality", "style", "background", "output_format");
  private static final Set<String> KNOWN = Set.of(
      "prompt", "model", "n", "response_format", "user", "size", "quality", "style", "background", "output_format");
  private static final int MAX_PROMPT_CHARS = 32_000;

  private ImagesParams() {}

  /** The JSON body's parameters as text; every value must be a string, except {@code n}, an integer. */
  static Map<String, String> fromJson(JsonNode body) {
    Map<String, String> params = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (name.equals("n") ? !value.canConvertToInt() || !value.isIntegralNumber() : !value.isTextual()) {
        throw ApiException.invalid("invalid_type", name,
            "'" + name + "' must be " + (name.equals("n") ? "an integer" : "a string"));
      }
      params.put(name, value.asText());
    }
    return params;
  }

  /** The form's text fields; each may appear once. */
  static Map<String, String> fromForm(Map<String, List<String>> form) {
    Map<String, String> params = new HashMap<>();
    form.forEach((name, values) -> {
      if (values.size() != 1) {
        throw ApiException.invalid("duplicate_parameter", name, "'" + name + "' must be sent once");
      }
      params.put(name, values.getFirst());
    });
    return params;
  }

  static ImagesRequest request(
      Operation operation, Map<String, String> params, List<InputImage> images, Optional<InputImage> mask) {
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        throw ApiException.invalid("unknown_parameter", name, "unknown parameter '" + name + "'");
      }
    }
    String prompt = params.get("prompt");
    if (prompt == null || prompt.isBlank()) {
      throw ApiException.invalid("missing_required_parameter", "prompt", "'prompt' is required");
    }
    if (prompt.length() > MAX_PROMPT_CHARS) {
      throw ApiException.invalid("prompt_too_long", "prompt", "'prompt' has more than " + MAX_PROMPT_CHARS + " characters");
    }
    responseFormat(params);
    Map<String, String> options = new HashMap<>();
    FORWARDED.forEach(name -> Optional.ofNullable(params.get(name)).ifPresent(value -> options.put(name, value)));
    return new ImagesRequest(operation, JsonBodies.wellFormed(prompt, "prompt"), images, mask,
        Optional.ofNullable(params.get("model")), n(params.get("n")), options,
        Optional.ofNullable(params.get("user")).filter(user -> !user.isBlank()));
  }

  /** {@code b64_json} (the default) or {@code url}, served by the gateway itself. */
  static ImageResponses.Format responseFormat(Map<String, String> params) {
    return switch (params.getOrDefault("response_format", "b64_json")) {
      case "b64_json" -> ImageResponses.Format.B64_JSON;
      case "url" -> ImageResponses.Format.URL;
      default -> throw ApiException.invalid("unsupported_response_format", "response_format",
          "response_format must be 'b64_json' or 'url'");
    };
  }

  private static int n(String text) {
    if (text == null) {
      return 1;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("invalid_value", "n", "'n' must be a positive integer, was '" + text + "'");
  }
}
