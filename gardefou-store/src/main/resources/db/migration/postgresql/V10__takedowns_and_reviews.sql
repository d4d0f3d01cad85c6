-- Take-down requests and review actions from the console (docs/design/console.md). A take-down keeps the
-- hashes of the reported image, never its bytes. Kept column for column in step with sqlite/V10.
CREATE TABLE takedowns (
  id             uuid        PRIMARY KEY,
  tenant         text        NOT NULL,
  filed_at       timestamptz NOT NULL,
  filed_by       text        NOT NULL,          -- the key id of the moderator who filed it for the reporter
  reporter       text        NOT NULL CHECK (reporter IN ('victim', 'representative')),
  reference      text        NOT NULL,          -- the reporter's case reference, no content
  jurisdiction   text        NOT NULL,
  category       text        NOT NULL CHECK (category IN ('ncii', 'csam')),
  due_at         timestamptz NOT NULL,          -- the legal clock: filed_at plus the jurisdiction's deadline
  pdq            text        NOT NULL CHECK (pdq ~ '^[0-9a-f]{64}$'),
  pdq_quality    integer     NOT NULL,
  sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  md5            text        NOT NULL CHECK (md5 ~ '^[0-9a-f]{32}$'),
  made_here      text,                          -- the generated-outputs entry it matched, if any
  state          text        NOT NULL CHECK (state IN ('open', 'done')),
  done_at        timestamptz,
  done_by        text
);
CREATE INDEX takedowns_by_state ON takedowns (tenant, state, due_at);

-- What a moderator did with a REVIEW verdict: a verdict is worked once (upheld or overturned); escalations pile up.
CREATE TABLE review_actions (
  decision_id  uuid        NOT NULL,
  action       text        NOT NULL CHECK (action IN ('upheld', 'overturned', 'escalated')),
  acted_by     text        NOT NULL,
  acted_at     timestamptz NOT NULL,
  ledger_index bigint      NOT NULL,
  PRIMARY KEY (decision_id, action, acted_at)
);
