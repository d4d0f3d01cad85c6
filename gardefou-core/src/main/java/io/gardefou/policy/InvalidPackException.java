package io.gardefou.policy;

/** A policy pack that cannot be loaded; the message names the pack, and the rule and position where known. */
public final class InvalidPackException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidPackException(String message) {
    super(message);
  }

  public InvalidPackException(String message, Throwable cause) {
    super(message, cause);
  }
}
