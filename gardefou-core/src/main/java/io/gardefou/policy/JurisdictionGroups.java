package io.gardefou.policy;

import java.util.Map;
import java.util.Set;

/** Named groups of countries a pack can apply to, such as the European Union's member states. */
final class JurisdictionGroups {
  // EU-27 member states as of 2026 (ISO 3166-1 alpha-2; Greece is GR, not EL).
  private static final Map<String, Set<String>> GROUPS = Map.of("EU", Set.of(
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
      "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"));

  private JurisdictionGroups() {}

  static boolean isGroup(String name) {
    return GROUPS.containsKey(name);
  }

  static Set<String> members(String group) {
    return GROUPS.getOrDefault(group, Set.of());
  }
}
