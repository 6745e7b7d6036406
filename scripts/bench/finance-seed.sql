-- scripts/bench/finance.sh's seed: :n invoices (psql -v n=1000000) over 4,999 clients (prime to 20, so every client has open, partly paid, credited and paid invoices), issued over
-- the two years to 2026-11-30 with 30-day terms, with their payments, applications, credit memos
-- and journal entries, as finance-service would have written them:
--   n % 20 in (0, 1)  open, nothing paid (10%)
--   n % 20 = 2        half paid (partially_paid)
--   n % 20 = 3        a 10.00 goodwill credit five days after issue, the rest paid
--   otherwise         paid in full 0-44 days after issue
-- Run as a superuser: session_replication_role = replica skips the ledger's per-row triggers
-- (balance check, entry-date copy, closed-period check) that a bulk load need not pay for; every
-- entry written here balances and every line carries its entry's date.
set session_replication_role = replica;
set search_path = finance;
create temp table seed as
select n,
       gen_random_uuid() as invoice_id, gen_random_uuid() as payment_id, gen_random_uuid() as memo_id,
       gen_random_uuid() as issue_entry, gen_random_uuid() as pay_entry, gen_random_uuid() as memo_entry,
       ('00000000-0000-4000-8000-' || lpad((n % 4999)::text, 12, '0'))::uuid as client_id,
       gen_random_uuid() as charter_id,
       date '2024-12-01' + (n % 730)::int as issue_date,
       least(date '2024-12-01' + (n % 730)::int + (n % 45)::int, date '2026-11-30') as pay_date,
       (100 + (n * 7919) % 4000)::numeric(14,2) + 0.25 as total,
       (n % 20)::int as kind
from generate_series(1::bigint, :n) n;

insert into invoice (id, number, charter_id, charter_reference, client_id, client_name, status, issue_date, due_date,
                     payment_terms_days, total, credited, paid, recognised_on, settled_on, created_by, created_at, updated_at)
select invoice_id, 'INV-B-' || lpad(n::text, 8, '0'), charter_id, 'CW-B-' || n, client_id,
       'Client ' || lpad((n % 4999)::text, 4, '0'),
       case when kind in (0, 1) then 'issued' when kind = 2 then 'partially_paid' else 'paid' end,
       issue_date, issue_date + 30, 30, total,
       case when kind = 3 then 10 else 0 end,
       case when kind in (0, 1) then 0 when kind = 2 then round(total / 2, 2) when kind = 3 then total - 10 else total end,
       issue_date,
       case when kind >= 3 then pay_date end,
       'bench', issue_date::timestamptz, issue_date::timestamptz
from seed;

insert into payment_receipt (payment_id, client_id, charter_id, amount, received_on, method, reference, applied, event_id, entry_id, created_at)
select payment_id, client_id, charter_id, p.amount, pay_date, 'card', 'pi_b' || n, p.amount, 'bench-pay-' || n, pay_entry, pay_date::timestamptz
from seed, lateral (select case when kind = 2 then round(total / 2, 2) when kind = 3 then total - 10 else total end as amount) p
where kind >= 2;

insert into application (id, payment_id, invoice_id, client_id, amount, applied_on, source, entry_id, created_at)
select gen_random_uuid(), s.payment_id, s.invoice_id, s.client_id, p.amount, s.pay_date, 'payment', s.pay_entry, s.pay_date::timestamptz
from seed s join payment_receipt p on p.payment_id = s.payment_id;

insert into credit_memo (id, invoice_id, client_id, charter_id, kind, amount, memo_date, reason, entry_id, created_by, created_at)
select memo_id, invoice_id, client_id, charter_id, 'goodwill', 10, issue_date + 5, 'bench', memo_entry, 'bench', (issue_date + 5)::timestamptz
from seed where kind = 3;

insert into journal_entry (id, entry_date, source_type, source_id, memo, created_at, created_by)
select issue_entry, issue_date, 'invoice', invoice_id::text, 'bench invoice', issue_date::timestamptz, 'bench' from seed
union all
select pay_entry, pay_date, 'payment', payment_id::text, 'bench payment', pay_date::timestamptz, 'bench' from seed where kind >= 2
union all
select memo_entry, issue_date + 5, 'credit_memo', memo_id::text, 'bench credit', (issue_date + 5)::timestamptz, 'bench' from seed where kind = 3;

insert into journal_line (id, entry_id, line_no, entry_date, account_code, debit, credit, client_id, charter_id, invoice_id)
select gen_random_uuid(), issue_entry, 1, issue_date, '1100', total, 0, client_id, charter_id, invoice_id from seed
union all
select gen_random_uuid(), issue_entry, 2, issue_date, '4000', 0, total, client_id, charter_id, invoice_id from seed
union all
select gen_random_uuid(), s.pay_entry, 1, s.pay_date, '1000', p.amount, 0, s.client_id, s.charter_id, null from seed s
  join payment_receipt p on p.payment_id = s.payment_id
union all
select gen_random_uuid(), s.pay_entry, 2, s.pay_date, '1100', 0, p.amount, s.client_id, s.charter_id, s.invoice_id from seed s
  join payment_receipt p on p.payment_id = s.payment_id
union all
select gen_random_uuid(), memo_entry, 1, issue_date + 5, '4000', 10, 0, client_id, charter_id, invoice_id from seed where kind = 3
union all
select gen_random_uuid(), memo_entry, 2, issue_date + 5, '1100', 0, 10, client_id, charter_id, invoice_id from seed where kind = 3;

set session_replication_role = origin;
vacuum analyze invoice;
vacuum analyze application;
vacuum analyze credit_memo;
vacuum analyze payment_receipt;
vacuum analyze journal_entry;
vacuum analyze journal_line;
