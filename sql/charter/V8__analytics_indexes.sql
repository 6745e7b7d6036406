-- Indexes analytics-service's reports need on charter-service's tables (its views read them
-- read-only: sql/analytics/R__views.sql; queries in modules/analytics-service/src/main/resources/
-- sql/analytics/, measured with scripts/bench/analytics.sh at a million charters).

-- Bookings by when they were accepted (revenue, metrics, the dashboard's month to date).
create index charter_quotes_analytics_accepted_idx on charter_quotes (accepted_at) include (charter_id, total)
    where status = 'accepted';
-- Quotes sent in a range (metrics) and the open ones still valid (the dashboard's open quote value).
create index charter_quotes_analytics_sent_idx on charter_quotes (sent_at) include (charter_id) where sent_at is not null;
create index charter_quotes_analytics_open_idx on charter_quotes (valid_until) include (charter_id, total) where status = 'sent';
-- Charters by pickup with what the status counts and vendor performance read, from the index alone.
create index charters_analytics_pickup_idx on charters (pickup_at) include (status, vendor_id);
-- Cancellations in a range (metrics).
create index charter_status_history_analytics_cancelled_idx on charter_status_history (at) include (charter_id)
    where to_status = 'cancelled';
