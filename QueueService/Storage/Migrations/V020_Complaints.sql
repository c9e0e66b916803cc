-- 投诉: complaints received on site, by phone, on the web, by letter or at a window's evaluator. The contact's phone
-- is kept for the answer and as a masked copy for views; both, and the name, are erased when their time is up.
-- Every step (received, answered, escalated, closed, invalid) is also an event row.
CREATE TABLE complaints (
    id                    TEXT PRIMARY KEY,
    hall_id               TEXT NOT NULL,
    channel               TEXT NOT NULL,
    window_number         INTEGER NULL,
    staff_code            TEXT NULL,
    ticket_id             TEXT NULL,
    content               TEXT NOT NULL,
    contact_name          TEXT NULL,
    contact_phone         TEXT NULL,
    contact_phone_masked  TEXT NULL,
    complex               INTEGER NOT NULL,
    status                TEXT NOT NULL,
    created_at            BIGINT NOT NULL,
    due_at                BIGINT NOT NULL,
    answer                TEXT NULL,
    answer_channel        TEXT NULL,
    answered_at           BIGINT NULL,
    escalated_to          TEXT NULL,
    escalated_at          BIGINT NULL,
    closed_at             BIGINT NULL,
    invalid_reason        TEXT NULL,
    handled_by            TEXT NULL
);
CREATE INDEX ix_complaints_status ON complaints (hall_id, status, due_at);
