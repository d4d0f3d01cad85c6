package io.gardefou.policy;

import io.gardefou.model.Jurisdiction;
import java.util.Objects;

/**
 * What an operator's tenant has chosen: whether adult sexual content may be enabled at all, and the
 * jurisdiction to assume when the edge does not say where the user is.
 *
 * @param adultContent the tenant's opt-in; adult content is still refused unless the actor is a verified adult
 *     and no applicable pack refuses it
 */
public record TenantSettings(String id, boolean adultContent, Jurisdiction defaultJurisdiction) {
  public TenantSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultJurisdiction, "defaultJurisdiction");
    if (id.isBlank()) {
      throw new IllegalArgumentException("tenant id must not be blank");
    }
  }

  /** A tenant nobody configured: no adult content, jurisdiction unknown. */
  public static TenantSettings defaults(String id) {
    return new TenantSettings(id, false, Jurisdiction.global());
  }
}
