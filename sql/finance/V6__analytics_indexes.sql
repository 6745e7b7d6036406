-- Indexes analytics-service's dashboard needs on finance-service's tables (read read-only through
-- sql/analytics/R__views.sql; measured with scripts/bench/analytics.sh).

-- Outstanding receivables: Σ open balances of the open invoices, from the index alone.
create index invoice_analytics_open_idx on invoice (issue_date) include (total, credited, paid)
    where status in ('issued', 'partially_paid');
