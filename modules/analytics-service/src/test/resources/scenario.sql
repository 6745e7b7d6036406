-- ReportsTest's book, written straight into the source services' tables as they would have
-- written it. Times are UTC; New York is UTC−4 until 2026-11-01 02:00 there (EDT), UTC−5 after
-- (EST): 03:30Z on 11-01 is still 23:30 on 10-31 there. The test's "now" is
-- 2026-11-16T17:00Z (noon in New York, a Monday). Ids: clients …a0NN, vendors …b0NN, charters
-- …c0NN (CH1 = c001), quotes …d0NN, payments …e0NN, refunds …f0NN.
--
-- charter  client  status       pickup (NY)        vehicles                 quotes (sent → accepted, total)               vendor
-- CH1      Acme    completed    11-10 08:00        coach_56                 11-01 → 11-02 10:00 NY, 1500.00               V1
-- CH2      Acme    confirmed    11-20 09:00        coach_56 + sprinter_14   v1 11-03 (superseded, 2900.00); v2 11-04 → 11-05, 2750.50   V2 (not in range)
-- CH3      Beta    booked       11-16 07:30        school_bus_48            11-08 → 11-09 23:30 NY (11-10 04:30Z), 820.25  V2
-- CH4      Beta    cancelled    11-25              school_bus_48            11-06 → 11-06, 990.00; cancelled 11-12
-- CH5      Acme    quoted       12-01              coach_56                 11-14 sent, valid till 2099, 3100.00
-- CH6      Beta    inquiry      11-16 14:00        minibus_28               none
-- CH7      Acme    in_progress  11-15 08:00 (3 days) coach_56               10-20 → 10-25, 4200.00                        V1
-- CH8      Beta    booked       11-19 08:00        sprinter_14              11-15 → 11-16 09:00 NY, 640.00
-- CH9      Acme    quoted       12-05              coach_56                 11-01 sent, valid till 11-15 (lapsed), 500.00
-- CH10     Beta    cancelled    12-10              coach_56                 11-12 sent, valid till 2099, 700.00; cancelled 11-13
-- CH11     Beta    completed    11-03 08:00        school_bus_48            10-18 → 10-20, 1100.00                        V2
insert into client.clients (id, name, type, email, payment_terms_days) values
    ('00000000-0000-4000-8000-00000000a001', 'Acme Corp', 'corporate', 'travel@acme.example', 30),
    ('00000000-0000-4000-8000-00000000a002', 'Beta School', 'school', 'office@beta.example', 30);

insert into vendor.vendors (id, name, email, status, created_at, updated_at) values
    ('00000000-0000-4000-8000-00000000b001', 'Valley Coaches', 'ops@valley.example', 'approved', '2026-01-01Z', '2026-01-01Z'),
    ('00000000-0000-4000-8000-00000000b002', 'Summit Lines', 'ops@summit.example', 'approved', '2026-01-01Z', '2026-01-01Z'),
    ('00000000-0000-4000-8000-00000000b003', 'Coastal Express', 'ops@coastal.example', 'approved', '2026-01-01Z', '2026-01-01Z');

