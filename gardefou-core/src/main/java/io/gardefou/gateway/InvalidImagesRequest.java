package io.gardefou.gateway;

import java.util.Objects;

/** A request the gateway will not take as sent, such as more images than allowed: bad input, a 400. */
public final class InvalidImagesRequest extends RuntimeException {
  private final String code;
  private final String param;

  public InvalidImagesRequest(String code, String param, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
    this.param = Objects.requireNonNull(param, "param");
  }

  /** A machine-readable code, e.g. {@code too_many_images}. */
  public String code() {
    return code;
  }

  /** The request parameter at fault. */
  public String param() {
    return param;
  }
}
