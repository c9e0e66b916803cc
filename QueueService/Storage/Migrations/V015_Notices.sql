-- Notices for the boards (公开屏): policies, news, job notices. Each holds from valid_from (inclusive) to valid_to
-- (exclusive), either end open when NULL; the boards show those in force. Kept after they expire, so the administrator
-- sees what was shown; every change is also an event row (kind hallChanged) in the audit chain.
CREATE TABLE notices (
    id           {identity},
    hall_id      TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    valid_from   BIGINT NULL,
    valid_to     BIGINT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX ix_notices_hall ON notices (hall_id, valid_to);