insert into charter.charters (id, reference, client_id, trip_type, status, passenger_count, pickup_at, ends_at, created_by, created_at, vendor_id) values
    ('00000000-0000-4000-8000-00000000c001', 'CW-2026-90001', '00000000-0000-4000-8000-00000000a001', 'round_trip', 'completed', 50, '2026-11-10T13:00Z', '2026-11-11T01:00Z', 'seed', '2026-10-30T14:00Z', '00000000-0000-4000-8000-00000000b001'),
    ('00000000-0000-4000-8000-00000000c002', 'CW-2026-90002', '00000000-0000-4000-8000-00000000a001', 'round_trip', 'confirmed', 60, '2026-11-20T14:00Z', '2026-11-21T00:00Z', 'seed', '2026-11-02T14:00Z', '00000000-0000-4000-8000-00000000b002'),
    ('00000000-0000-4000-8000-00000000c003', 'CW-2026-90003', '00000000-0000-4000-8000-00000000a002', 'one_way', 'booked', 40, '2026-11-16T12:30Z', '2026-11-16T16:30Z', 'seed', '2026-11-07T14:00Z', '00000000-0000-4000-8000-00000000b002'),
    ('00000000-0000-4000-8000-00000000c004', 'CW-2026-90004', '00000000-0000-4000-8000-00000000a002', 'one_way', 'cancelled', 40, '2026-11-25T13:00Z', '2026-11-25T18:00Z', 'seed', '2026-11-05T14:00Z', null),
    ('00000000-0000-4000-8000-00000000c005', 'CW-2026-90005', '00000000-0000-4000-8000-00000000a001', 'one_way', 'quoted', 50, '2026-12-01T13:00Z', '2026-12-01T20:00Z', 'seed', '2026-11-13T14:00Z', null),
    ('00000000-0000-4000-8000-00000000c006', 'CW-2026-90006', '00000000-0000-4000-8000-00000000a002', 'one_way', 'inquiry', 20, '2026-11-16T19:00Z', '2026-11-16T23:00Z', 'seed', '2026-11-15T15:00Z', null),
    ('00000000-0000-4000-8000-00000000c007', 'CW-2026-90007', '00000000-0000-4000-8000-00000000a001', 'multi_day', 'in_progress', 50, '2026-11-15T13:00Z', '2026-11-17T23:00Z', 'seed', '2026-10-18T14:00Z', '00000000-0000-4000-8000-00000000b001'),
    ('00000000-0000-4000-8000-00000000c008', 'CW-2026-90008', '00000000-0000-4000-8000-00000000a002', 'one_way', 'booked', 12, '2026-11-19T13:00Z', '2026-11-19T17:00Z', 'seed', '2026-11-14T14:00Z', null),
    ('00000000-0000-4000-8000-00000000c009', 'CW-2026-90009', '00000000-0000-4000-8000-00000000a001', 'one_way', 'quoted', 50, '2026-12-05T13:00Z', '2026-12-05T20:00Z', 'seed', '2026-11-01T14:00Z', null),
    ('00000000-0000-4000-8000-00000000c010', 'CW-2026-90010', '00000000-0000-4000-8000-00000000a002', 'one_way', 'cancelled', 50, '2026-12-10T13:00Z', '2026-12-10T20:00Z', 'seed', '2026-11-11T14:00Z', null),
    ('00000000-0000-4000-8000-00000000c011', 'CW-2026-90011', '00000000-0000-4000-8000-00000000a002', 'one_way', 'completed', 40, '2026-11-03T13:00Z', '2026-11-03T18:00Z', 'seed', '2026-10-15T14:00Z', '00000000-0000-4000-8000-00000000b002');

insert into charter.charter_vehicle_lines (id, charter_id, position, vehicle_type, capacity) values
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c001', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c002', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c002', 2, 'sprinter_14', 14),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c003', 1, 'school_bus_48', 48),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c004', 1, 'school_bus_48', 48),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c005', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c006', 1, 'minibus_28', 28),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c007', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c008', 1, 'sprinter_14', 14),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c009', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c010', 1, 'coach_56', 56),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c011', 1, 'school_bus_48', 48);

-- one line per quote, the whole total, as pricing would price a one-vehicle trip without extras
insert into charter.charter_quotes (id, charter_id, version, status, lines, subtotal, discount, fuel_surcharge, tax, total,
                                    charter_version, valid_until, sent_at, accepted_at, created_by, created_at)
select q.id::uuid, q.charter_id::uuid, q.version, q.status,
       jsonb_build_array(jsonb_build_object('code', q.code, 'description', 'Charter', 'quantity', 1, 'unit_price', q.total, 'amount', q.total)),
       q.total, 0, 0, 0, q.total, 1, q.valid_until::timestamptz, q.sent_at::timestamptz, q.accepted_at::timestamptz, 'seed', q.sent_at::timestamptz
