package io.gardefou.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the user is: an ISO 3166-1 alpha-2 country code, an ISO 3166-2 subdivision of one ({@code US-CA}),
 * or {@code global} when it is not known.
 */
public record Jurisdiction(String code) {
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
  private static final Jurisdiction GLOBAL = new Jurisdiction("global");

  public Jurisdiction {
    Objects.requireNonNull(code, "code");
    boolean known = code.equals("global")
        || ISO_COUNTRIES.contains(code)
        || (SUBDIVISION.matcher(code).matches() && ISO_COUNTRIES.contains(code.substring(0, 2)));
    if (!known) {
      throw new IllegalArgumentException("unknown jurisdiction '" + code
          + "'; expected an ISO 3166-1 alpha-2 code, an ISO 3166-2 subdivision such as US-CA, or 'global'");
    }
  }

  public static Jurisdiction global() {
    return GLOBAL;
  }

  /** Parses a code case-insensitively ({@code "id"}, {@code "GB"}, {@code "us-ca"}). */
  public static Jurisdiction of(String code) {
    Objects.requireNonNull(code, "code");
    String trimmed = code.strip();
    return trimmed.equalsIgnoreCase("global") ? GLOBAL : new Jurisdiction(trimmed.toUpperCase(Locale.ROOT));
  }

  public boolean isGlobal() {
    return this.equals(GLOBAL);
  }

  /** The country part: {@code US} for {@code US-CA}, the code itself for a country, {@code global} for global. */
  public String country() {
    return code.length() > 2 && !isGlobal() ? code.substring(0, 2) : code;
  }

  public boolean isSubdivision() {
    return !isGlobal() && code.length() > 2;
  }
}
