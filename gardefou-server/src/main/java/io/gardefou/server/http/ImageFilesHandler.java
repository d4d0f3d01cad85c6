package io.gardefou.server.http;

import io.gardefou.image.ImageFormat;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code GET /v1/images/files/{token}}: an output served for {@code response_format: url}. Public, since the token is
 * the capability; an unknown or expired one is a 404 that says URLs expire.
 */
final class ImageFilesHandler implements Handler {
  static final String PATH = "/v1/images/files/";

  private final ImageFiles files;
  private final Clock clock;

  ImageFilesHandler(ImageFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public void handle(Context ctx) {
    ImageFiles.Held image = files.get(ctx.pathParam("token")).orElseThrow(() -> ApiException.notFound("image_not_found",
        null, "no image at this URL: image URLs expire " + files.ttl().toMinutes() + " minutes after they are made"));
    long maxAge = Math.max(0, Duration.between(clock.instant(), image.expires()).toSeconds());
    String type = ImageFormat.sniff(image.bytes()).map(f -> "image/" + f.name().toLowerCase(Locale.ROOT))
        .orElse("application/octet-stream");
    ctx.header("Cache-Control", "private, max-age=" + maxAge)
        .header("X-Content-Type-Options", "nosniff")
        .contentType(type)
        .result(image.bytes());
  }
}
