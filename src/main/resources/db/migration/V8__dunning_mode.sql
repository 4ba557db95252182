-- Who runs the collection of a charge after its invoice (dmn/dunning-mode.dmn), kept for its whole
-- life. Charges from before the choice existed were dunned by our process.
alter table charge add column dunning_mode varchar(10);
update charge set dunning_mode = 'FBS_LED' where route is not null and route <> 'FBS_INTERNAL';
