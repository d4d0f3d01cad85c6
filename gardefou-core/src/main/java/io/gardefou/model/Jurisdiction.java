package io.gardefou.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Where the user is: an ISO 3166-1 alpha-2 country code, or {@code global} when it is not known. */
public record Jurisdiction(String code) {
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Jurisdiction GLOBAL = new Jurisdiction("global");

  public Jurisdiction {
    Objects.requireNonNull(code, "code");
    if (!code.equals("global") && !ISO_COUNTRIES.contains(code)) {
      throw new IllegalArgumentException("unknown jurisdiction '" + code + "'; expected an ISO 3166-1 alpha-2 code or 'global'");
    }
  }

  public static Jurisdiction global() {
    return GLOBAL;
  }

  /** Parses a code case-insensitively ({@code "id"}, {@code "GB"}). */
  public static Jurisdiction of(String code) {
    Objects.requireNonNull(code, "code");
    String trimmed = code.strip();
    return trimmed.equalsIgnoreCase("global") ? GLOBAL : new Jurisdiction(trimmed.toUpperCase(Locale.ROOT));
  }

  public boolean isGlobal() {
    return this.equals(GLOBAL);
  }
}
