package io.gardefou.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A take-down request as the console filed it: who reported, under which jurisdiction's clock, and the hashes of
 * the reported image (its bytes are never kept).
 *
 * @param filedBy the key id of the moderator who filed it on the reporter's behalf
 * @param reporter {@code victim} or {@code representative}
 * @param reference the reporter's case reference; no content
 * @param category {@code ncii} or {@code csam}: it sets the legal clock
 * @param madeHere the generated-outputs label it matched ("was this made here?"), if any
 */
public record Takedown(
    UUID id, String tenant, Instant filedAt, String filedBy, String reporter, String reference, String jurisdiction,
    String category, Instant dueAt, String pdq, int pdqQuality, String sha256, String md5, Optional<String> madeHere,
    boolean done, Optional<Instant> doneAt, Optional<String> doneBy) {
  public Takedown {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(filedBy, "filedBy");
    if (!reporter.equals("victim") && !reporter.equals("representative")) {
      throw new IllegalArgumentException("reporter is victim or representative, was " + reporter);
    }
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    if (!category.equals("ncii") && !category.equals("csam")) {
      throw new IllegalArgumentException("category is ncii or csam, was " + category);
    }
    Objects.requireNonNull(dueAt, "dueAt");
    if (!pdq.matches("[0-9a-f]{64}") || !sha256.matches("[0-9a-f]{64}") || !md5.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("hashes are lower-case hex: PDQ and SHA-256 of 64, MD5 of 32 digits");
    }
    Objects.requireNonNull(madeHere, "madeHere");
    Objects.requireNonNull(doneAt, "doneAt");
    Objects.requireNonNull(doneBy, "doneBy");
  }

  /** True when it is still open past its legal deadline. */
  public boolean overdue(Instant now) {
    return !done && now.isAfter(dueAt);
  }
}
