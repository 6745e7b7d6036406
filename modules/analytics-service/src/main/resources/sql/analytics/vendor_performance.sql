-- Vendor performance for [{0}, {1}) (timestamptz): per vendor with trips, ratings or bids in the
-- range, ranked (openapi.yaml, /vendors/performance). Trips and ratings by the charter's pickup,
-- bids by when they were submitted.
with trip as (
    select c.vendor_id,
           count(*) filter (where c.status <> 'cancelled') as trips,
           count(*) filter (where c.status = 'completed') as completed_trips
    from analytics.charter c
    where c.vendor_id is not null and c.pickup_at >= {0} and c.pickup_at < {1}
    group by c.vendor_id
), rated as (
    select r.vendor_id,
           count(*) as ratings,
           round(avg(r.score), 2) as average_score,
           count(*) filter (where not r.cancelled) as ran,
           count(*) filter (where not r.cancelled and r.on_time) as on_time,
           count(*) filter (where r.cancelled) as vendor_cancellations
    from analytics.rating r
    join analytics.charter c on c.id = r.charter_id
    where c.pickup_at >= {0} and c.pickup_at < {1}
    group by r.vendor_id
), bidding as (
    select b.vendor_id,
           count(*) as bids,
           count(*) filter (where b.status = 'awarded') as bids_won,
           coalesce(sum(b.amount) filter (where b.status = 'awarded'), 0) as awarded_value
    from analytics.bid b
    where b.created_at >= {0} and b.created_at < {1}
    group by b.vendor_id
), active as (
    select vendor_id from trip union select vendor_id from rated union select vendor_id from bidding
), measured as (
    select a.vendor_id, coalesce(v.name, a.vendor_id::text) as vendor_name,
           coalesce(t.trips, 0) as trips, coalesce(t.completed_trips, 0) as completed_trips,
           coalesce(r.vendor_cancellations, 0) as vendor_cancellations, coalesce(r.ratings, 0) as ratings,
           r.average_score,
           case when r.ran > 0 then round(100.0 * r.on_time / r.ran, 2) end as on_time_pct,
           coalesce(b.bids, 0) as bids, coalesce(b.bids_won, 0) as bids_won,
           case when b.bids > 0 then round(100.0 * b.bids_won / b.bids, 2) end as win_pct,
           coalesce(b.awarded_value, 0) as awarded_value
    from active a
    left join analytics.vendor v on v.id = a.vendor_id
    left join trip t on t.vendor_id = a.vendor_id
    left join rated r on r.vendor_id = a.vendor_id
    left join bidding b on b.vendor_id = a.vendor_id
)
select row_number() over (order by average_score desc nulls last, on_time_pct desc nulls last, completed_trips desc,
                                   vendor_name, vendor_id) as rank,
       m.*
from measured m
order by rank
