-- Archive of old hall days (see Archiving/DayArchiver.cs). Whole hall days move from the live tables into these
-- tables with the same columns, one transaction per day, so the live tables the engine works on stay small.
-- Readers of history (statistics, reports, staffing) read the *_history views, which see both.
-- A later migration that adds a column to tickets, events, ticket_counters or window_sessions must add it to the
-- archive table too and recreate the view; the archiver refuses to run while the columns differ.
CREATE TABLE tickets_archive (
    id                   TEXT PRIMARY KEY,
    hall_id              TEXT NOT NULL,
    hall_date            TEXT NOT NULL,
    service_id           INTEGER NOT NULL,
    issued_service_id    INTEGER NOT NULL,
    number               TEXT NOT NULL,
    priority             INTEGER NOT NULL,
    status               INTEGER NOT NULL,
    issued_at            BIGINT NOT NULL,
    due_at               BIGINT NULL,
    called_at            BIGINT NULL,
    started_at           BIGINT NULL,
    finished_at          BIGINT NULL,
    window_number        INTEGER NULL,
    target_window        INTEGER NULL,
    staff_code           TEXT NULL,
    recall_count         INTEGER NOT NULL DEFAULT 0,
    transfer_count       INTEGER NOT NULL DEFAULT 0,
    id_hash              TEXT NULL,
    id_masked            TEXT NULL,
    appointment_code     TEXT NULL,
    source               TEXT NULL,
    estimated_wait_minutes INTEGER NOT NULL DEFAULT 0,
    rating_level         INTEGER NULL,
    rated_at             BIGINT NULL,
    idempotency_key      TEXT NULL,
    UNIQUE (hall_id, hall_date, number)
);

-- The event keeps its id from the live table (no identity here), so the record's order survives the move.
CREATE TABLE events_archive (
    id            BIGINT PRIMARY KEY,
    hall_id       TEXT NOT NULL,
    ticket_id     TEXT NULL,
    kind          TEXT NOT NULL,
    at            BIGINT NOT NULL,
    hall_date     TEXT NOT NULL,
    window_number INTEGER NULL,
    staff_code    TEXT NULL,
    device        TEXT NULL,
    service_id    INTEGER NULL,
    detail        TEXT NULL
);
CREATE INDEX ix_events_archive_ticket ON events_archive (ticket_id);
CREATE INDEX ix_events_archive_day ON events_archive (hall_id, hall_date, kind);

CREATE TABLE ticket_counters_archive (
    hall_id     TEXT NOT NULL,
    service_id  INTEGER NOT NULL,
    hall_date   TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (hall_id, service_id, hall_date)
);

-- Closed clerk logins; the token hash is kept only for the record (an archived session never authenticates).
CREATE TABLE window_sessions_archive (
    id            TEXT PRIMARY KEY,
    hall_id       TEXT NOT NULL,
    window_number INTEGER NOT NULL,
    staff_code    TEXT NOT NULL,
    post          TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    started_at    BIGINT NOT NULL,
    ended_at      BIGINT NULL
);
CREATE INDEX ix_window_sessions_archive_started ON window_sessions_archive (hall_id, started_at);

-- Every ticket and every event, live or archived: what statistics and reports read.
CREATE VIEW ticket_history AS
    SELECT id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at, called_at, started_at,
           finished_at, window_number, target_window, staff_code, recall_count, transfer_count, id_hash, id_masked, appointment_code,
           source, estimated_wait_minutes, rating_level, rated_at, idempotency_key
    FROM tickets
    UNION ALL
    SELECT id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at, called_at, started_at,
           finished_at, window_number, target_window, staff_code, recall_count, transfer_count, id_hash, id_masked, appointment_code,
           source, estimated_wait_minutes, rating_level, rated_at, idempotency_key
    FROM tickets_archive;

CREATE VIEW event_history AS
    SELECT id, hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail FROM events
    UNION ALL
    SELECT id, hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail FROM events_archive;
