-- Payments taken at the library desk, passed on to the debtor system as an indbetaling.
create table library_payment (
  payment_id        varchar(64)  primary key,
  fbs_charge_id     varchar(64)  not null references charge (fbs_charge_id),
  amount_ore        bigint       not null,
  paid_on           date         not null,
  status            varchar(20)  not null,
  request_hash      varchar(64)  not null,
  created_at        timestamp with time zone not null,
  forwarded_at      timestamp with time zone
);
create index library_payment_charge on library_payment (fbs_charge_id);
create index charge_debtor on charge (debtor_cpr, municipality_code);

-- since when we wait for the debtor system to confirm something we asked for (null: nothing)
alter table charge add column awaiting_update_since timestamp with time zone;
