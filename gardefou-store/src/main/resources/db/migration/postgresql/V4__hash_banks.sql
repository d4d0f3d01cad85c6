-- Hash banks (docs/design/hash-banks.md): each bank's meaning and PDQ threshold, and its entries. The in-memory
-- index is rebuilt from hash_bank_entries at start. Kept in step with sqlite/V4__hash_banks.sql.
CREATE TABLE hash_banks (
  name          text    PRIMARY KEY,
  action        text    NOT NULL,                                  -- 'fact' or 'score:<category>'
  pdq_threshold integer NOT NULL CHECK (pdq_threshold BETWEEN 0 AND 31)
);

CREATE TABLE hash_bank_entries (
  seq      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- insertion order: exports list oldest first
  bank     text        NOT NULL REFERENCES hash_banks (name),
  kind     text        NOT NULL CHECK (kind IN ('pdq', 'md5', 'sha256')),
  hash     text        NOT NULL,                                   -- lowercase hex: 64 digits, or 32 for md5
  label    text        NOT NULL,
  added_at timestamptz NOT NULL,
  UNIQUE (bank, kind, hash)
);
