package io.gardefou.vault;

import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the vault knows about one entry besides its sealed contents: whose it is, until when it is kept and why,
 * whether a legal hold suspends that, and whether it was shredded. Digests only, never content.
 *
 * @param retainUntil when the entry expires, unless held
 * @param retentionBasis the obligations that set the period, as {@code name@pack}; empty when the default applied
 * @param promptSha256 the prompt's SHA-256, lower-case hex, as in the ledger
 * @param imageSha256s the digests of the images kept, in request order
 * @param withheldImageSha256s the digests of images never stored (the known-CSAM rule), in request order
 * @param masterKeyId the fingerprint of the master key that wrapped the data key
 * @param shreddedAt when the data key (and ciphertext) were destroyed; empty while the entry is readable
 * @param shredReason why: {@code expired} or {@code erased}; empty while readable
 */
public record VaultEntry(
    DecisionId decisionId,
    String tenant,
    Instant keptAt,
    Instant retainUntil,
    List<String> retentionBasis,
    boolean legalHold,
    String promptSha256,
    List<String> imageSha256s,
    List<String> withheldImageSha256s,
    String masterKeyId,
    Optional<Instant> shreddedAt,
    Optional<String> shredReason) {

  public static final String EXPIRED = "expired";
  public static final String ERASED = "erased";

  public VaultEntry {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keptAt, "keptAt");
    Objects.requireNonNull(retainUntil, "retainUntil");
    retentionBasis = List.copyOf(retentionBasis);
    Objects.requireNonNull(promptSha256, "promptSha256");
    imageSha256s = List.copyOf(imageSha256s);
    withheldImageSha256s = List.copyOf(withheldImageSha256s);
    Objects.requireNonNull(masterKeyId, "masterKeyId");
    Objects.requireNonNull(shreddedAt, "shreddedAt");
    Objects.requireNonNull(shredReason, "shredReason");
    if (shreddedAt.isPresent() != shredReason.isPresent()) {
      throw new IllegalArgumentException("a shredded entry has both a time and a reason, a readable one neither");
    }
    if (retainUntil.isBefore(keptAt)) {
      throw new IllegalArgumentException("retainUntil " + retainUntil + " is before keptAt " + keptAt);
    }
  }

  public boolean shredded() {
    return shreddedAt.isPresent();
  }

  /** Whether the retention period has run out at {@code now}; a hold does not change this, only what follows. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(retainUntil);
  }

  VaultEntry withLegalHold(boolean held) {
    return new VaultEntry(decisionId, tenant, keptAt, retainUntil, retentionBasis, held, promptSha256, imageSha256s,
        withheldImageSha256s, masterKeyId, shreddedAt, shredReason);
  }

  VaultEntry shredded(Instant at, String reason) {
    return new VaultEntry(decisionId, tenant, keptAt, retainUntil, retentionBasis, legalHold, promptSha256, imageSha256s,
        withheldImageSha256s, masterKeyId, Optional.of(at), Optional.of(reason));
  }
}
