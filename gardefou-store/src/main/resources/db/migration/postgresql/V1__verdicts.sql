-- One row per verdict: digests and decisions, never the prompt or the images (DESIGN.md, Ledger).
-- Kept column for column in step with sqlite/V1__verdicts.sql; here with PostgreSQL's native types.
CREATE TABLE verdicts (
  seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- insertion order
  decision_id    uuid        NOT NULL UNIQUE,
  decided_at     timestamptz NOT NULL,
  operation      text        NOT NULL,
  tenant         text        NOT NULL,
  actor_id       text        NOT NULL,
  actor_tier     text        NOT NULL,
  jurisdiction   text        NOT NULL,
  decision       text        NOT NULL CHECK (decision IN ('ALLOW', 'REVIEW', 'REFUSE')),
  categories     jsonb       NOT NULL,  -- array of category wire names
  rules          jsonb       NOT NULL,  -- array of rule names, in evaluation order
  legal_basis    jsonb       NOT NULL,
  policy_version text        NOT NULL,
  prompt_sha256  text        NOT NULL,  -- lower-case hex
  image_sha256s  jsonb       NOT NULL,  -- array of lower-case hex digests, in request order
  language       text                   -- NULL when no detector established it
);
