-- 电子监察 audit chain (see Audit/EventChain.cs): every event row carries an HMAC-SHA256, keyed with a secret kept
-- outside the database (Audit:KeyFile), over the previous row's hash and its own fields. Archived rows keep theirs.
ALTER TABLE events ADD COLUMN hash TEXT NULL;
ALTER TABLE events_archive ADD COLUMN hash TEXT NULL;

-- The chain's end: one row, updated in the transaction that appends an event. On PostgreSQL its row lock makes
-- appends of every instance take turns (so ids follow the chain); SQLite's single writer already does.
-- legacy_through: rows up to this id were written before this migration and are chained once at start-up, when the
-- key is at hand; a row without a hash after that is one the server did not write.
CREATE TABLE audit_chain_head (
    id             INTEGER PRIMARY KEY,
    last_event_id  BIGINT NOT NULL,
    last_hash      TEXT NULL,
    legacy_through BIGINT NOT NULL
);
INSERT INTO audit_chain_head (id, last_event_id, legacy_through) SELECT 1, 0, COALESCE(MAX(id), 0) FROM event_history;
