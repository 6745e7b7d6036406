-- The affiliate operator that runs the charter, recorded when vendor-service awards its bid
-- request (POST /charters/{id}/award, together with the vendor payment for the bid).
alter table charters add column vendor_id uuid;
