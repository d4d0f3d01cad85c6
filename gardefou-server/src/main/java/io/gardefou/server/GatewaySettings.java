package io.gardefou.server;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The images gateway's settings: which upstream, how to reach it, and the request limits.
 *
 * @param upstream {@code demo} (the built-in synthetic images) or the upstream's OpenAI base URL, e.g.
 *     {@code https://api.openai.com/v1}
 * @param upstreamApiKey sent as a bearer token; from {@code upstream_api_key} or {@code GARDEFOU_UPSTREAM_API_KEY}
 * @param upstreamTimeout how long one upstream call may take, answer included
 * @param maxImagesN the largest {@code n} a client may ask for
 * @param maxImageBytes the largest image a client may upload (each source image and the mask)
 */
public record GatewaySettings(
    String upstream, Optional<String> upstreamApiKey, Duration upstreamTimeout, int maxImagesN, int maxImageBytes) {
  public static final String DEMO = "demo";
  public static final String API_KEY_ENV = "GARDEFOU_UPSTREAM_API_KEY";

  public GatewaySettings {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(upstreamApiKey, "upstreamApiKey");
    Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    if (!isDemo(upstream)) {
      URI uri;
      try {
        uri = URI.create(upstream);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("upstream must be 'demo' or an http(s) URL, was '" + upstream + "'", e);
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException("upstream must be 'demo' or an http(s) URL, was '" + upstream + "'");
      }
    }
    if (upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
      throw new IllegalArgumentException("upstream_timeout_ms must be positive, was " + upstreamTimeout.toMillis());
    }
    if (maxImagesN < 1 || maxImagesN > 10) {
      throw new IllegalArgumentException("max_images_n must be 1..10 (OpenAI's range), was " + maxImagesN);
    }
    if (maxImageBytes < 1024 || maxImageBytes > 64 * 1024 * 1024) {
      throw new IllegalArgumentException("max_image_bytes must be 1024..67108864, was " + maxImageBytes);
    }
  }

  /** The demo upstream, 120 s upstream timeout, n ≤ 4, images ≤ 20 MiB; the key from the environment if set. */
  public static GatewaySettings defaults() {
    return new GatewaySettings(DEMO, Optional.ofNullable(System.getenv(API_KEY_ENV)).filter(k -> !k.isBlank()),
        Duration.ofSeconds(120), 4, 20 * 1024 * 1024);
  }

  public boolean demo() {
    return isDemo(upstream);
  }

  public GatewaySettings withUpstream(String newUpstream) {
    return new GatewaySettings(newUpstream, upstreamApiKey, upstreamTimeout, maxImagesN, maxImageBytes);
  }

  public GatewaySettings withUpstreamTimeout(Duration timeout) {
    return new GatewaySettings(upstream, upstreamApiKey, timeout, maxImagesN, maxImageBytes);
  }

  public GatewaySettings withLimits(int newMaxImagesN, int newMaxImageBytes) {
    return new GatewaySettings(upstream, upstreamApiKey, upstreamTimeout, newMaxImagesN, newMaxImageBytes);
  }

  private static boolean isDemo(String upstream) {
    return DEMO.equals(upstream);
  }

  /** Never prints the key: settings are logged at start. */
  @Override
  public String toString() {
    return "GatewaySettings[upstream=" + upstream + ", upstreamApiKey=" + (upstreamApiKey.isPresent() ? "***" : "none")
        + ", upstreamTimeout=" + upstreamTimeout + ", maxImagesN=" + maxImagesN + ", maxImageBytes=" + maxImageBytes + "]";
  }
}
