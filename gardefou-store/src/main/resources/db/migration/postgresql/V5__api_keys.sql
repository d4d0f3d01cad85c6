-- API keys (docs/design/accounts.md): what is known of each key and a PBKDF2 hash of its secret, never the secret.
-- Kept column for column in step with sqlite/V5__api_keys.sql; here with PostgreSQL's native types.
CREATE TABLE api_keys (
  id             text        PRIMARY KEY,   -- the public key id, 16 characters of base32
  tenant         text        NOT NULL,
  role           text        NOT NULL CHECK (role IN ('admin', 'operator', 'moderator', 'auditor')),
  name           text        NOT NULL,
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz,              -- to within the verified-key cache's revalidation period
  revoked_at     timestamptz,              -- NULL while the key is valid
  hash_algorithm text        NOT NULL,     -- 'pbkdf2-sha256'
  iterations     integer     NOT NULL CHECK (iterations > 0),
  salt           bytea       NOT NULL,
  hash           bytea       NOT NULL CHECK (octet_length(hash) = 32)
);