from (values
    ('00000000-0000-4000-8000-00000000d001', '00000000-0000-4000-8000-00000000c001', 1, 'accepted', 'coach_56.hourly', 1500.00, '2026-12-31Z', '2026-11-01T15:00Z', '2026-11-02T15:00Z'),
    ('00000000-0000-4000-8000-00000000d021', '00000000-0000-4000-8000-00000000c002', 1, 'superseded', 'coach_56.hourly', 2900.00, '2026-12-31Z', '2026-11-03T15:00Z', null),
    ('00000000-0000-4000-8000-00000000d022', '00000000-0000-4000-8000-00000000c002', 2, 'accepted', 'coach_56.hourly', 2750.50, '2026-12-31Z', '2026-11-04T16:00Z', '2026-11-05T16:00Z'),
    ('00000000-0000-4000-8000-00000000d003', '00000000-0000-4000-8000-00000000c003', 1, 'accepted', 'school_bus_48.hourly', 820.25, '2026-12-31Z', '2026-11-08T15:00Z', '2026-11-10T04:30Z'),
    ('00000000-0000-4000-8000-00000000d004', '00000000-0000-4000-8000-00000000c004', 1, 'accepted', 'school_bus_48.hourly', 990.00, '2026-12-31Z', '2026-11-06T15:00Z', '2026-11-06T18:00Z'),
    ('00000000-0000-4000-8000-00000000d005', '00000000-0000-4000-8000-00000000c005', 1, 'sent', 'coach_56.hourly', 3100.00, '2099-01-01Z', '2026-11-14T15:00Z', null),
    ('00000000-0000-4000-8000-00000000d007', '00000000-0000-4000-8000-00000000c007', 1, 'accepted', 'coach_56.daily', 4200.00, '2026-12-31Z', '2026-10-20T15:00Z', '2026-10-25T15:00Z'),
    ('00000000-0000-4000-8000-00000000d008', '00000000-0000-4000-8000-00000000c008', 1, 'accepted', 'sprinter_14.hourly', 640.00, '2026-12-31Z', '2026-11-15T15:00Z', '2026-11-16T14:00Z'),
    ('00000000-0000-4000-8000-00000000d009', '00000000-0000-4000-8000-00000000c009', 1, 'sent', 'coach_56.hourly', 500.00, '2026-11-15T00:00Z', '2026-11-01T16:00Z', null),
    ('00000000-0000-4000-8000-00000000d010', '00000000-0000-4000-8000-00000000c010', 1, 'sent', 'coach_56.hourly', 700.00, '2099-01-01Z', '2026-11-12T15:00Z', null),
    ('00000000-0000-4000-8000-00000000d011', '00000000-0000-4000-8000-00000000c011', 1, 'accepted', 'school_bus_48.hourly', 1100.00, '2026-12-31Z', '2026-10-18T15:00Z', '2026-10-20T15:00Z')
) as q (id, charter_id, version, status, code, total, valid_until, sent_at, accepted_at);

insert into charter.charter_status_history (id, charter_id, from_status, to_status, actor, at) values
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c004', 'booked', 'cancelled', 'seed', '2026-11-12T15:00Z'),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c010', 'quoted', 'cancelled', 'seed', '2026-11-13T15:00Z'),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000c001', 'in_progress', 'completed', 'seed', '2026-11-11T01:00Z');

-- payments (received_at) and refunds (succeeded at updated_at)
insert into payment.payments (id, charter_id, client_id, amount, method, status, reference, received_at, created_by, created_at, updated_at, succeeded_at)
select p.id::uuid, p.charter_id::uuid, p.client_id::uuid, p.amount, p.method, p.status, 'ref-' || right(p.id, 4),
       p.received_at::timestamptz, 'seed', p.received_at::timestamptz, p.received_at::timestamptz,
       case when p.status = 'succeeded' then p.received_at::timestamptz end
from (values
    ('00000000-0000-4000-8000-00000000e001', '00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000a001', 375.00, 'check', 'succeeded', '2026-11-02T16:00Z'),
    ('00000000-0000-4000-8000-00000000e002', '00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000a001', 1125.00, 'ach', 'succeeded', '2026-11-09T15:00Z'),
    ('00000000-0000-4000-8000-00000000e003', '00000000-0000-4000-8000-00000000c002', '00000000-0000-4000-8000-00000000a001', 687.63, 'wire', 'succeeded', '2026-11-05T17:00Z'),
    ('00000000-0000-4000-8000-00000000e004', '00000000-0000-4000-8000-00000000c004', '00000000-0000-4000-8000-00000000a002', 247.50, 'check', 'succeeded', '2026-11-06T19:00Z'),
    ('00000000-0000-4000-8000-00000000e005', '00000000-0000-4000-8000-00000000c007', '00000000-0000-4000-8000-00000000a001', 1050.00, 'ach', 'succeeded', '2026-10-25T16:00Z'),
    ('00000000-0000-4000-8000-00000000e006', '00000000-0000-4000-8000-00000000c007', '00000000-0000-4000-8000-00000000a001', 3150.00, 'wire', 'succeeded', '2026-11-01T03:30Z'),
    ('00000000-0000-4000-8000-00000000e007', '00000000-0000-4000-8000-00000000c003', '00000000-0000-4000-8000-00000000a002', 205.06, 'check', 'succeeded', '2026-11-10T05:00Z'),
    ('00000000-0000-4000-8000-00000000e008', '00000000-0000-4000-8000-00000000c008', '00000000-0000-4000-8000-00000000a002', 100.00, 'card', 'failed', '2026-11-15T15:00Z')
) as p (id, charter_id, client_id, amount, method, status, received_at);

