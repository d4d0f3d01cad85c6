-- The index of the verdict's entry in the audit ledger, written in the same transaction as the entry, so a report
-- or an authority bundle reads the entry directly instead of scanning the ledger. NULL on rows recorded before this
-- column or without the ledger. Kept in step with sqlite/V12__verdict_ledger_index.sql.
ALTER TABLE verdicts ADD COLUMN ledger_index BIGINT;
