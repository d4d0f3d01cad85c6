-- The audit ledger's storage (docs/design/ledger.md, Storage): entries, every complete subtree's hash,
-- the integrated size, and the latest signed checkpoint. Kept in step with sqlite/V2__ledger.sql.
CREATE TABLE ledger_entries (
  idx   bigint PRIMARY KEY CHECK (idx >= 0),
  entry bytea  NOT NULL                     -- canonical JSON of one decision record: digests, never content
);

CREATE TABLE ledger_nodes (
  level integer NOT NULL CHECK (level BETWEEN 0 AND 62),
  idx   bigint  NOT NULL CHECK (idx >= 0),
  hash  bytea   NOT NULL CHECK (octet_length(hash) = 32),  -- RFC 9162 §2.1.1 SHA-256 subtree hash
  PRIMARY KEY (level, idx)
);

-- One row: the size the integrator last committed. Appends update it from the size they started at,
-- so a writer that lost the integrator lock fails instead of writing a second entry at one index.
CREATE TABLE ledger_size (
  id   integer PRIMARY KEY CHECK (id = 1),
  size bigint  NOT NULL CHECK (size >= 0)
);
INSERT INTO ledger_size (id, size) VALUES (1, 0);

-- One row: the latest C2SP signed checkpoint, for offline verification of the data.
CREATE TABLE ledger_checkpoint (
  id   integer PRIMARY KEY CHECK (id = 1),
  note text    NOT NULL
);
