-- Trips per pickup day for the {2} days from {0} (a date), each day's bounds taken in the time
-- zone {1}, zeros included. A trip as in dashboard.sql.
select {0}::date + k as date,
       (select count(*) from analytics.charter c
        where c.status in ('booked', 'confirmed', 'in_progress', 'completed')
          and c.pickup_at >= (({0}::date + k)::timestamp at time zone {1})
          and c.pickup_at < (({0}::date + k + 1)::timestamp at time zone {1})) as trips
from generate_series(0, {2} - 1) k
order by k
