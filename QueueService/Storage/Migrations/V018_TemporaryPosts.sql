-- 临时顶岗: a supervisor lets a clerk log in at a window that is neither their A nor their B post, for some hours
-- (when A and B are both away). Logins under it are recorded with post 'temporary'.
CREATE TABLE temporary_posts (
    id             TEXT PRIMARY KEY,
    hall_id        TEXT NOT NULL,
    staff_code     TEXT NOT NULL,
    window_number  INTEGER NOT NULL,
    granted_at     BIGINT NOT NULL,
    until_at       BIGINT NOT NULL,
    granted_by     TEXT NOT NULL
);
CREATE INDEX ix_temporary_posts_clerk ON temporary_posts (hall_id, staff_code, window_number, until_at);
