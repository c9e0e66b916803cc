-- A kiosk sends an Idempotency-Key with each take; a retry after a lost answer gets the same ticket, never a second.
ALTER TABLE tickets ADD COLUMN idempotency_key TEXT NULL;
CREATE UNIQUE INDEX ux_tickets_idempotency_key ON tickets (hall_id, idempotency_key);