insert into payment.refunds (id, payment_id, amount, reason, status, source, created_by, created_at, updated_at) values
    ('00000000-0000-4000-8000-00000000f001', '00000000-0000-4000-8000-00000000e004', 247.50, 'charter cancelled', 'succeeded', 'api', 'seed', '2026-11-12T16:00Z', '2026-11-12T16:00Z'),
    ('00000000-0000-4000-8000-00000000f002', '00000000-0000-4000-8000-00000000e003', 50.00, 'goodwill', 'pending', 'api', 'seed', '2026-11-13T16:00Z', '2026-11-13T16:00Z');

-- bidding: BR1 for CH1 (V1 won 1,100.00), BR2 for CH2 (V1 lost at 2,000.00, V2 won at 1,950.00),
-- BR3 for CH5 (V2 bid 600.00 in October, V3 650.00 on 11-10, both open)
insert into vendor.bid_requests (id, charter_id, charter_reference, passenger_count, vehicle_type, quantity, pickup_at, respond_by,
                                 status, created_by, created_at, updated_at) values
    ('00000000-0000-4000-8000-00000000ab01', '00000000-0000-4000-8000-00000000c001', 'CW-2026-90001', 50, 'coach_56', 1, '2026-11-10T13:00Z', '2026-11-04T00:00Z', 'closed', 'seed', '2026-11-02T17:00Z', '2026-11-04T00:00Z'),
    ('00000000-0000-4000-8000-00000000ab02', '00000000-0000-4000-8000-00000000c002', 'CW-2026-90002', 60, 'coach_56', 1, '2026-11-20T14:00Z', '2026-11-07T00:00Z', 'closed', 'seed', '2026-11-05T17:00Z', '2026-11-07T00:00Z'),
    ('00000000-0000-4000-8000-00000000ab03', '00000000-0000-4000-8000-00000000c005', 'CW-2026-90005', 50, 'coach_56', 1, '2026-12-01T13:00Z', '2099-01-01T00:00Z', 'open', 'seed', '2026-10-19T17:00Z', '2026-10-19T17:00Z');

insert into vendor.bids (id, bid_request_id, vendor_id, amount, vehicle_type, status, created_at, updated_at) values
    ('00000000-0000-4000-8000-00000000bd01', '00000000-0000-4000-8000-00000000ab01', '00000000-0000-4000-8000-00000000b001', 1100.00, 'coach_56', 'awarded', '2026-11-03T15:00Z', '2026-11-04T00:00Z'),
    ('00000000-0000-4000-8000-00000000bd02', '00000000-0000-4000-8000-00000000ab02', '00000000-0000-4000-8000-00000000b001', 2000.00, 'coach_56', 'lost', '2026-11-06T15:00Z', '2026-11-07T00:00Z'),
    ('00000000-0000-4000-8000-00000000bd03', '00000000-0000-4000-8000-00000000ab02', '00000000-0000-4000-8000-00000000b002', 1950.00, 'coach_56', 'awarded', '2026-11-06T16:00Z', '2026-11-07T00:00Z'),
    ('00000000-0000-4000-8000-00000000bd04', '00000000-0000-4000-8000-00000000ab03', '00000000-0000-4000-8000-00000000b002', 600.00, 'coach_56', 'submitted', '2026-10-20T15:00Z', '2026-10-20T15:00Z'),
    ('00000000-0000-4000-8000-00000000bd05', '00000000-0000-4000-8000-00000000ab03', '00000000-0000-4000-8000-00000000b003', 650.00, 'coach_56', 'submitted', '2026-11-10T15:00Z', '2026-11-10T15:00Z');

-- ratings: V1 on CH1 (5, on time); V2 on CH11 (3, late) and on CH3 (1, backed out: cancelled)
insert into vendor.ratings (id, vendor_id, charter_id, score, on_time, cancelled, created_by, created_at) values
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000b001', '00000000-0000-4000-8000-00000000c001', 5, true, false, 'seed', '2026-11-11T15:00Z'),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000b002', '00000000-0000-4000-8000-00000000c011', 3, false, false, 'seed', '2026-11-04T15:00Z'),
    (gen_random_uuid(), '00000000-0000-4000-8000-00000000b002', '00000000-0000-4000-8000-00000000c003', 1, false, true, 'seed', '2026-11-15T15:00Z');
