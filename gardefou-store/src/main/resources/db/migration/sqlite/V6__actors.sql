-- Actors' standing, strikes and appeals (docs/design/actors.md). Actors are known by their per-tenant
-- pseudonym only, never the operator's user id. Kept column for column in step with postgresql/V6__actors.sql.
CREATE TABLE actors (
  tenant        TEXT NOT NULL,
  pseudonym     TEXT NOT NULL CHECK (length(pseudonym) = 36 AND pseudonym LIKE 'act\_%' ESCAPE '\'),
  tier          TEXT NOT NULL,
  verification  TEXT NOT NULL CHECK (verification IN ('unverified', 'pending', 'verified', 'failed')),
  status        TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'banned')),
  status_until  TEXT,                 -- UTC, fixed-width ISO-8601; NULL for a ban or while active
  status_reason TEXT,
  status_by     TEXT,                 -- a key id, or 'system' for a suspension at the threshold
  PRIMARY KEY (tenant, pseudonym)
) STRICT;

-- One strike per refused decision at most; removed when an appeal overturns the decision.
CREATE TABLE strikes (
  decision_id TEXT NOT NULL PRIMARY KEY,
  tenant      TEXT NOT NULL,
  pseudonym   TEXT NOT NULL,
  category    TEXT NOT NULL,
  weight      REAL NOT NULL CHECK (weight > 0),
  struck_at   TEXT NOT NULL,
  FOREIGN KEY (tenant, pseudonym) REFERENCES actors (tenant, pseudonym)
) STRICT;
CREATE INDEX strikes_by_actor ON strikes (tenant, pseudonym, struck_at);

-- A decision is appealed at most once. The statement and note are the appellant's and moderator's words,
-- kept here for the moderator; the audit ledger holds only their digests.
CREATE TABLE appeals (
  id          TEXT NOT NULL PRIMARY KEY,
  decision_id TEXT NOT NULL UNIQUE,
  tenant      TEXT NOT NULL,
  pseudonym   TEXT NOT NULL,
  filed_by    TEXT NOT NULL CHECK (filed_by IN ('actor', 'operator')),
  filer       TEXT NOT NULL,
  statement   TEXT NOT NULL,
  filed_at    TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('open', 'upheld', 'overturned')),
  note        TEXT,
  decided_by  TEXT,
  decided_at  TEXT
) STRICT;
CREATE INDEX appeals_queue ON appeals (tenant, state, filed_at);
