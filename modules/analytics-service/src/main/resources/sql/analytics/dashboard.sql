-- The dashboard's figures, one row. {0} now, {1} the start of today, {2} the start of tomorrow,
-- {3} the start of this month (timestamptz, in the company's time zone), {4} today (date).
-- A trip is a charter booked, confirmed, in progress or completed: each status is one range of
-- charters_status_pickup_idx (status, pickup_at, id). Each source is read once (a CTE per figure
-- pair), from the analytics indexes of charter V8, payment V3 and finance V5 alone where it can.
with mtd_booking as (
    -- the month's accepted quotes from charter_quotes_analytics_accepted_idx alone, less those of
    -- charters cancelled since (an anti-join, not a join to every booked charter)
    select count(*) as bookings, coalesce(sum(q.total), 0) as revenue
    from analytics.quote q
    where q.status = 'accepted' and q.accepted_at >= {3} and q.accepted_at < {2}
      and not exists (select 1 from analytics.charter c where c.id = q.charter_id and c.status = 'cancelled')
), open_quote as (
    select count(*) as quotes, coalesce(sum(q.total), 0) as value
    from analytics.quote q
    where q.status = 'sent' and q.valid_until > {0}
      and not exists (select 1 from analytics.charter c where c.id = q.charter_id and c.status = 'cancelled')
)
select (select count(*) from analytics.charter c
        where c.status in ('booked', 'confirmed', 'in_progress', 'completed') and c.pickup_at >= {1} and c.pickup_at < {2})
           as today_trips,
       (select count(*) from analytics.charter c where c.status = 'in_progress') as in_progress,
       b.bookings as month_to_date_bookings,
       b.revenue as month_to_date_revenue,
       (select coalesce(sum(m.amount), 0) from analytics.collection m where m.at >= {3} and m.at < {2}) as month_to_date_collected,
       q.quotes as open_quotes,
       q.value as open_quote_value,
       (select coalesce(sum(i.balance), 0) from analytics.open_invoice i where i.issue_date <= {4}) as outstanding_receivables
from mtd_booking b, open_quote q
