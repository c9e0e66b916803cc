-- Failed logins per subject (an administrator, or a clerk's staff code), shared by every instance on the database,
-- so repeated wrong passwords or PINs lock the subject for a while wherever they are tried.
CREATE TABLE login_failures (
    hall_id         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    failures        INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL,
    locked_until    BIGINT NULL,
    PRIMARY KEY (hall_id, subject)
);
