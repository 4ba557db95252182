-- Which events went out to Beskedfordeler (profile beskedfordeler). A high-water mark of sequence
-- numbers skipped an event whose transaction committed after a later one's; each event is marked
-- once the broker has confirmed it.
alter table sim_event add column published boolean default false not null;
create index sim_event_unpublished on sim_event (debtor_system, municipality_code, published, seq);
