-- Device keys issued by the administrator: only a salted SHA-256 of the secret part is kept. A device has at most
-- one active key (revoked_at NULL); issuing a new one revokes the old, and revoked rows stay as the record.
CREATE TABLE device_keys (
    id          {identity},
    hall_id     TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    key_hash    TEXT NOT NULL,
    issued_at   BIGINT NOT NULL,
    issued_by   TEXT NOT NULL,
    revoked_at  BIGINT NULL,
    revoked_by  TEXT NULL
);
CREATE INDEX ix_device_keys_device ON device_keys (hall_id, device_id, revoked_at);

-- Supervisors logged in to supervision; like window sessions, only the token's SHA-256 is stored.
CREATE TABLE supervisor_sessions (
    id          TEXT PRIMARY KEY,
    hall_id     TEXT NOT NULL,
    staff_code  TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    ended_at    BIGINT NULL
);
CREATE UNIQUE INDEX ix_supervisor_sessions_token ON supervisor_sessions (token_hash);
