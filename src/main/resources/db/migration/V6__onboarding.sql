-- A municipality's road to go-live (processes/onboarding.bpmn): one row per municipality whose
-- onboarding an operator started; the process is the state, these are its records.
create table onboarding (
  municipality_code      varchar(3)   not null primary key,
  debtor_system          varchar(20)  not null,
  started_at             timestamp with time zone not null,
  started_by             varchar(64)  not null,
  project_leader_name    varchar(200),
  project_leader_email   varchar(200),
  enrolled_by            varchar(64),
  enrolled_at            timestamp with time zone,
  wave                   int,
  go_live_on             date,
  postponement_reason    varchar(500),
  postponed_by           varchar(64),
  vendor_test_attempts   int          not null default 0,
  vendor_test_passed     boolean,
  vendor_test_result     varchar(500),
  vendor_tested_at       timestamp with time zone,
  approved_by            varchar(64),
  approval_reason        varchar(500),
  approved_at            timestamp with time zone,
  live_at                timestamp with time zone,
  register_deployment_id varchar(64)
);

-- The KLIK tasks chosen for the municipality (dmn/klik-tasks.dmn), open until done.
create table onboarding_klik_task (
  municipality_code varchar(3)   not null references onboarding (municipality_code),
  code              varchar(40)  not null,
  title             varchar(200) not null,
  position          int          not null,
  done_by           varchar(64),
  done_at           timestamp with time zone,
  note              varchar(1000),
  primary key (municipality_code, code)
);

-- How many municipalities have chosen each wave: the waves' capacity is counted here.
create index onboarding_wave on onboarding (wave);
