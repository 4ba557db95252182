-- Events read from (or pushed by) the debtor systems, each applied exactly once.
create table debtor_event (
  debtor_system     varchar(20)  not null,
  seq               bigint       not null,
  municipality_code varchar(3)   not null,
  claim_id          varchar(40)  not null,
  fbs_charge_id     varchar(500),
  kind              varchar(40)  not null,
  amount_ore        bigint,
  balance_ore       bigint       not null,
  claim_state       varchar(30)  not null,
  occurred_at       timestamp with time zone not null,
  received_at       timestamp with time zone not null,
  outcome           varchar(20)  not null,
  note              varchar(500),
  primary key (debtor_system, seq)
);
create index debtor_event_outcome on debtor_event (outcome, received_at);

-- how far each debtor system's events have been read, per municipality
create table sync_cursor (
  debtor_system     varchar(20) not null,
  municipality_code varchar(3)  not null,
  last_seq          bigint      not null,
  updated_at        timestamp with time zone not null,
  primary key (debtor_system, municipality_code)
);
