package io.gardefou.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One validated, compiled policy pack: the law of a jurisdiction (or {@code global}) as rules, feature
 * gates, service blocks and obligations.
 *
 * @param parents packs that apply wherever this one does (FR extends EU)
 * @param jurisdictions ISO 3166-1/-2 codes or groups ({@code EU}) where the pack applies; empty for global
 * @param minorAge under this age a person counts as a minor (KR: 19); never below 18
 * @param origin where the pack was read from, for messages
 */
public record Pack(
    String id,
    String version,
    LocalDate effectiveFrom,
    List<String> parents,
    String name,
    List<String> jurisdictions,
    int minorAge,
    List<Rule> rules,
    List<FeatureGate> featureGates,
    List<ServiceBlock> serviceBlocks,
    List<ObligationRule> obligations,
    String origin) {

  public static final String GLOBAL = "global";

  public Pack {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    parents = List.copyOf(parents);
    Objects.requireNonNull(name, "name");
    jurisdictions = List.copyOf(jurisdictions);
    rules = List.copyOf(rules);
    featureGates = List.copyOf(featureGates);
    serviceBlocks = List.copyOf(serviceBlocks);
    obligations = List.copyOf(obligations);
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code id@version}, as verdicts and rule hits name the pack. */
  public String ref() {
    return id + "@" + version;
  }

  public boolean isGlobal() {
    return id.equals(GLOBAL);
  }
}
