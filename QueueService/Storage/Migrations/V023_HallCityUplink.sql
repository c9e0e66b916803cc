-- Hall and city (三级政务服务网络). Both roles run every migration; each uses its own tables.
--
-- On a hall server: how far its event record has reached the city. The uplink is an outbox over the event record
-- itself (events and events_archive), so nothing is written twice: last_sent_id is the last event the city has
-- acknowledged, last_sent_hash its chain hash (the previous hash of the next batch's first event).
CREATE TABLE uplink_state (
    hall_id         TEXT PRIMARY KEY,
    last_sent_id    BIGINT NOT NULL,
    last_sent_hash  TEXT NULL,
    last_success_at BIGINT NULL,
    last_error      TEXT NULL,
    last_error_at   BIGINT NULL,
    failures        INTEGER NOT NULL DEFAULT 0
);

-- On a city server: the halls allowed to uplink (key_hash is the keyed hash of the key the administrator was shown
-- once), how far each hall's chain has arrived, and what the hall said about itself in its last batch.
CREATE TABLE city_halls (
    hall_id        TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    key_hash       TEXT NOT NULL,
    issued_at      BIGINT NOT NULL,
    revoked_at     BIGINT NULL,
    last_event_id  BIGINT NOT NULL DEFAULT 0,
    last_hash      TEXT NULL,
    last_event_at  BIGINT NULL,
    last_batch_at  BIGINT NULL,
    backlog        BIGINT NULL,
    profile        TEXT NULL,
    alerts         TEXT NULL,
    refused_at     BIGINT NULL,
    refused_reason TEXT NULL
);

-- Every event of every hall as the hall wrote it, with its chain link; (hall_id, id) is the idempotency key.
CREATE TABLE city_events (
    hall_id       TEXT NOT NULL,
    id            BIGINT NOT NULL,
    ticket_id     TEXT NULL,
    kind          TEXT NOT NULL,
    at            BIGINT NOT NULL,
    hall_date     TEXT NOT NULL,
    window_number INTEGER NULL,
    staff_code    TEXT NULL,
    device        TEXT NULL,
    service_id    INTEGER NULL,
    detail        TEXT NULL,
    hash          TEXT NOT NULL,
    previous_hash TEXT NULL,
    PRIMARY KEY (hall_id, id)
);
CREATE INDEX ix_city_events_day ON city_events (hall_id, hall_date, kind);

-- Each hall's tickets as its events left them: only the columns the statistics read (no personal data), so the
-- city's figures come from the same queries as a hall's own /api/stats. through_event_id is the event whose batch
-- carried this state: an older batch sent again never overwrites a newer state.
CREATE TABLE city_tickets (
    hall_id                TEXT NOT NULL,
    id                     TEXT NOT NULL,
    hall_date              TEXT NOT NULL,
    service_id             INTEGER NOT NULL,
    status                 INTEGER NOT NULL,
    issued_at              BIGINT NOT NULL,
    called_at              BIGINT NULL,
    started_at             BIGINT NULL,
    finished_at            BIGINT NULL,
    window_number          INTEGER NULL,
    staff_code             TEXT NULL,
    transfer_count         INTEGER NOT NULL DEFAULT 0,
    estimated_wait_minutes INTEGER NOT NULL DEFAULT 0,
    rating_level           INTEGER NULL,
    rating_excluded        INTEGER NULL,
    through_event_id       BIGINT NOT NULL,
    PRIMARY KEY (hall_id, id)
);
CREATE INDEX ix_city_tickets_day ON city_tickets (hall_id, hall_date);

CREATE TABLE city_ticket_outcomes (
    hall_id       TEXT NOT NULL,
    ticket_id     TEXT NOT NULL,
    hall_date     TEXT NOT NULL,
    service_id    INTEGER NOT NULL,
    window_number INTEGER NULL,
    staff_code    TEXT NULL,
    kind          TEXT NOT NULL,
    PRIMARY KEY (hall_id, ticket_id)
);
CREATE INDEX ix_city_ticket_outcomes_day ON city_ticket_outcomes (hall_id, hall_date);
