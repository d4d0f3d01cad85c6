package io.gardefou.server;

import io.gardefou.gateway.Gateway;
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
 * @param maxConcurrentPerTenant images requests one tenant may have in flight; one more is a 429
 * @param imageUrlTtl how long an image served for {@code response_format: url} stays available
 * @param imageStoreBytes the most image bytes held for those URLs; the oldest go first past it
 */
public record GatewaySettings(
    String upstream, Optional<String> upstreamApiKey, Duration upstreamTimeout, int maxImagesN, int maxImageBytes,
    int maxConcurrentPerTenant, Duration imageUrlTtl, long imageStoreBytes) {
  public static final String DEMO = "demo";
  public static final String API_KEY_ENV = "GARDEFOU_UPSTREAM_API_KEY";
  /** OpenAI's image URLs last 60 minutes. */
  public static final Duration DEFAULT_IMAGE_URL_TTL = Duration.ofHours(1);
  public static final long DEFAULT_IMAGE_STORE_BYTES = 256L * 1024 * 1024;

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
    if (maxConcurrentPerTenant < 1 || maxConcurrentPerTenant > 10_000) {
      throw new IllegalArgumentException("max_concurrent_per_tenant must be 1..10000, was " + maxConcurrentPerTenant);
    }
    Objects.requireNonNull(imageUrlTtl, "imageUrlTtl");
    if (imageUrlTtl.toSeconds() < 1 || imageUrlTtl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("image_url_ttl_seconds must be 1..86400, was " + imageUrlTtl.toSeconds());
    }
    if (imageStoreBytes < 1024 * 1024) {
      throw new IllegalArgumentException("image_store_bytes must be at least 1048576, was " + imageStoreBytes);
    }
  }

  /** The given upstream and limits, with the default bulkhead and URL store. */
  public GatewaySettings(
      String upstream, Optional<String> upstreamApiKey, Duration upstreamTimeout, int maxImagesN, int maxImageBytes) {
    this(upstream, upstreamApiKey, upstreamTimeout, maxImagesN, maxImageBytes,
        Gateway.DEFAULT_MAX_CONCURRENT_PER_TENANT, DEFAULT_IMAGE_URL_TTL, DEFAULT_IMAGE_STORE_BYTES);
  }

  /**
   * The demo upstream, 120 s upstream timeout, n ≤ 4, images ≤ 20 MiB, 16 requests in flight a tenant, image URLs
   * for an hour within 256 MiB; the key from the environment if set.
   */
  public static GatewaySettings defaults() {
    return new GatewaySettings(DEMO, Optional.ofNullable(System.getenv(API_KEY_ENV)).filter(k -> !k.isBlank()),
        Duration.ofSeconds(120), 4, 20 * 1024 * 1024);
  }

  public boolean demo() {
    return isDemo(upstream);
  }

  public GatewaySettings withUpstream(String newUpstream) {
    return new GatewaySettings(newUpstream, upstreamApiKey, upstreamTimeout, maxImagesN, maxImageBytes,
        maxConcurrentPerTenant, imageUrlTtl, imageStoreBytes);
  }

  public GatewaySettings withUpstreamTimeout(Duration timeout) {
    return new GatewaySettings(upstream, upstreamApiKey, timeout, maxImagesN, maxImageBytes,
        maxConcurrentPerTenant, imageUrlTtl, imageStoreBytes);
  }

  public GatewaySettings withLimits(int newMaxImagesN, int newMaxImageBytes) {
    return new GatewaySettings(upstream, upstreamApiKey, upstreamTimeout, newMaxImagesN, newMaxImageBytes,
        maxConcurrentPerTenant, imageUrlTtl, imageStoreBytes);
  }

  public GatewaySettings withMaxConcurrentPerTenant(int limit) {
    return new GatewaySettings(upstream, upstreamApiKey, upstreamTimeout, maxImagesN, maxImageBytes,
        limit, imageUrlTtl, imageStoreBytes);
  }

  public GatewaySettings withImageUrls(Duration ttl, long storeBytes) {
    return new GatewaySettings(upstream, upstreamApiKey, upstreamTimeout, maxImagesN, maxImageBytes,
        maxConcurrentPerTenant, ttl, storeBytes);
  }

  private static boolean isDemo(String upstream) {
    return DEMO.equals(upstream);
  }

  /** Never prints the key: settings are logged at start. */
  @Override
  public String toString() {
    return "GatewaySettings[upstream=" + upstream + ", upstreamApiKey=" + (upstreamApiKey.isPresent() ? "***" : "none")
        + ", upstreamTimeout=" + upstreamTimeout + ", maxImagesN=" + maxImagesN + ", maxImageBytes=" + maxImageBytes
        + ", maxConcurrentPerTenant=" + maxConcurrentPerTenant + ", imageUrlTtl=" + imageUrlTtl
        + ", imageStoreBytes=" + imageStoreBytes + "]";
  }
}
