-- request_key as common's request_key.sql.txt makes it (finance has had this index from its V1):
-- keys are kept at least 24 hours, and a purge of older ones goes by created_at.
create index request_key_created_idx on request_key (created_at);
