-- The evidence vault (docs/design/evidence-vault.md): refused requests' contents, apart from the verdicts, each
-- sealed with AES-256-GCM under its own data key, wrapped by the master key. Crypto-shredding sets the wrapped key,
-- nonce and ciphertext to NULL (secure_delete zeroes the freed bytes) and keeps the digests.
-- Kept column for column in step with postgresql/V7__evidence_vault.sql; only the types differ.
CREATE TABLE vault_entries (
  decision_id            TEXT    PRIMARY KEY,       -- UUIDv7 of the refusal, canonical text form
  tenant                 TEXT    NOT NULL,
  kept_at                TEXT    NOT NULL,          -- UTC, fixed-width ISO-8601 with microseconds
  retain_until           TEXT    NOT NULL,          -- same form, so text order is time order
  retention_basis        TEXT    NOT NULL,          -- JSON array of name@pack of the obligations that set it
  legal_hold             INTEGER NOT NULL CHECK (legal_hold IN (0, 1)),
  prompt_sha256          TEXT    NOT NULL,          -- lower-case hex, as in the ledger
  image_sha256s          TEXT    NOT NULL,          -- JSON array: the images kept
  withheld_image_sha256s TEXT    NOT NULL,          -- JSON array: images never stored (known-CSAM rule)
  master_key_id          TEXT    NOT NULL,          -- fingerprint of the wrapping key, never the key
  nonce                  BLOB    CHECK (length(nonce) = 12),
  wrapped_key            BLOB,                      -- RFC 3394 AES key wrap of the 256-bit data key
  ciphertext             BLOB,                      -- AES-256-GCM, tag appended
  shredded_at            TEXT,
  shred_reason           TEXT    CHECK (shred_reason IN ('expired', 'erased')),
  CHECK ((shredded_at IS NULL) = (shred_reason IS NULL)),
  CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL AND nonce IS NOT NULL AND ciphertext IS NOT NULL))
) STRICT;

-- The purge's question: readable entries past their retention and not held, oldest first.
CREATE INDEX vault_entries_expiry ON vault_entries (retain_until) WHERE shredded_at IS NULL AND NOT legal_hold;
