package io.gardefou.report;

import io.gardefou.policy.Pack;
import io.gardefou.policy.PackPolicy;
import java.util.List;
import java.util.Objects;

/**
 * The measures in force: the policy packs with their versions and what each holds, and the detectors that
 * screen every request.
 */
public record Measures(String policyVersion, List<PackSummary> packs, List<String> detectors) {
  /** One pack as a regulator sees it: identity, scope, and how many rules, gates, blocks and obligations. */
  public record PackSummary(String id, String version, String effectiveFrom, String name, List<String> jurisdictions,
      List<String> parents, int rules, int featureGates, int serviceBlocks, int obligations) {
    public PackSummary {
      jurisdictions = List.copyOf(jurisdictions);
      parents = List.copyOf(parents);
    }
  }

  public Measures {
    Objects.requireNonNull(policyVersion, "policyVersion");
    packs = List.copyOf(packs);
    detectors = detectors.stream().sorted().toList();
  }

  public static Measures of(PackPolicy policy, List<String> detectors) {
    List<PackSummary> packs = policy.packs().values().stream()
        .sorted(java.util.Comparator.comparing(Pack::id))
        .map(Measures::summary)
        .toList();
    return new Measures(policy.version(), packs, detectors);
  }

  private static PackSummary summary(Pack pack) {
    return new PackSummary(pack.id(), pack.version(), pack.effectiveFrom().toString(), pack.name(), pack.jurisdictions(),
        pack.parents(), pack.rules().size(), pack.featureGates().size(), pack.serviceBlocks().size(),
        pack.obligations().size());
  }
}
