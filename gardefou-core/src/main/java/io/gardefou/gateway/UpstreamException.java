package io.gardefou.gateway;

import java.util.Objects;

/**
 * The upstream could not answer: down or broken (a 502 to the client), too slow (504), or it refused the request
 * as sent (its own 4xx, passed on). The message is safe to show the client; it never holds the API key.
 */
public final class UpstreamException extends RuntimeException {
  /** How the upstream failed. */
  public enum Kind {
    /** Unreachable, a 5xx, an unreadable answer, or it rejected our credentials: the operator's problem. */
    UNAVAILABLE,
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** It refused the request as sent (a 4xx other than auth): the client's problem, with the upstream's status. */
    REJECTED
  }

  private final Kind kind;
  private final int upstreamStatus;

  public UpstreamException(Kind kind, int upstreamStatus, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.upstreamStatus = upstreamStatus;
  }

  public static UpstreamException unavailable(String message) {
    return new UpstreamException(Kind.UNAVAILABLE, 0, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The upstream's HTTP status, or 0 when there was no answer. */
  public int upstreamStatus() {
    return upstreamStatus;
  }
}
