-- The debtor system's own dunning (issue 15): which claims it dunns itself, holds, PSRM's date, and
-- the reminder number of a reminder event.
alter table sim_claim add column debtor_led boolean default true not null;
alter table sim_claim add column on_hold boolean default false not null;
alter table sim_claim add column collection_due date;
alter table sim_event add column reminder_no int;
create index sim_claim_dunning on sim_claim (state, last_pay_date);
