-- Halls, tickets, windows and the append-only event record. Times are Unix milliseconds (UTC);
-- hall_date is the hall's local date (YYYY-MM-DD) that numbering and statistics count by.
CREATE TABLE halls (
    id          TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE settings (
    hall_id TEXT NOT NULL,
    name    TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (hall_id, name)
);

-- One row per service and hall day: the last number issued. Incremented in the ticket's own transaction,
-- so numbers are unique and gap-free.
CREATE TABLE ticket_counters (
    hall_id     TEXT NOT NULL,
    service_id  INTEGER NOT NULL,
    hall_date   TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (hall_id, service_id, hall_date)
);

CREATE TABLE tickets (
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
    UNIQUE (hall_id, hall_date, number)
);
CREATE INDEX ix_tickets_queue ON tickets (hall_id, status, hall_date, service_id, priority, issued_at);
CREATE INDEX ix_tickets_day ON tickets (hall_id, hall_date);

-- Live state of each window; the current, held and last finished tickets point into tickets.
CREATE TABLE window_states (
    hall_id                TEXT NOT NULL,
    window_number          INTEGER NOT NULL,
    state                  INTEGER NOT NULL,
    session_id             TEXT NULL,
    staff_code             TEXT NULL,
    post                   TEXT NULL,
    current_ticket_id      TEXT NULL,
    held_ticket_id         TEXT NULL,
    pause_reason           TEXT NULL,
    priority_streak        INTEGER NOT NULL DEFAULT 0,
    last_finished_ticket_id TEXT NULL,
    last_finished_at       BIGINT NULL,
    changed_at             BIGINT NOT NULL,
    PRIMARY KEY (hall_id, window_number)
);

-- A clerk's login at a window. The bearer token is kept only as its SHA-256.
CREATE TABLE window_sessions (
    id            TEXT PRIMARY KEY,
    hall_id       TEXT NOT NULL,
    window_number INTEGER NOT NULL,
    staff_code    TEXT NOT NULL,
    post          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    started_at    BIGINT NOT NULL,
    ended_at      BIGINT NULL
);
CREATE INDEX ix_window_sessions_open ON window_sessions (hall_id, window_number, ended_at);

-- 电子监察: every state change of a ticket or a window, who (staff), where (window, device) and when. Never updated.
CREATE TABLE events (
    id            {identity},
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
CREATE INDEX ix_events_ticket ON events (ticket_id);
CREATE INDEX ix_events_day ON events (hall_id, hall_date, kind);

CREATE TABLE device_status (
    hall_id    TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    detail     TEXT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (hall_id, device_id)
);
