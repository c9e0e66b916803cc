-- The administration page's logins (a bearer token the page keeps; scripts may still send HTTP Basic). Only the
-- token's SHA-256 is stored. password_mark is a SHA-256 of the administrator's password setting at login, so that a
-- changed password ends every session made with the old one.
CREATE TABLE admin_sessions (
    id             TEXT PRIMARY KEY,
    hall_id        TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    token_hash     TEXT NOT NULL,
    password_mark  TEXT NOT NULL,
    started_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    ended_at       BIGINT NULL
);
CREATE UNIQUE INDEX ix_admin_sessions_token ON admin_sessions (token_hash);
