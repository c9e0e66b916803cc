-- A supervisor's decision on a pause whose reason needs approval (现场勘察). The pause is the window's current one,
-- named by the time it started (window_states.changed_at); an approved pause is not 离岗.
CREATE TABLE pause_approvals (
    hall_id        TEXT NOT NULL,
    window_number  INTEGER NOT NULL,
    paused_at      BIGINT NOT NULL,
    staff_code     TEXT NULL,
    reason         TEXT NOT NULL,
    approved       INTEGER NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_at     BIGINT NOT NULL,
    PRIMARY KEY (hall_id, window_number, paused_at)
);
