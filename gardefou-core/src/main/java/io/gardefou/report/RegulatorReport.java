package io.gardefou.report;

import static io.gardefou.report.Trees.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The regulator's mitigation report: the measures in force (policy packs and versions, detectors, gates), the
 * latest efficacy figures of {@code gardefou eval}, the incidents and actions of the period (the transparency
 * figures), and the ledger checkpoint against which each counted decision can be verified.
 */
public record RegulatorReport(Measures measures, Optional<SortedMap<String, Object>> efficacy, TransparencyReport incidents)
    implements Report {

  @Override
  public String kind() {
    return "regulator";
  }

  @Override
  public String title() {
    return "Mitigation report " + Trees.instant(incidents.period().from()) + " to "
        + Trees.instant(incidents.period().to()) + " (" + incidents.jurisdiction().orElse("all jurisdictions") + ")";
  }

  @Override
  public SortedMap<String, Object> tree() {
    TreeMap<String, Object> incidentTree = new TreeMap<>(incidents.tree());
    incidentTree.remove("kind");
    return object(
        "kind", kind(),
        "measures", object(
            "policy_version", measures.policyVersion(),
            "detectors", measures.detectors(),
            "packs", measures.packs().stream().map(pack -> (Object) object(
                "id", pack.id(), "version", pack.version(), "effective_from", pack.effectiveFrom(), "name", pack.name(),
                "jurisdictions", pack.jurisdictions(), "parents", pack.parents(), "rules", pack.rules(),
                "feature_gates", pack.featureGates(), "service_blocks", pack.serviceBlocks(),
                "obligations", pack.obligations())).toList()),
        "efficacy", efficacy.<Object>map(figures -> new TreeMap<>(figures)).orElse(TransparencyReport.unavailable(
            "no saved gardefou eval report: run `gardefou eval` to save " + EvalFigures.LATEST)),
        "incidents", incidentTree);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> packs = measures.packs().stream().map(pack -> List.of(pack.id(), pack.version(),
        pack.effectiveFrom(), String.join(" ", pack.jurisdictions()), Integer.toString(pack.rules()),
        Integer.toString(pack.featureGates()), Integer.toString(pack.serviceBlocks()),
        Integer.toString(pack.obligations()))).toList();
    List<List<String>> measureRows = new ArrayList<>();
    measureRows.add(List.of("policy_version", measures.policyVersion()));
    measureRows.add(List.of("detectors", String.join(" ", measures.detectors())));
    List<List<String>> efficacyRows = efficacy.map(figures -> Trees.flatten("", figures))
        .orElse(List.of(List.of("available", "false")));
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("measures", List.of("measure", "value"), measureRows));
    tables.add(new Table("policy_packs", List.of("pack", "version", "effective_from", "jurisdictions", "rules",
        "feature_gates", "service_blocks", "obligations"), packs));
    tables.add(new Table("efficacy", List.of("figure", "value"), efficacyRows));
    tables.addAll(incidents.tables());
    return tables;
  }
}
