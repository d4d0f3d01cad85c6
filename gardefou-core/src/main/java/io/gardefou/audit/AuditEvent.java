package io.gardefou.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One accountable act that is not a screening decision, as the audit ledger holds it: an appeal decided, an actor
 * suspended, a key revoked, a take-down filed. Like {@link DecisionRecord} it carries identifiers and digests,
 * never content, and {@link #canonicalJson()} always gives the same bytes for the same event.
 *
 * @param kind what happened, dotted lower case: {@code appeal.upheld}, {@code actor.suspended}, {@code key.revoked}
 * @param by who did it: an API key id, or {@code system} for an automatic act (a suspension at the threshold)
 * @param subject what it was done to: a decision id, an actor pseudonym, a key id
 * @param details further string members, e.g. the reason or the tenant
 */
public record AuditEvent(String kind, String by, String subject, Instant at, Map<String, String> details) {
  /** The entry format's version, the {@code v} member. */
  public static final int VERSION = 1;
  private static final Pattern KIND = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

  public AuditEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("event kind '" + kind + "' is not dotted lower case like appeal.upheld");
    }
    details = Map.copyOf(new TreeMap<>(details));
  }

  /** The ledger entry: RFC 8785 canonical JSON in UTF-8, told apart from decision records by its {@code event} member. */
  public byte[] canonicalJson() {
    TreeMap<String, Object> members = new TreeMap<>();
    members.put("v", VERSION);
    members.put("event", kind);
    members.put("by", by);
    members.put("subject", subject);
    members.put("at", at.toString());
    members.put("details", new TreeMap<String, Object>(details));
    return CanonicalJson.encode(members);
  }
}
