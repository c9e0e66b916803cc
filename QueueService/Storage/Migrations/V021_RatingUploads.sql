-- 好差评 upload to the provincial platform: one row per record (a rating, later its rectification), written in the
-- transaction of the rating or of the follow-up's close, so a record is neither lost nor doubled. id is the
-- Idempotency-Key (a GUID v7) sent with every try; seq is the order the platform receives them in. The unique
-- (ticket_id, kind) keeps it one rating and one rectification per ticket. next_try_at is NULL once sent.
CREATE TABLE rating_uploads (
    seq          {identity},
    id           TEXT NOT NULL,
    hall_id      TEXT NOT NULL,
    ticket_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_try_at  BIGINT NULL,
    last_error   TEXT NULL,
    sent_at      BIGINT NULL
);
CREATE UNIQUE INDEX ux_rating_uploads_id ON rating_uploads (id);
CREATE UNIQUE INDEX ux_rating_uploads_ticket_kind ON rating_uploads (ticket_id, kind);
CREATE INDEX ix_rating_uploads_unsent ON rating_uploads (sent_at, seq);
