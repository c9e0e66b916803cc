-- 回访/整改: a bad rating (不满意, 非常不满意) opens a follow-up with a deadline, closed with an answer.
CREATE TABLE follow_ups (
    id            TEXT PRIMARY KEY,
    hall_id       TEXT NOT NULL,
    ticket_id     TEXT NOT NULL,
    ticket_number TEXT NOT NULL,
    window_number INTEGER NULL,
    staff_code    TEXT NULL,
    service_id    INTEGER NOT NULL,
    level         INTEGER NOT NULL,
    created_at    BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    status        TEXT NOT NULL,
    answer        TEXT NULL,
    handled_by    TEXT NULL,
    closed_at     BIGINT NULL
);
CREATE INDEX ix_follow_ups_open ON follow_ups (hall_id, status, due_at);
