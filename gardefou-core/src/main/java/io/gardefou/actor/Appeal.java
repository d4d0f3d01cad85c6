package io.gardefou.actor;

import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request that a moderator look again at one decision, filed by the actor or by the operator for them, and
 * the moderator's answer once given.
 *
 * @param pseudonym the actor the decision was about
 * @param filer who filed it: the operator's key id
 * @param statement the actor's or operator's short statement, at most {@link #MAX_STATEMENT} characters
 * @param note the moderator's note with the answer; empty while open
 */
public record Appeal(
    UUID id,
    DecisionId decisionId,
    String tenant,
    String pseudonym,
    FiledBy filedBy,
    String filer,
    String statement,
    Instant filedAt,
    State state,
    Optional<String> note,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt) {
  /** The longest statement or note accepted, in characters: a short statement, not a brief. */
  public static final int MAX_STATEMENT = 2_000;

  public Appeal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(filedBy, "filedBy");
    Objects.requireNonNull(filer, "filer");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (state == State.OPEN && (note.isPresent() || decidedBy.isPresent() || decidedAt.isPresent())) {
      throw new IllegalArgumentException("an open appeal has no answer yet");
    }
    if (state != State.OPEN && (decidedBy.isEmpty() || decidedAt.isEmpty())) {
      throw new IllegalArgumentException("a decided appeal needs who decided and when");
    }
  }

  /** A new, open appeal. */
  public static Appeal open(UUID id, DecisionId decisionId, String tenant, String pseudonym, FiledBy filedBy,
      String filer, String statement, Instant filedAt) {
    return new Appeal(id, decisionId, tenant, pseudonym, filedBy, filer, statement, filedAt, State.OPEN,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This appeal answered. */
  public Appeal decided(State outcome, String by, String moderatorNote, Instant at) {
    if (outcome == State.OPEN) {
      throw new IllegalArgumentException("an answer upholds or overturns");
    }
    return new Appeal(id, decisionId, tenant, pseudonym, filedBy, filer, statement, filedAt, outcome,
        Optional.of(moderatorNote), Optional.of(by), Optional.of(at));
  }

  /** Who the appeal is from. */
  public enum FiledBy {
    ACTOR,
    OPERATOR;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static FiledBy fromWireName(String name) {
      for (FiledBy filedBy : values()) {
        if (filedBy.wireName().equals(name)) {
          return filedBy;
        }
      }
      throw new IllegalArgumentException("unknown filer '" + name + "'; expected actor or operator");
    }
  }

  /** Where the appeal stands: open, or answered by upholding or overturning the decision. */
  public enum State {
    OPEN,
    UPHELD,
    OVERTURNED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State fromWireName(String name) {
      for (State state : values()) {
        if (state.wireName().equals(name)) {
          return state;
        }
      }
      throw new IllegalArgumentException("unknown appeal status '" + name + "'; expected open, upheld or overturned");
    }
  }
}
