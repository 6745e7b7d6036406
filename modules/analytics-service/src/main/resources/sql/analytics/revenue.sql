-- Revenue for [{0}, {1}) (timestamptz: the range's days in {2}, the time zone), grouped by {3}
-- (day | week | month | client | vehicle_type): bookings (accepted quotes accepted in the range,
-- charter not cancelled) and money collected (succeeded payments received − succeeded refunds, in
-- the range), one fact stream keyed once, then one row per key and a TOTAL row (is_total).
-- The same text runs in psql in scripts/bench/analytics.sh with {n} replaced by literals.
with fact as (
    select b.booked_at as at, b.client_id, b.charter_id, 1 as bookings, b.total as booked, 0::numeric as collected
    from analytics.booking b
    where b.booked_at >= {0} and b.booked_at < {1} and b.charter_status <> 'cancelled'
    union all
    select m.at, m.client_id, m.charter_id, 0, 0, m.amount
    from analytics.collection m
    where m.at >= {0} and m.at < {1}
), keyed as (
    select case {3}
               when 'day' then to_char(f.at at time zone {2}, 'YYYY-MM-DD')
               when 'week' then to_char(date_trunc('week', f.at at time zone {2}), 'YYYY-MM-DD')
               when 'month' then to_char(f.at at time zone {2}, 'YYYY-MM')
               when 'client' then f.client_id::text
               -- the charter's one vehicle type, 'mixed' for several, 'unspecified' for none
               else (select case when count(*) = 0 then 'unspecified'
                                 when min(l.vehicle_type) = max(l.vehicle_type) then min(l.vehicle_type)
                                 else 'mixed' end
                     from analytics.vehicle_line l where l.charter_id = f.charter_id)
           end as key,
           f.bookings, f.booked, f.collected
    from fact f
), per_key as (
    select key, sum(bookings) as bookings, sum(booked) as booked_revenue, sum(collected) as collected
    from keyed
    group by key
)
select false as is_total, p.key,
       case {3}
           when 'week' then to_char(p.key::date, 'IYYY-"W"IW')
           when 'client' then c.name
           when 'vehicle_type' then coalesce(t.name, case p.key when 'mixed' then 'Mixed vehicle types'
                                                                when 'unspecified' then 'No vehicle type' else p.key end)
           else p.key
       end as label,
       p.bookings, p.booked_revenue, p.collected
from per_key p
left join analytics.client c on {3} = 'client' and c.id = (case when {3} = 'client' then p.key::uuid end)
left join analytics.vehicle_type t on {3} = 'vehicle_type' and t.code = p.key
union all
select true, null, null, coalesce(sum(bookings), 0), coalesce(sum(booked_revenue), 0), coalesce(sum(collected), 0)
from per_key
order by is_total, key
