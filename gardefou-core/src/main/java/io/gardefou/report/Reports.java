package io.gardefou.report;

import io.gardefou.ledger.Ledger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Builds the reports from one {@link ReportSource}: the front door the CLI and the HTTP API share. The
 * ledger gives inclusion proofs for authority bundles; the measures and the eval figures feed the
 * regulator's report.
 */
public final class Reports {
  private final ReportSource source;
  private final Ledger ledger;
  private final Measures measures;
  private final Supplier<Optional<SortedMap<String, Object>>> efficacy;

  private Reports(ReportSource source, Ledger ledger, Measures measures,
      Supplier<Optional<SortedMap<String, Object>>> efficacy) {
    this.source = Objects.requireNonNull(source, "source");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.measures = Objects.requireNonNull(measures, "measures");
    this.efficacy = Objects.requireNonNull(efficacy, "efficacy");
  }

  /** Reports over {@code source} and {@code ledger}; {@code efficacy} is read when a regulator report is built. */
  public static Reports create(ReportSource source, Ledger ledger, Measures measures,
      Supplier<Optional<SortedMap<String, Object>>> efficacy) {
    return new Reports(source, ledger, measures, efficacy);
  }

  /**
   * The report {@code request} asks for.
   *
   * @throws UnknownDecisionException if an authority bundle is asked for a decision the store does not hold
   */
  public Report build(ReportRequest request) {
    return switch (request.kind()) {
      case TRANSPARENCY -> transparency(request.period().orElseThrow(), request.jurisdiction());
      case STATEMENTS -> statements(request.period().orElseThrow(), request.jurisdiction());
      case AUTHORITY -> authority(request.decisionId().orElseThrow());
      case REGULATOR -> regulator(request.period().orElseThrow(), request.jurisdiction());
    };
  }

  public TransparencyReport transparency(Period period, Optional<String> jurisdiction) {
    List<ReportedDecision> decisions = source.decisions(period, jurisdiction);
    return TransparencyReport.of(period, jurisdiction, decisions, source.takedowns(period, jurisdiction),
        source.savedCheckpoint());
  }

  public StatementsOfReasons statements(Period period, Optional<String> jurisdiction) {
    return StatementsOfReasons.of(period, jurisdiction, source.decisions(period, jurisdiction));
  }

  public AuthorityBundle authority(String decisionId) {
    ReportedDecision decision = source.decision(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
    Optional<InclusionEvidence> evidence = decision.ledgerIndex().isPresent()
        ? Optional.of(InclusionEvidence.of(ledger, decision.ledgerIndex().getAsLong()))
        : Optional.empty();
    return AuthorityBundle.of(decision, evidence);
  }

  public RegulatorReport regulator(Period period, Optional<String> jurisdiction) {
    return new RegulatorReport(measures, efficacy.get(), transparency(period, jurisdiction));
  }
}
