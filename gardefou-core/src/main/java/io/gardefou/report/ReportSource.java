package io.gardefou.report;

import java.util.List;
import java.util.Optional;

/** What the reports read from the store: recorded decisions, take-down requests and the ledger's saved checkpoint. */
public interface ReportSource {
  /**
   * The decisions made in {@code period}, of {@code jurisdiction} when given (exact code, e.g. {@code FR} or
   * {@code US-CA}), in the order they were recorded.
   */
  List<ReportedDecision> decisions(Period period, Optional<String> jurisdiction);

  /**
   * The take-down requests filed in {@code period}, of {@code jurisdiction} when given (exact code), in the
   * order they were filed.
   */
  List<ReportedTakedown> takedowns(Period period, Optional<String> jurisdiction);

  /** One decision by its id. */
  Optional<ReportedDecision> decision(String decisionId);

  /** The ledger's last saved signed checkpoint note, if any. */
  Optional<String> savedCheckpoint();
}
