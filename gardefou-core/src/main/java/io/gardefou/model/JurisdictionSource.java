package io.gardefou.model;

import java.util.Locale;

/** How a request's jurisdiction was established, so that a verdict can say which law it followed and why. */
public enum JurisdictionSource {
  /** The trusted header the operator's edge sets, e.g. {@code CF-IPCountry}. */
  HEADER,
  /** Given by the caller in the request itself (the moderation API's {@code gardefou.jurisdiction}, scan input). */
  REQUEST,
  /** The tenant's configured default. */
  TENANT_DEFAULT,
  /** Nothing said where the user is: only the global pack applies. */
  GLOBAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
