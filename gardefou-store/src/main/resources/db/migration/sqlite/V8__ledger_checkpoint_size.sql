-- The size of the kept checkpoint, so that gateway nodes sharing the database never replace it with a
-- smaller one (docs/design/ledger.md, Several nodes). Kept in step with postgresql/V8__ledger_checkpoint_size.sql.
ALTER TABLE ledger_checkpoint ADD COLUMN size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0);
