package io.gardefou.image;

import java.util.Objects;

/**
 * An image that cannot be screened because it is empty, over a limit, of a format we do not read, or broken.
 * It is bad input, not a fault: it maps to HTTP 400 with {@link #code()} in the server's error table.
 *
 * <p>The message is safe to return to the client: it names the limit or the format, never bytes of the image.
 * The cause, when there is one, is the decoder's own exception, for server logs only.
 */
public final class ImageError extends RuntimeException {
  /** Why the image was refused. */
  public enum Kind {
    EMPTY("image_empty"),
    TOO_LARGE_BYTES("image_too_large"),
    TOO_MANY_PIXELS("image_too_many_pixels"),
    TOO_MANY_FRAMES("image_too_many_frames"),
    UNSUPPORTED_FORMAT("image_unsupported_format"),
    CORRUPT("image_corrupt");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Kind kind;

  ImageError(Kind kind, String message) {
    this(kind, message, null);
  }

  ImageError(Kind kind, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  /** The machine-readable error code, e.g. {@code image_too_many_pixels}. */
  public String code() {
    return kind.code();
  }
}
