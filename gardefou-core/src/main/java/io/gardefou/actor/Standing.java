package io.gardefou.actor;

import io.gardefou.model.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An actor's standing at one tenant: the tier last seen, verification and status. Its strikes are read apart
 * ({@link ActorStore#strikes}), since the check before every request needs only the status.
 *
 * @param tier the tier of the actor's last struck request, as the operator asserted it
 * @param until when a suspension ends by itself; empty for a ban, or while active
 * @param reason why the status was set, for the moderator and the refusal; empty while active
 * @param statusBy who set the status: a key id, or {@code system} for a suspension at the threshold
 */
public record Standing(
    String pseudonym,
    String tenant,
    Tier tier,
    Verification verification,
    Status status,
    Optional<Instant> until,
    Optional<String> reason,
    Optional<String> statusBy) {

  public Standing {
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(statusBy, "statusBy");
  }

  /** A new actor in good standing. */
  public static Standing fresh(String pseudonym, String tenant, Tier tier) {
    return new Standing(pseudonym, tenant, tier, Verification.UNVERIFIED, Status.ACTIVE, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** The status in force at {@code now}: a suspension whose end has passed is over. */
  public Status statusAt(Instant now) {
    if (status == Status.SUSPENDED && until.isPresent() && !now.isBefore(until.get())) {
      return Status.ACTIVE;
    }
    return status;
  }

  /** This standing with the status changed. */
  public Standing with(Status newStatus, Optional<Instant> newUntil, Optional<String> newReason, Optional<String> by) {
    return new Standing(pseudonym, tenant, tier, verification, newStatus, newUntil, newReason, by);
  }

  public Standing withVerification(Verification newVerification) {
    return new Standing(pseudonym, tenant, tier, newVerification, status, until, reason, statusBy);
  }

  public Standing withTier(Tier newTier) {
    return new Standing(pseudonym, tenant, newTier, verification, status, until, reason, statusBy);
  }
}
