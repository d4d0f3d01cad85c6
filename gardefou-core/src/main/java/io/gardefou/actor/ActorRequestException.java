package io.gardefou.actor;

import java.util.Objects;

/**
 * A request about actors or appeals that cannot be done as asked: an unknown actor or decision, a decision
 * already appealed, an appeal already answered, a statement too long. The HTTP layer maps the kind to a status.
 */
public final class ActorRequestException extends RuntimeException {
  private final Kind kind;
  private final String code;

  private ActorRequestException(Kind kind, String code, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
  }

  public static ActorRequestException notFound(String code, String message) {
    return new ActorRequestException(Kind.NOT_FOUND, code, message);
  }

  public static ActorRequestException conflict(String code, String message) {
    return new ActorRequestException(Kind.CONFLICT, code, message);
  }

  public static ActorRequestException invalid(String code, String message) {
    return new ActorRequestException(Kind.INVALID, code, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Machine-readable, such as {@code unknown_decision} or {@code appeal_exists}. */
  public String code() {
    return code;
  }

  /** What went wrong, which HTTP renders as 404, 409 or 400. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }
}
