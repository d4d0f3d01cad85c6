-- Actors' standing, strikes and appeals (docs/design/actors.md). Actors are known by their per-tenant
-- pseudonym only, never the operator's user id. Kept column for column in step with sqlite/V6__actors.sql.
CREATE TABLE actors (
  tenant        text        NOT NULL,
  pseudonym     text        NOT NULL CHECK (pseudonym ~ '^act_[0-9a-f]{32}$'),
  tier          text        NOT NULL,
  verification  text        NOT NULL CHECK (verification IN ('unverified', 'pending', 'verified', 'failed')),
  status        text        NOT NULL CHECK (status IN ('active', 'suspended', 'banned')),
  status_until  timestamptz,           -- when a suspension ends by itself; NULL for a ban or while active
  status_reason text,
  status_by     text,                  -- a key id, or 'system' for a suspension at the threshold
  PRIMARY KEY (tenant, pseudonym)
);

-- One strike per refused decision at most; removed when an appeal overturns the decision.
CREATE TABLE strikes (
  decision_id uuid             PRIMARY KEY,
  tenant      text             NOT NULL,
  pseudonym   text             NOT NULL,
  category    text             NOT NULL,
  weight      double precision NOT NULL CHECK (weight > 0),
  struck_at   timestamptz      NOT NULL,
  FOREIGN KEY (tenant, pseudonym) REFERENCES actors (tenant, pseudonym)
);
CREATE INDEX strikes_by_actor ON strikes (tenant, pseudonym, struck_at);

-- A decision is appealed at most once. The statement and note are the appellant's and moderator's words,
-- kept here for the moderator; the audit ledger holds only their digests.
CREATE TABLE appeals (
  id          uuid        PRIMARY KEY,
  decision_id uuid        NOT NULL UNIQUE,
  tenant      text        NOT NULL,
  pseudonym   text        NOT NULL,
  filed_by    text        NOT NULL CHECK (filed_by IN ('actor', 'operator')),
  filer       text        NOT NULL,
  statement   text        NOT NULL,
  filed_at    timestamptz NOT NULL,
  state       text        NOT NULL CHECK (state IN ('open', 'upheld', 'overturned')),
  note        text,
  decided_by  text,
  decided_at  timestamptz
);
CREATE INDEX appeals_queue ON appeals (tenant, state, filed_at);
