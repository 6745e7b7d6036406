-- Indexes analytics-service's vendor performance report needs on vendor-service's tables (read
-- read-only through sql/analytics/R__views.sql; measured with scripts/bench/analytics.sh).

-- Bids submitted in a range, with what the report sums, from the index alone.
create index bids_analytics_created_idx on bids (created_at) include (vendor_id, status, amount);
-- The ratings of the charters picked up in a range.
create index ratings_analytics_charter_idx on ratings (charter_id);
