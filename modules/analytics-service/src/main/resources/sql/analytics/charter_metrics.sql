-- Charter metrics for [{0}, {1}) (timestamptz: the range's days in {2}, the time zone), one row.
-- Each figure reads the charters of its own date (openapi.yaml, /charters/metrics): pickup for
-- the status counts, creation for inquiries, sent_at for quotes, acceptance for bookings and lead
-- time, the move to cancelled for cancellations.
with trip as (
    select c.status from analytics.charter c where c.pickup_at >= {0} and c.pickup_at < {1}
), sent as (
    select q.charter_id, count(*) as versions from analytics.quote q
    where q.sent_at >= {0} and q.sent_at < {1}
    group by q.charter_id
), booked as (
    select b.total, (b.pickup_at at time zone {2})::date - (b.booked_at at time zone {2})::date as lead_days
    from analytics.booking b
    where b.booked_at >= {0} and b.booked_at < {1} and b.charter_status <> 'cancelled'
), cancelled as (
    select distinct h.charter_id from analytics.status_change h
    where h.to_status = 'cancelled' and h.at >= {0} and h.at < {1}
)
select (select count(*) filter (where status = 'inquiry') from trip) as inquiry,
       (select count(*) filter (where status = 'quoted') from trip) as quoted,
       (select count(*) filter (where status = 'booked') from trip) as booked,
       (select count(*) filter (where status = 'confirmed') from trip) as confirmed,
       (select count(*) filter (where status = 'in_progress') from trip) as in_progress,
       (select count(*) filter (where status = 'completed') from trip) as completed,
       (select count(*) filter (where status = 'cancelled') from trip) as cancelled,
       (select count(*) from analytics.charter c where c.created_at >= {0} and c.created_at < {1}) as inquiries,
       (select coalesce(sum(versions), 0) from sent) as quotes_sent,
       (select count(*) from sent) as quoted_charters,
       (select count(*) from sent s
        where exists (select 1 from analytics.booking b where b.charter_id = s.charter_id and b.charter_status <> 'cancelled'))
           as converted_charters,
       (select count(*) from booked) as bookings,
       (select coalesce(sum(total), 0) from booked) as booked_revenue,
       (select round(avg(lead_days), 2) from booked) as average_lead_time_days,
       (select count(*) from cancelled) as cancellations,
       (select coalesce(sum(b.total), 0) from cancelled x join analytics.booking b on b.charter_id = x.charter_id) as cancelled_value
