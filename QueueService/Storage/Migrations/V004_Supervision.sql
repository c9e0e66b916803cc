-- Supervision alerts, kept until a supervisor acknowledges them. subject is the alert's identity (kind and what it is
-- about), so the monitor raises each problem once however often it looks.
CREATE TABLE alerts (
    id               {identity},
    hall_id          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    message          TEXT NOT NULL,
    message_en       TEXT NOT NULL,
    window_number    INTEGER NULL,
    service_id       INTEGER NULL,
    ticket_id        TEXT NULL,
    raised_at        BIGINT NOT NULL,
    acknowledged_at  BIGINT NULL,
    acknowledged_by  TEXT NULL,
    UNIQUE (hall_id, subject)
);
CREATE INDEX ix_alerts_open ON alerts (hall_id, acknowledged_at);
