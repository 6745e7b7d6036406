-- scripts/bench/analytics.sh's seed: :n charters (psql -v n=1000000 -v today=YYYY-MM-DD) over
-- 4,999 clients and 200 vendors, created over the two years to :today, with their vehicle lines,
-- quotes, status history, payments and refunds, bid requests, bids and ratings, and invoices for
-- the last 60 days' trips — as the services would have written them. A realistic spread:
--   n % 10 = 0           an inquiry that was never quoted
--   n % 10 = 1           quoted: a sent quote, still open if the pickup is ahead (else expired)
--   n % 20 = 2           booked, then cancelled 1-3 days later (deposit refunded)
--   otherwise            booked: completed before today, in progress on today, confirmed or booked after
-- Pickup is 1-120 days after creation (lead time, evenly spread), a quote is sent the day after creation and
-- accepted 1-5 days later; every 5th booking re-quoted (v1 superseded). Booked charters pay a 25%
-- deposit an hour after acceptance and the rest 14 days before pickup (if that day has come).
-- Every 50th charter asks for two vehicle types. A third of the bookings are run by a vendor, a
-- sixth bid out (two bids, one awarded); completed vendor trips are rated. Run as a superuser:
-- session_replication_role = replica skips the foreign-key triggers a bulk load need not pay for.
set session_replication_role = replica;

