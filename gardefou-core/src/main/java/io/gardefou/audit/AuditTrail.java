package io.gardefou.audit;

/**
 * Where accountable acts are recorded: the audit ledger in production. An act is done only once its event is
 * recorded; an implementation that cannot record throws, and the caller reports the act as failed.
 */
@FunctionalInterface
public interface AuditTrail {
  /** Records the event durably and returns its index in the ledger. */
  long record(AuditEvent event);
}
