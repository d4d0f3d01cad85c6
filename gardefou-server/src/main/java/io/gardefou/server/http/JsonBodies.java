package io.gardefou.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads JSON request bodies strictly and within a size limit, and checks the text inside them. */
final class JsonBodies {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      // Two values for one key are rejected: a screener and an upstream must never read different prompts.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonBodies() {}

  /** Reads the body as a JSON object; a larger body is refused before it is parsed. */
  static JsonNode readObject(Context ctx, int limitBytes) {
    return parseObject(readBounded(ctx, limitBytes));
  }

  /** Parses a body read with {@link #readBounded} as a JSON object. */
  static JsonNode parseObject(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("invalid_json", null, "request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("invalid_json", null, "request body could not be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("invalid_json", null, "request body must be a JSON object");
    }
    return root;
  }

  /** Text must be well-formed UTF-16: a lone surrogate (from a JSON escape) is not a character. */
  static String wellFormed(String text, String param) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ApiException.invalid("invalid_unicode", param, param + " contains an unpaired surrogate at index " + i);
      }
    }
    return text;
  }

  /** The body's bytes; a larger body is refused (413) before it is all read. */
  static byte[] readBounded(Context ctx, int limitBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limitBytes) {
      throw ApiException.tooLarge(limitBytes);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(limitBytes + 1);
      if (body.length > limitBytes) {
        throw ApiException.tooLarge(limitBytes);
      }
      return body;
    } catch (IOException e) {
      throw ApiException.invalid("unreadable_body", null, "request body could not be read: " + e.getMessage());
    }
  }
}
