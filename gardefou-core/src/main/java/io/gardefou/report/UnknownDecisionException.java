package io.gardefou.report;

/** The decision a report was asked for is not in the store. */
public final class UnknownDecisionException extends RuntimeException {
  public UnknownDecisionException(String decisionId) {
    super("no recorded decision " + decisionId);
  }
}
