-- "Your turn is near" (到号提醒). sms_consents: the phone a citizen left with consent for one ticket. phone is kept in
-- clear only until the ticket's last message is queued (the sender needs it); phone_masked shows it, phone_hash (keyed
-- like ID numbers) finds it for erasure once the clear number is gone.
CREATE TABLE sms_consents (
    ticket_id     TEXT PRIMARY KEY,
    hall_id       TEXT NOT NULL,
    hall_date     TEXT NOT NULL,
    phone         TEXT NULL,
    phone_masked  TEXT NULL,
    phone_hash    TEXT NULL,
    consented_at  BIGINT NOT NULL
);
CREATE INDEX ix_sms_consents_day ON sms_consents (hall_id, hall_date);
-- One row per text message, written in the transaction of the queue change that caused it; the unique (ticket, kind)
-- makes it exactly one near and one called per ticket whichever instance made the change. next_attempt_at is the
-- claim: an instance takes a row by moving it forward (a lease), so only one instance sends a row at a time; NULL once
-- the row is settled (sent, or given up). phone is erased when the row settles.
CREATE TABLE sms_outbox (
    id               {identity},
    hall_id          TEXT NOT NULL,
    hall_date        TEXT NOT NULL,
    ticket_id        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    phone            TEXT NULL,
    phone_masked     TEXT NOT NULL,
    text             TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NULL,
    sent_at          BIGINT NULL,
    failed_at        BIGINT NULL,
    last_error       TEXT NULL
);
CREATE UNIQUE INDEX ux_sms_outbox_ticket_kind ON sms_outbox (ticket_id, kind);
CREATE INDEX ix_sms_outbox_due ON sms_outbox (next_attempt_at);
-- A booking made with consent to the text reminder: the ticket it becomes at check-in takes the booking's phone.
ALTER TABLE appointments ADD COLUMN sms_consent INTEGER NOT NULL DEFAULT 0;
