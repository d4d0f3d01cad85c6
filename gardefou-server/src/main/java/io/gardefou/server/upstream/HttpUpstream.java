package io.gardefou.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.gateway.GeneratedImage;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.gateway.Upstream;
import io.gardefou.gateway.UpstreamException;
import io.gardefou.gateway.UpstreamImages;
import io.gardefou.image.ImageFormat;
import io.gardefou.model.InputImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI-compatible Images API reached over HTTP with the JDK client: JSON for generations, multipart for edits,
 * always asking for {@code b64_json} so that every output passes through the gateway's screening.
 *
 * <p>Generations and edits are not idempotent (each call makes new images and may cost money), so the only retry
 * is of a refused connection, when nothing was sent. Timeouts bound the connection and the whole exchange.
 */
public final class HttpUpstream implements Upstream {
  /** Four 4096² PNGs fit; an answer larger than this is not read. */
  static final int MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Optional<String> apiKey;
  private final Duration timeout;
  private final HttpClient client;

  private HttpUpstream(URI base, Optional<String> apiKey, Duration timeout) {
    this.base = base;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** An upstream at {@code baseUrl} (OpenAI's is {@code https://api.openai.com/v1}). */
  public static HttpUpstream create(String baseUrl, Optional<String> apiKey, Duration timeout) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return new HttpUpstream(URI.create(trimmed), Objects.requireNonNull(apiKey, "apiKey"), timeout);
  }

  @Override
  public String name() {
    return base.getHost();
  }

  @Override
  public UpstreamImages generate(ImagesRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("prompt", request.prompt());
    body.put("n", request.n());
    request.model().ifPresent(model -> body.put("model", model));
    request.user().ifPresent(user -> body.put("user", user));
    request.options().forEach(body::put);
    if (asksForBase64(request)) {
      body.put("response_format", "b64_json");
    }
    return send("/images/generations", "application/json", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public UpstreamImages edit(ImagesRequest request) {
    Multipart form = new Multipart().field("prompt", request.prompt()).field("n", Integer.toString(request.n()));
    request.model().ifPresent(model -> form.field("model", model));
    request.user().ifPresent(user -> form.field("user", user));
    request.options().forEach(form::field);
    if (asksForBase64(request)) {
      form.field("response_format", "b64_json");
    }
    // OpenAI takes one source as "image" and several as "image[]".
    String imageField = request.images().size() == 1 ? "image" : "image[]";
    for (InputImage image : request.images()) {
      form.file(imageField, image.name(), mediaType(image), image.bytes());
    }
    request.mask().ifPresent(mask -> form.file("mask", mask.name(), mediaType(mask), mask.bytes()));
    return send("/images/edits", form.contentType(), form.finish());
  }

  /** GPT image models always answer in base64 and refuse the parameter; DALL·E models need it. */
  private static boolean asksForBase64(ImagesRequest request) {
    return !request.model().orElse("").startsWith("gpt-image");
  }

  private UpstreamImages send(String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    HttpRequest request = builder.build();
    HttpResponse<InputStream> response = exchange(request);
    byte[] answer = read(response);
    int status = response.statusCode();
    if (status / 100 == 2) {
      return images(answer);
    }
    String message = "the upstream answered " + status + upstreamMessage(answer).map(m -> ": " + m).orElse("");
    // Its auth failing, or it failing, is the operator's problem; a 4xx about the request is the client's.
    boolean clients = status / 100 == 4 && status != 401 && status != 403;
    throw new UpstreamException(
        clients ? UpstreamException.Kind.REJECTED : UpstreamException.Kind.UNAVAILABLE, status, message, null);
  }

  private HttpResponse<InputStream> exchange(HttpRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (ConnectException e) {
        // Nothing was sent, so trying again cannot make images twice.
        if (attempt == 2) {
          throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "the upstream cannot be reached", e);
        }
      } catch (HttpTimeoutException e) {
        throw new UpstreamException(UpstreamException.Kind.TIMEOUT, 0,
            "the upstream did not answer within " + timeout.toMillis() + " ms", e);
      } catch (IOException e) {
        throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "the upstream exchange failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "interrupted while waiting for the upstream", e);
      }
    }
  }

  private byte[] read(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw UpstreamException.unavailable("the upstream's answer exceeds " + MAX_RESPONSE_BYTES + " bytes");
      }
      return bytes;
    } catch (HttpTimeoutException e) {
      throw new UpstreamException(UpstreamException.Kind.TIMEOUT, 0,
          "the upstream did not answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "the upstream's answer could not be read", e);
    }
  }

  private static UpstreamImages images(byte[] answer) {
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (IOException e) {
      throw UpstreamException.unavailable("the upstream's answer is not JSON");
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isArray()) {
      throw UpstreamException.unavailable("the upstream's answer has no 'data' array");
    }
    List<GeneratedImage> images = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      JsonNode b64 = item.get("b64_json");
      if (b64 == null || !b64.isTextual()) {
        throw UpstreamException.unavailable("the upstream's image " + i + " has no b64_json (URLs are not fetched)");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(b64.asText());
      } catch (IllegalArgumentException e) {
        throw UpstreamException.unavailable("the upstream's image " + i + " is not valid base64");
      }
      JsonNode revised = item.get("revised_prompt");
      images.add(new GeneratedImage(InputImage.of("output-" + i, bytes),
          revised != null && revised.isTextual() ? Optional.of(revised.asText()) : Optional.empty()));
    }
    long created = root.path("created").asLong(System.currentTimeMillis() / 1000);
    return new UpstreamImages(created, images);
  }

  /** The upstream's own error message, shortened: it is shown to the client. */
  private static Optional<String> upstreamMessage(byte[] answer) {
    try {
      JsonNode message = JSON.readTree(answer).path("error").path("message");
      return message.isTextual() ? Optional.of(abbreviate(message.asText())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static String mediaType(InputImage image) {
    return ImageFormat.sniff(image.bytes()).map(format -> switch (format) {
      case JPEG -> "image/jpeg";
      case PNG -> "image/png";
      case GIF -> "image/gif";
      case BMP -> "image/bmp";
      case WEBP -> "image/webp";
    }).orElse("application/octet-stream");
  }
}
