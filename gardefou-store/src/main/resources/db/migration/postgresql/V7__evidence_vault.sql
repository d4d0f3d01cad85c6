-- The evidence vault (docs/design/evidence-vault.md): refused requests' contents, apart from the verdicts, each
-- sealed with AES-256-GCM under its own data key, wrapped by the master key. Crypto-shredding sets the wrapped key,
-- nonce and ciphertext to NULL and keeps the digests.
-- Kept column for column in step with sqlite/V7__evidence_vault.sql; here with PostgreSQL's native types.
CREATE TABLE vault_entries (
  decision_id            uuid        PRIMARY KEY,
  tenant                 text        NOT NULL,
  kept_at                timestamptz NOT NULL,
  retain_until           timestamptz NOT NULL,
  retention_basis        jsonb       NOT NULL,  -- array of name@pack of the obligations that set it
  legal_hold             boolean     NOT NULL,
  prompt_sha256          text        NOT NULL,  -- lower-case hex, as in the ledger
  image_sha256s          jsonb       NOT NULL,  -- the images kept
  withheld_image_sha256s jsonb       NOT NULL,  -- images never stored (known-CSAM rule)
  master_key_id          text        NOT NULL,  -- fingerprint of the wrapping key, never the key
  nonce                  bytea       CHECK (length(nonce) = 12),
  wrapped_key            bytea,                 -- RFC 3394 AES key wrap of the 256-bit data key
  ciphertext             bytea,                 -- AES-256-GCM, tag appended
  shredded_at            timestamptz,
  shred_reason           text        CHECK (shred_reason IN ('expired', 'erased')),
  CHECK ((shredded_at IS NULL) = (shred_reason IS NULL)),
  CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL AND nonce IS NOT NULL AND ciphertext IS NOT NULL))
);

-- The purge's question: readable entries past their retention and not held, oldest first.
CREATE INDEX vault_entries_expiry ON vault_entries (retain_until) WHERE shredded_at IS NULL AND NOT legal_hold;
