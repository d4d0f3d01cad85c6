package io.gardefou.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What is known of an API key apart from its secret: whose it is (the tenant), what it may do (the role),
 * what its owner called it, and when it was created, last used and revoked.
 *
 * @param tenant the operator's service the key acts for; requests made with it are screened for this tenant
 * @param name a label for people ("billing-service"); may be empty
 * @param lastUsedAt when a request last authenticated with it, to within {@link Accounts#REVALIDATE_AFTER}
 */
public record ApiKey(
    KeyId id, String tenant, Role role, String name, Instant createdAt, Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_NAME = 200;

  public ApiKey {
    Objects.requireNonNull(id, "id");
    checkTenant(tenant);
    Objects.requireNonNull(role, "role");
    checkName(name);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** A tenant id: a letter or digit, then up to 63 letters, digits, dots, dashes or underscores. */
  public static String checkTenant(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (!TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "a tenant id is a letter or digit, then up to 63 letters, digits, '.', '-' or '_'; was '" + tenant + "'");
    }
    return tenant;
  }

  /** A key name: at most 200 characters, none of them a control character. */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a key name is at most " + MAX_NAME + " characters, without control characters");
    }
    return name;
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  ApiKey usedAt(Instant at) {
    return new ApiKey(id, tenant, role, name, createdAt, Optional.of(at), revokedAt);
  }
}
