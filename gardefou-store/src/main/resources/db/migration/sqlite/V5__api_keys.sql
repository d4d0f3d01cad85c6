-- API keys (docs/design/accounts.md): what is known of each key and a PBKDF2 hash of its secret, never the secret.
-- Kept column for column in step with postgresql/V5__api_keys.sql; only the types differ.
CREATE TABLE api_keys (
  id             TEXT    PRIMARY KEY,       -- the public key id, 16 characters of base32
  tenant         TEXT    NOT NULL,
  role           TEXT    NOT NULL CHECK (role IN ('admin', 'operator', 'moderator', 'auditor')),
  name           TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,          -- UTC, fixed-width ISO-8601 with microseconds
  last_used_at   TEXT,                      -- to within the verified-key cache's revalidation period
  revoked_at     TEXT,                      -- NULL while the key is valid
  hash_algorithm TEXT    NOT NULL,          -- 'pbkdf2-sha256'
  iterations     INTEGER NOT NULL CHECK (iterations > 0),
  salt           BLOB    NOT NULL,
  hash           BLOB    NOT NULL CHECK (length(hash) = 32)
) STRICT;
