-- An event that waits for its charge's submission (outcome NOT_YET) is kept whole, so it can be
-- applied when the submission commits without holding back the municipality's other events.
alter table debtor_event add column due_date date;
alter table debtor_event add column last_pay_date date;
create index debtor_event_charge on debtor_event (fbs_charge_id, outcome);

-- Messages pushed to us (Beskedfordeler over AMQP, the return channel DaekningAfskrivningRegistrering),
-- each received once by its message id, recorded in the transaction that applies its event. A message
-- we could not read or apply is kept with its body and the reason, for an operator.
create table received_message (
  message_id    varchar(200) not null primary key,
  channel       varchar(20)  not null,
  debtor_system varchar(20),
  seq           bigint,
  outcome       varchar(20)  not null,
  reason        varchar(500),
  body          varchar(20000),
  received_at   timestamp with time zone not null
);
create index received_message_outcome on received_message (outcome, received_at);
