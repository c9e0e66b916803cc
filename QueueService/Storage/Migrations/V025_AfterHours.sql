-- 延时服务: visits finished after the hall's closing time (marked at the finish, counted in the statistics), and the
-- refusals to serve after hours, each with its reason ("不得无故拒绝延时服务": a refusal is explained and registered).
CREATE TABLE after_hours_visits (
    ticket_id      TEXT PRIMARY KEY,
    hall_id        TEXT NOT NULL,
    hall_date      TEXT NOT NULL,
    service_id     INTEGER NOT NULL,
    window_number  INTEGER NULL,
    staff_code     TEXT NULL,
    finished_at    BIGINT NOT NULL
);
CREATE INDEX ix_after_hours_visits_day ON after_hours_visits (hall_id, hall_date);

CREATE TABLE after_hours_refusals (
    id             TEXT PRIMARY KEY,
    hall_id        TEXT NOT NULL,
    hall_date      TEXT NOT NULL,
    window_number  INTEGER NOT NULL,
    staff_code     TEXT NOT NULL,
    ticket_id      TEXT NULL,
    ticket_number  TEXT NULL,
    reason         TEXT NOT NULL,
    refused_at     BIGINT NOT NULL
);
CREATE INDEX ix_after_hours_refusals_day ON after_hours_refusals (hall_id, hall_date);
