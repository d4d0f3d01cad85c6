package io.gardefou.screen;

import java.time.Duration;
import java.util.Objects;

/**
 * Back-pressure: the verdict log's queue is full, so the verdict was not recorded and must not be acted on.
 * The HTTP layer answers 503 with {@code Retry-After}.
 */
public final class VerdictLogFullException extends RuntimeException {
  private final Duration retryAfter;

  public VerdictLogFullException(int capacity, Duration retryAfter) {
    super("the verdict log is full (" + capacity + " verdicts waiting); retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long the client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
