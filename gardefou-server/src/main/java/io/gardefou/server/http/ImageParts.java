package io.gardefou.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.model.InputImage;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one {@code image_url} content part of a moderation request into an image the screener can see: a
 * {@code data:} URL (RFC 2397) with base64 bytes, decoded within the server's image limits before screening, so that
 * an image nobody can screen is a 400 rather than a detector failure.
 *
 * <p>Remote {@code http(s)} URLs are refused: fetching what a client names would let it make the server reach
 * arbitrary hosts (SSRF), and the bytes seen would not be the bytes the client holds.
 */
final class ImageParts {
  /** The media types a data URL may declare; the decoder still judges the bytes, never the label. */
  private static final Set<String> MEDIA_TYPES =
      Set.of("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp");

  private ImageParts() {}

  /** The image of {@code part} ({@code {"type": "image_url", "image_url": {"url": ...}}}), named {@code param}. */
  static InputImage read(JsonNode part, String param, ImageDecoder decoder) {
    JsonNode url = part.path("image_url").path("url");
    String urlParam = param + ".image_url.url";
    if (!url.isTextual()) {
      throw ApiException.invalid("invalid_type", urlParam, "an image_url part needs an object 'image_url' with a string 'url'");
    }
    String value = url.asText();
    String scheme = value.contains(":") ? value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT) : "";
    return switch (scheme) {
      case "data" -> dataUrl(value, urlParam, param, decoder);
      case "http", "https" -> throw ApiException.invalid("image_url_not_allowed", urlParam,
          "remote image URLs are not fetched; send the image inline as a data:image/...;base64 URL");
      default -> throw ApiException.invalid("invalid_image_url", urlParam,
          "an image URL must be a data:image/...;base64 URL");
    };
  }

  private static InputImage dataUrl(String url, String urlParam, String name, ImageDecoder decoder) {
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw ApiException.invalid("invalid_image_url", urlParam, "a data URL needs a ',' before its data");
    }
    // RFC 2397: data:[<mediatype>][;base64],<data>; parameters such as ;charset may sit between.
    String[] header = url.substring("data:".length(), comma).split(";");
    String mediaType = header[0].trim().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw ApiException.invalid("invalid_image_media_type", urlParam,
          "the data URL's media type must be one of " + MEDIA_TYPES.stream().sorted().toList() + ", was '" + mediaType + "'");
    }
    if (!"base64".equalsIgnoreCase(header[header.length - 1].trim())) {
      throw ApiException.invalid("invalid_image_url", urlParam, "an image data URL must be base64-encoded (';base64,')");
    }
    String data = url.substring(comma + 1);
    long limit = decoder.limits().maxBytes();
    // Checked on the encoded length first, so that an oversized image is never decoded into memory.
    if (data.length() / 4L * 3 > limit + 2) {
      throw ApiException.invalid("image_too_large", urlParam, "the image exceeds the limit of " + limit + " bytes");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_base64", urlParam, "the data URL is not valid base64: " + e.getMessage());
    }
    try {
      decoder.decode(bytes);
    } catch (ImageError e) {
      throw ApiException.invalid(e.code(), urlParam, e.getMessage());
    }
    return InputImage.of(name, bytes);
  }
}
