-- Appointments (预约). Times are Unix milliseconds (UTC); hall_date is the slot's local date.
-- One row per booked slot: how many active bookings it holds. Booking raises it with a conditional update
-- (booked < capacity) in the booking's own transaction, so a slot is never overbooked, also across instances.
CREATE TABLE appointment_slots (
    hall_id    TEXT NOT NULL,
    service_id INTEGER NOT NULL,
    slot_start BIGINT NOT NULL,
    booked     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hall_id, service_id, slot_start)
);

-- status: 0 booked, 1 checked in, 2 cancelled, 3 missed. The ID number is kept only as a keyed hash and a mask.
CREATE TABLE appointments (
    code              TEXT PRIMARY KEY,
    hall_id           TEXT NOT NULL,
    service_id        INTEGER NOT NULL,
    hall_date         TEXT NOT NULL,
    slot_start        BIGINT NOT NULL,
    slot_end          BIGINT NOT NULL,
    check_in_from     BIGINT NOT NULL,
    check_in_until    BIGINT NOT NULL,
    name              TEXT NOT NULL,
    phone             TEXT NOT NULL,
    id_hash           TEXT NULL,
    id_masked         TEXT NULL,
    status            INTEGER NOT NULL,
    booked_at         BIGINT NOT NULL,
    cancelled_at      BIGINT NULL,
    checked_in_at     BIGINT NULL,
    missed_at         BIGINT NULL,
    ticket_id         TEXT NULL,
    source            TEXT NULL
);
CREATE INDEX ix_appointments_slot ON appointments (hall_id, service_id, slot_start, status);
CREATE INDEX ix_appointments_open ON appointments (status, check_in_until);
-- One active booking per phone, and per ID number, for a service and day; the partial unique indexes hold it
-- even when two bookings race.
CREATE UNIQUE INDEX ux_appointments_phone ON appointments (hall_id, service_id, hall_date, phone) WHERE status = 0;
CREATE UNIQUE INDEX ux_appointments_id ON appointments (hall_id, service_id, hall_date, id_hash) WHERE status = 0 AND id_hash IS NOT NULL;
