-- A complaint about a ticket keeps the ticket's number (A012), so the register and the printed answer name the visit
-- as the citizen knows it; the ticket's id stays for the link to its record.
ALTER TABLE complaints ADD COLUMN ticket_number TEXT NULL;
