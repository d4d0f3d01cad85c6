-- The gateway exchange a verdict belongs to: an input's verdict and its outputs' share it (issue #6).
-- NULL for standalone screenings (moderation, scan). Kept in step with sqlite/V2__request_id.sql.
ALTER TABLE verdicts ADD COLUMN request_id text;
CREATE INDEX verdicts_request_id ON verdicts (request_id);
