-- The outcome of every visit (办件): written in the finish's own transaction, one row per finished ticket. It stays
-- here when the ticket's day is archived (statistics read it by hall date), so it needs no archive twin.
-- missing_materials is a JSON list of what a 补正 asks for; due_date is a hall date for a 承诺件.
CREATE TABLE ticket_outcomes (
    ticket_id          TEXT PRIMARY KEY,
    hall_id            TEXT NOT NULL,
    hall_date          TEXT NOT NULL,
    service_id         INTEGER NOT NULL,
    window_number      INTEGER NULL,
    staff_code         TEXT NULL,
    kind               TEXT NOT NULL,
    case_number        TEXT NULL,
    promised_days      INTEGER NULL,
    due_date           TEXT NULL,
    missing_materials  TEXT NULL,
    reason             TEXT NULL,
    recorded_at        BIGINT NOT NULL
);
CREATE INDEX ix_ticket_outcomes_day ON ticket_outcomes (hall_id, hall_date);
