-- The detectors whose signals bore on a verdict's categories, for the reports' detection source
-- (docs/design/reports.md). NULL on rows recorded before this column. Kept in step with sqlite/V11__detectors.sql.
ALTER TABLE verdicts ADD COLUMN detectors JSONB;  -- JSON array of detector names, sorted
CREATE INDEX verdicts_decided_at ON verdicts (decided_at);
