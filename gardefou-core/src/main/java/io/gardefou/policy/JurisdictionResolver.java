package io.gardefou.policy;

import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides where a user is, in order: the trusted header the operator's edge sets, the tenant's default,
 * then global. Pure: the server reads the header (whose name it is configured with) and passes its value.
 */
public final class JurisdictionResolver {
  private JurisdictionResolver() {}

  /** A jurisdiction and how it was established. */
  public record Resolved(Jurisdiction jurisdiction, JurisdictionSource source) {
    public Resolved {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * @param headerValue the trusted header's value, if the request had it; a value that is no ISO 3166 code
   *     (Cloudflare's {@code XX} for unknown, {@code T1} for Tor) is ignored, not an error
   */
  public static Resolved resolve(Optional<String> headerValue, TenantSettings tenant) {
    Objects.requireNonNull(headerValue, "headerValue");
    Objects.requireNonNull(tenant, "tenant");
    Optional<Jurisdiction> fromHeader = headerValue.flatMap(JurisdictionResolver::parse);
    if (fromHeader.isPresent()) {
      return new Resolved(fromHeader.get(), JurisdictionSource.HEADER);
    }
    if (!tenant.defaultJurisdiction().isGlobal()) {
      return new Resolved(tenant.defaultJurisdiction(), JurisdictionSource.TENANT_DEFAULT);
    }
    return new Resolved(Jurisdiction.global(), JurisdictionSource.GLOBAL);
  }

  private static Optional<Jurisdiction> parse(String value) {
    String code = value.strip();
    if (code.isEmpty() || code.equalsIgnoreCase("XX") || code.equalsIgnoreCase("T1") || code.equalsIgnoreCase("global")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Jurisdiction.of(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
