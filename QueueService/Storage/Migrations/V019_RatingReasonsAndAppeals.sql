-- 好差评 to the national rules. A rating keeps the reasons the citizen ticked (a JSON list of the hall's reason codes)
-- and the channel it came by (evaluator, tablet, phone); rating_excluded is 1 once an appeal (申诉复核) against it is
-- upheld, so satisfaction figures leave it out and count it apart. Archived tickets carry the same columns.
ALTER TABLE tickets ADD COLUMN rating_reasons TEXT NULL;
ALTER TABLE tickets ADD COLUMN rating_channel TEXT NULL;
ALTER TABLE tickets ADD COLUMN rating_excluded INTEGER NULL;
ALTER TABLE tickets_archive ADD COLUMN rating_reasons TEXT NULL;
ALTER TABLE tickets_archive ADD COLUMN rating_channel TEXT NULL;
ALTER TABLE tickets_archive ADD COLUMN rating_excluded INTEGER NULL;

DROP VIEW ticket_history;
CREATE VIEW ticket_history AS
    SELECT id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at, called_at, started_at,
           finished_at, window_number, target_window, staff_code, recall_count, transfer_count, id_hash, id_masked, appointment_code,
           source, estimated_wait_minutes, rating_level, rated_at, idempotency_key, rating_reasons, rating_channel, rating_excluded
    FROM tickets
    UNION ALL
    SELECT id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at, called_at, started_at,
           finished_at, window_number, target_window, staff_code, recall_count, transfer_count, id_hash, id_masked, appointment_code,
           source, estimated_wait_minutes, rating_level, rated_at, idempotency_key, rating_reasons, rating_channel, rating_excluded
    FROM tickets_archive;

-- The 差评 loop on each follow-up: the 回访 (when, by which channel, who called, what the citizen said), the 整改
-- taken, and the rated clerk's appeal with the supervisor's review.
ALTER TABLE follow_ups ADD COLUMN visit_at BIGINT NULL;
ALTER TABLE follow_ups ADD COLUMN visit_channel TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN visit_by TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN visit_note TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN rectification TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN appeal_reason TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN appealed_at BIGINT NULL;
ALTER TABLE follow_ups ADD COLUMN review_upheld INTEGER NULL;
ALTER TABLE follow_ups ADD COLUMN review_note TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN reviewed_by TEXT NULL;
ALTER TABLE follow_ups ADD COLUMN reviewed_at BIGINT NULL;
