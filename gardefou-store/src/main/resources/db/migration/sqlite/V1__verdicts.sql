-- One row per verdict: digests and decisions, never the prompt or the images (DESIGN.md, Ledger).
-- Kept column for column in step with postgresql/V1__verdicts.sql; only the types differ.
CREATE TABLE verdicts (
  seq            INTEGER PRIMARY KEY,          -- insertion order, for "most recent first"
  decision_id    TEXT    NOT NULL UNIQUE,      -- UUIDv7, canonical text form
  decided_at     TEXT    NOT NULL,             -- UTC, fixed-width ISO-8601 with microseconds, so text order is time order
  operation      TEXT    NOT NULL,
  tenant         TEXT    NOT NULL,
  actor_id       TEXT    NOT NULL,
  actor_tier     TEXT    NOT NULL,
  jurisdiction   TEXT    NOT NULL,
  decision       TEXT    NOT NULL CHECK (decision IN ('ALLOW', 'REVIEW', 'REFUSE')),
  categories     TEXT    NOT NULL,             -- JSON array of category wire names
  rules          TEXT    NOT NULL,             -- JSON array of rule names, in evaluation order
  legal_basis    TEXT    NOT NULL,             -- JSON array of strings
  policy_version TEXT    NOT NULL,
  prompt_sha256  TEXT    NOT NULL,             -- lower-case hex
  image_sha256s  TEXT    NOT NULL,             -- JSON array of lower-case hex digests, in request order
  language       TEXT                          -- NULL when no detector established it
) STRICT;
