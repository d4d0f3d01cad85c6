-- Take-down requests and review actions from the console (docs/design/console.md). A take-down keeps the
-- hashes of the reported image, never its bytes. Kept column for column in step with postgresql/V10.
CREATE TABLE takedowns (
  id             TEXT    NOT NULL PRIMARY KEY,
  tenant         TEXT    NOT NULL,
  filed_at       TEXT    NOT NULL,
  filed_by       TEXT    NOT NULL,          -- the key id of the moderator who filed it for the reporter
  reporter       TEXT    NOT NULL CHECK (reporter IN ('victim', 'representative')),
  reference      TEXT    NOT NULL,          -- the reporter's case reference, no content
  jurisdiction   TEXT    NOT NULL,
  category       TEXT    NOT NULL CHECK (category IN ('ncii', 'csam')),
  due_at         TEXT    NOT NULL,          -- the legal clock: filed_at plus the jurisdiction's deadline
  pdq            TEXT    NOT NULL CHECK (length(pdq) = 64),
  pdq_quality    INTEGER NOT NULL,
  sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
  md5            TEXT    NOT NULL CHECK (length(md5) = 32),
  made_here      TEXT,                      -- the generated-outputs entry it matched, if any
  state          TEXT    NOT NULL CHECK (state IN ('open', 'done')),
  done_at        TEXT,
  done_by        TEXT
) STRICT;
CREATE INDEX takedowns_by_state ON takedowns (tenant, state, due_at);

-- What a moderator did with a REVIEW verdict: a verdict is worked once (upheld or overturned); escalations pile up.
CREATE TABLE review_actions (
  decision_id  TEXT    NOT NULL,
  action       TEXT    NOT NULL CHECK (action IN ('upheld', 'overturned', 'escalated')),
  acted_by     TEXT    NOT NULL,
  acted_at     TEXT    NOT NULL,
  ledger_index INTEGER NOT NULL,
  PRIMARY KEY (decision_id, action, acted_at)
) STRICT;
