-- Indexes analytics-service's reports need on payment-service's tables (its views read them
-- read-only: sql/analytics/R__views.sql; measured with scripts/bench/analytics.sh).

-- Money collected in a range: succeeded payments by the day received, refunds by the day they succeeded.
-- (received_at and succeeded_at are included too: PostgreSQL reads an expression index alone
-- only when the columns of the expression are in it)
create index payments_analytics_collected_idx on payments ((coalesce(received_at, succeeded_at)))
    include (amount, charter_id, client_id, received_at, succeeded_at)
    where status = 'succeeded';
create index refunds_analytics_succeeded_idx on refunds (updated_at) include (payment_id, amount) where status = 'succeeded';