insert into client.clients (id, name, type, email, payment_terms_days)
select ('00000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid, 'Client ' || lpad(k::text, 4, '0'), 'corporate',
       'client' || k || '@bench.example', 30
from generate_series(0, 4998) k on conflict do nothing;

insert into vendor.vendors (id, name, email, status, created_at, updated_at)
select ('00000000-0000-4000-9000-' || lpad(k::text, 12, '0'))::uuid, 'Vendor ' || lpad(k::text, 3, '0'),
       'vendor' || k || '@bench.example', 'approved', now(), now()
from generate_series(0, 199) k on conflict do nothing;

create temp table seed as
select n,
       gen_random_uuid() as charter_id,
       ('00000000-0000-4000-8000-' || lpad((n % 4999)::text, 12, '0'))::uuid as client_id,
       ('00000000-0000-4000-9000-' || lpad((n % 200)::text, 12, '0'))::uuid as vendor,
       created,
       -- the lead time from the cycle (n / 730), not from n itself: every creation day gets every lead
       created + make_interval(days => 1 + ((n / 730) * 37 % 120)::int, hours => (n % 10)::int) as pickup,
       case when n % 10 = 0 then 'inquiry' when n % 10 = 1 then 'quoted' when n % 20 = 2 then 'cancelled' else 'booked' end as kind,
       (200 + (n * 7919) % 5000)::numeric(12,2) + 0.50 as total,
       (array['sprinter_14', 'minibus_28', 'executive_coach_35', 'school_bus_48', 'coach_56'])[1 + n % 5] as vehicle_type
from (select n, (date :'today' - 730 + (n % 730)::int)::timestamp at time zone 'America/New_York'
                  + make_interval(hours => 8 + (n % 9)::int) as created
      from generate_series(1::bigint, :n) n) s;

create temp table booked as
select s.*, s.created + interval '1 day' + make_interval(days => (n % 5)::int) as accepted,
       case when s.kind = 'cancelled' then 'cancelled'
            when s.pickup < (date :'today')::timestamp at time zone 'America/New_York' then 'completed'
            when s.pickup < (date :'today' + 1)::timestamp at time zone 'America/New_York' then 'in_progress'
            when n % 2 = 0 then 'confirmed' else 'booked' end as status
from seed s where s.kind in ('booked', 'cancelled');
-- an acceptance cannot come after the pickup: short-lead bookings are accepted an hour after the quote
update booked set accepted = created + interval '1 day 1 hour' where accepted >= pickup;

insert into charter.charters (id, reference, client_id, trip_type, status, passenger_count, pickup_at, ends_at, created_by, created_at, vendor_id)
select s.charter_id, 'CW-B-' || s.n, s.client_id, 'one_way',
       coalesce(b.status, case when s.kind = 'quoted' then 'quoted' else 'inquiry' end), 40, s.pickup, s.pickup + interval '8 hours',
       'bench', s.created, case when b.status is not null and s.n % 3 = 0 then s.vendor end
from seed s left join booked b on b.n = s.n;

insert into charter.charter_vehicle_lines (id, charter_id, position, vehicle_type, capacity)
select gen_random_uuid(), charter_id, 1, vehicle_type, 40 from seed
union all
select gen_random_uuid(), charter_id, 2, 'sprinter_14', 14 from seed where n % 50 = 3;

-- quotes: the accepted (or sent / expired) version, and a superseded v1 for every 5th booking
insert into charter.charter_quotes (id, charter_id, version, status, lines, subtotal, discount, fuel_surcharge, tax, total,
                                    charter_version, valid_until, sent_at, accepted_at, created_by, created_at)
select gen_random_uuid(), s.charter_id, case when b.n is not null and s.n % 5 = 0 then 2 else 1 end,
       case when b.n is not null then 'accepted'
            when s.created + interval '31 days' > now() and s.pickup > now() then 'sent' else 'expired' end,
       '[]'::jsonb, s.total, 0, 0, 0, s.total, 1,
       least(s.created + interval '31 days', s.pickup), s.created + interval '1 day', b.accepted, 'bench', s.created + interval '1 day'
from seed s left join booked b on b.n = s.n
where s.kind <> 'inquiry'
union all
select gen_random_uuid(), b.charter_id, 1, 'superseded', '[]'::jsonb, b.total + 100, 0, 0, 0, b.total + 100, 1,
       b.created + interval '31 days', b.created + interval '12 hours', null, 'bench', b.created + interval '12 hours'
from booked b where b.n % 5 = 0;

insert into charter.charter_status_history (id, charter_id, from_status, to_status, actor, at)
select gen_random_uuid(), charter_id, 'booked', 'cancelled', 'bench', accepted + make_interval(days => 1 + (n % 3)::int)
from booked where status = 'cancelled';

-- payments: deposit (25%) an hour after acceptance; the balance 14 days before pickup once that day has come
create temp table pay as
select gen_random_uuid() as id, b.n, b.charter_id, b.client_id, round(b.total * 0.25, 2) as amount, b.accepted + interval '1 hour' as at
from booked b
union all
select gen_random_uuid(), b.n, b.charter_id, b.client_id, b.total - round(b.total * 0.25, 2), greatest(b.pickup - interval '14 days', b.accepted + interval '2 hours')
from booked b
where b.status <> 'cancelled' and greatest(b.pickup - interval '14 days', b.accepted + interval '2 hours') < now();

insert into payment.payments (id, charter_id, client_id, amount, method, status, reference, received_at, created_by, created_at, updated_at, succeeded_at)
select id, charter_id, client_id, amount, case when n % 2 = 0 then 'card' else 'ach' end, 'succeeded', 'bench', at, 'bench', at, at, at
from pay;

-- a cancelled booking's deposit is refunded the day it was cancelled
insert into payment.refunds (id, payment_id, amount, reason, status, source, created_by, created_at, updated_at)
select gen_random_uuid(), p.id, p.amount, 'cancelled', 'succeeded', 'api', 'bench', h.at, h.at
from pay p join booked b on b.n = p.n and b.status = 'cancelled'
join charter.charter_status_history h on h.charter_id = b.charter_id and h.to_status = 'cancelled';

-- bidding for every 6th booking, rated when completed with a vendor
insert into vendor.bid_requests (id, charter_id, charter_reference, passenger_count, vehicle_type, quantity, pickup_at, respond_by,
                                 status, created_by, created_at, updated_at)
select ('00000000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid, charter_id, 'CW-B-' || n, 40, vehicle_type, 1, pickup,
       accepted + interval '2 days', 'closed', 'bench', accepted + interval '1 hour', accepted + interval '2 days'
from booked where n % 6 = 0;

insert into vendor.bids (id, bid_request_id, vendor_id, amount, vehicle_type, status, created_at, updated_at)
select gen_random_uuid(), ('00000000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid, vendor, round(total * 0.7, 2), vehicle_type,
       'awarded', accepted + interval '5 hours', accepted + interval '2 days'
from booked where n % 6 = 0
union all
select gen_random_uuid(), ('00000000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(((n + 1) % 200)::text, 12, '0'))::uuid, round(total * 0.75, 2), vehicle_type,
       'lost', accepted + interval '6 hours', accepted + interval '2 days'
from booked where n % 6 = 0;

insert into vendor.ratings (id, vendor_id, charter_id, score, on_time, cancelled, created_by, created_at)
select gen_random_uuid(), vendor, charter_id, 1 + (n * 31 % 5)::int, n % 7 <> 0, n % 97 = 0, 'bench', pickup + interval '1 day'
from booked where status = 'completed' and n % 3 = 0;

-- invoices of the trips of the last 60 days: issued at pickup, paid within 30 days (every 4th still open)
insert into finance.invoice (id, number, charter_id, charter_reference, client_id, client_name, status, issue_date, due_date,
                             payment_terms_days, total, credited, paid, created_by, created_at, updated_at)
select gen_random_uuid(), 'INV-B-' || lpad(n::text, 8, '0'), charter_id, 'CW-B-' || n, client_id, 'Client ' || lpad((n % 4999)::text, 4, '0'),
       case when n % 4 = 0 then 'issued' else 'paid' end, (pickup at time zone 'America/New_York')::date,
       (pickup at time zone 'America/New_York')::date + 30, 30, total, 0, case when n % 4 = 0 then 0 else total end,
       'bench', pickup, pickup
from booked
where status = 'completed' and pickup >= (date :'today' - 60)::timestamp at time zone 'America/New_York';

reset session_replication_role;
