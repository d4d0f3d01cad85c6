package io.gardefou.server.http;

/**
 * A request the API cannot serve as sent. Carries OpenAI's error shape: {@code type}, machine-readable
 * {@code code}, and the offending {@code param} when there is one.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String code;
  private final String param;

  private ApiException(int status, String type, String code, String param, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  /** 400: the body is well-formed but something in it is wrong. */
  public static ApiException invalid(String code, String param, String message) {
    return new ApiException(400, "invalid_request_error", code, param, message);
  }

  /** 401: no API key, or one that is not valid (unknown, revoked, wrong secret): OpenAI's {@code invalid_api_key}. */
  public static ApiException unauthenticated(String message) {
    return new ApiException(401, "invalid_request_error", "invalid_api_key", null, message);
  }

  /** 403: a valid key whose role or tenant does not allow the call. */
  public static ApiException forbidden(String code, String message) {
    return new ApiException(403, "invalid_request_error", code, null, message);
  }

  /** 404: the path names something that does not exist, such as a ledger index past the end. */
  public static ApiException notFound(String code, String param, String message) {
    return new ApiException(404, "invalid_request_error", code, param, message);
  }

  /** 409: the request conflicts with the state of what it names, such as erasing evidence under legal hold. */
  public static ApiException conflict(String code, String param, String message) {
    return new ApiException(409, "invalid_request_error", code, param, message);
  }

  /** 410: what the path names existed and was destroyed for good, such as crypto-shredded evidence. */
  public static ApiException gone(String code, String param, String message) {
    return new ApiException(410, "invalid_request_error", code, param, message);
  }

  /** 413: the body is larger than the configured limit. */
  public static ApiException tooLarge(long limitBytes) {
    return new ApiException(
        413, "invalid_request_error", "request_too_large", null,
        "request body exceeds the limit of " + limitBytes + " bytes");
  }

  /** 413: one uploaded image is larger than the configured limit. */
  public static ApiException imageTooLarge(String param, long limitBytes) {
    return new ApiException(
        413, "invalid_request_error", "image_too_large", param,
        "'" + param + "' exceeds the limit of " + limitBytes + " bytes an image");
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  /** The request field at fault, or null. */
  public String param() {
    return param;
  }
}
