-- Hash banks (docs/design/hash-banks.md): each bank's meaning and PDQ threshold, and its entries. The in-memory
-- index is rebuilt from hash_bank_entries at start. Kept in step with postgresql/V4__hash_banks.sql.
CREATE TABLE hash_banks (
  name          TEXT    PRIMARY KEY,
  action        TEXT    NOT NULL,                                  -- 'fact' or 'score:<category>'
  pdq_threshold INTEGER NOT NULL CHECK (pdq_threshold BETWEEN 0 AND 31)
) STRICT;

CREATE TABLE hash_bank_entries (
  seq      INTEGER PRIMARY KEY,                                    -- insertion order: exports list oldest first
  bank     TEXT    NOT NULL REFERENCES hash_banks (name),
  kind     TEXT    NOT NULL CHECK (kind IN ('pdq', 'md5', 'sha256')),
  hash     TEXT    NOT NULL,                                       -- lowercase hex: 64 digits, or 32 for md5
  label    TEXT    NOT NULL,
  added_at TEXT    NOT NULL,                                       -- UTC, fixed-width ISO-8601 with microseconds
  UNIQUE (bank, kind, hash)
) STRICT;
