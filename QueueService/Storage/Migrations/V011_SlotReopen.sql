-- A cancelled booking's place comes back only at slot_reopens_at (a delay and a random spread after the
-- cancellation, from the hall file's appointments section), so a scalper cannot cancel and have a waiting buyer book
-- the freed place at a moment they agreed on. The slot's counter keeps the place until a booking of that slot (or
-- the slot list) finds it due; the column is cleared when the place is given back (NULL for earlier cancellations).
ALTER TABLE appointments ADD COLUMN slot_reopens_at BIGINT NULL;
CREATE INDEX ix_appointments_reopens ON appointments (hall_id, service_id, slot_start, slot_reopens_at);
