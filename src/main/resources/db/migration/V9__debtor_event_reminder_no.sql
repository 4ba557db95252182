-- A reminder's number travels with its event: an event that waits for its charge's submission
-- (outcome NOT_YET) is applied later from this row, and the timeline names the reminder.
alter table debtor_event add column reminder_no int;
