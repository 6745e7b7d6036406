-- analytics-service: read-only views over the other services' tables, the only objects of this
-- schema (ARCHITECTURE.md "Data": reporting reads other schemas read-only, through views it owns).
-- The reports (modules/analytics-service/src/main/resources/sql/analytics/*.sql) read these views
-- only, so a source table's change is absorbed here, in one place. A repeatable migration: Flyway
-- re-applies it whenever this text changes; every view is dropped and made again, so a column may
-- be removed too. analytics-service starts only once the source tables exist (it retries this
-- migration for ANALYTICS_SOURCE_WAIT_SECONDS while one is missing).
-- A source migration that changes the type of, or drops, a column read here must drop the view
-- first (PostgreSQL refuses otherwise); this file then makes it again at analytics' next start.

drop view if exists charter, quote, booking, status_change, vehicle_line, collection, client, vehicle_type,
    vendor, bid, rating, open_invoice cascade;

-- Every charter (charter-service), with what the reports group and filter on.
create view charter as
select c.id, c.reference, c.client_id, c.vendor_id, c.status, c.pickup_at, c.ends_at, c.created_at
from charter.charters c;

-- Every quote version of a charter.
create view quote as
select q.id, q.charter_id, q.version, q.status, q.total, q.sent_at, q.accepted_at, q.valid_until
from charter.charter_quotes q;

-- A booking: a charter's accepted quote (at most one per charter); booked_at is when it was
-- accepted, which is when the charter became booked.
create view booking as
select q.charter_id, c.client_id, c.status as charter_status, c.pickup_at, q.accepted_at as booked_at, q.total
from charter.charter_quotes q
join charter.charters c on c.id = q.charter_id
where q.status = 'accepted';

-- The charter's status moves, each with its time.
create view status_change as
select h.charter_id, h.from_status, h.to_status, h.at
from charter.charter_status_history h;

-- One row per vehicle the charter asks for.
create view vehicle_line as
select l.charter_id, l.vehicle_type
from charter.charter_vehicle_lines l;

-- Money collected (payment-service), signed: + a succeeded payment on the day it was received
-- (received_at; succeeded_at when a card payment has none), − a succeeded refund on the day it
-- succeeded (updated_at: a refund is last changed when it reaches succeeded, which is final).
create view collection as
select 'payment'::text as kind, p.id as payment_id, p.charter_id, p.client_id,
       coalesce(p.received_at, p.succeeded_at) as at, p.amount
from payment.payments p
where p.status = 'succeeded'
union all
select 'refund'::text, r.payment_id, p.charter_id, p.client_id, r.updated_at, -r.amount
from payment.refunds r
join payment.payments p on p.id = r.payment_id
where r.status = 'succeeded';

-- Names for the report rows.
create view client as
select c.id, c.name from client.clients c;

create view vehicle_type as
select t.code, t.name from pricing.vehicle_types t;

create view vendor as
select v.id, v.name, v.status from vendor.vendors v;

-- Bids of vendors on bid requests, and the ratings of their trips (vendor-service).
create view bid as
select b.id, b.vendor_id, b.bid_request_id, b.amount, b.status, b.created_at
from vendor.bids b;

create view rating as
select r.vendor_id, r.charter_id, r.score, r.on_time, r.cancelled, r.created_at
from vendor.ratings r;

-- Receivables (finance-service): each open invoice's balance, total − credited − paid, as finance
-- computes it. Paid and void invoices owe nothing and drafts are not issued, so Σ balance of the
-- invoices issued on or before a day is finance's accounts_receivable control balance then.
create view open_invoice as
select i.id, i.client_id, i.issue_date, i.due_date, i.total - i.credited - i.paid as balance
from finance.invoice i
where i.status in ('issued', 'partially_paid');
