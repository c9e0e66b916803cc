-- A 承诺件's result is ready or delivered (办结): the hall date it was recorded, so a case finished after its due date
-- counts as overdue (承诺件逾期) and one still open after it does too.
ALTER TABLE ticket_outcomes ADD COLUMN completed_on TEXT NULL;
ALTER TABLE ticket_outcomes ADD COLUMN completed_by TEXT NULL;
CREATE INDEX ix_ticket_outcomes_due ON ticket_outcomes (hall_id, kind, due_date);
