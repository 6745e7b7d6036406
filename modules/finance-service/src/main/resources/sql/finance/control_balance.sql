-- Σ debits − Σ credits of account {0}'s lines dated on or before {1}. A credit-normal account's
-- balance is the negation. A closed month's totals per account are fixed when it closes
-- (account_month_balance, filled by the close, V4__aging_speed.sql; no posting can land in a
-- closed month), so the months before the first month still open are read from there and only
-- the lines from that month (or as_of's month, if earlier) up to {1} are summed, through the
-- index-only (account_code, entry_date) include (debit, credit) index.
with boundary as (
    select least({1}::date - (extract(day from {1}::date)::int - 1),
                 coalesce((select min(p.month) from finance.period p where p.closed_at is null), 'infinity'::date)) as first_day
)
select (select coalesce(sum(m.debit), 0) - coalesce(sum(m.credit), 0)
        from finance.account_month_balance m, boundary b
        where m.account_code = {0} and m.month < b.first_day)
     + (select coalesce(sum(l.debit), 0) - coalesce(sum(l.credit), 0)
        from finance.journal_line l, boundary b
        where l.account_code = {0} and l.entry_date >= b.first_day and l.entry_date <= {1}) as balance
