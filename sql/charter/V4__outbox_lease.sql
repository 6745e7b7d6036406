-- The outbox worker leases the rows it delivers and delivers outside any transaction (see
-- common's outbox.sql.txt, which now has this column): a row leased by a worker that died is
-- delivered again once leased_until has passed.
alter table outbox add column leased_until timestamptz;
