-- The invoice as the debtor system issued it, and the reference a citizen pays with.
alter table charge add column due_date date;
alter table charge add column last_pay_date date;
alter table charge add column payment_reference varchar(40);
-- the newest debtor-system event applied to the charge: older ones arriving late change nothing
alter table charge add column last_event_seq bigint;
