-- scripts/bench/finance.sh's seed: :n invoices (psql -v n=1000000) over 4,999 clients (prime to
-- 20 and 100, so every client has invoices of every kind), issued over the two years to the
-- seed's today, 2026-11-30, with 30-day terms, with their payments, applications, credit memos,
-- journal entries and closed months, as finance-service would have written them. A realistic
-- book: most invoices are paid within 0-60 days of issue, so ~5% of the invoices are open on any
-- date (those issued in the last two months, late payers, the odd bad debt):
--   n % 100 = 0            never paid (disputed, bad debt: 1%)
--   n % 20 = 1             paid in full late, 61-150 days after issue (5%)
--   n % 20 = 2             half paid 0-60 days after issue, the rest 30 days later (5%)
--   n % 20 = 3             a 10.00 goodwill credit five days after issue, the rest paid 6-60 days after (5%)
--   otherwise              paid in full 0-60 days after issue
-- A payment or credit that would fall after 2026-11-30 has not happened yet. Every month before
-- November 2026 is closed, as an accountant would have (its totals go to account_month_balance,
-- filled by the close's own trigger, V4__aging_speed.sql).
-- Run as a superuser: session_replication_role = replica skips the ledger's per-row triggers
-- (balance check, entry-date copy, closed-period check) that a bulk load need not pay for; every
-- entry written here balances and every line carries its entry's date.
set session_replication_role = replica;
set search_path = finance;
create temp table seed0 as
select n,
       ('00000000-0000-4000-8000-' || lpad((n % 4999)::text, 12, '0'))::uuid as client_id,
       date '2024-12-01' + (n % 730)::int as issue_date,
       (100 + (n * 7919) % 4000)::numeric(14,2) + 0.25 as total,
       (n % 20)::int as kind,
       (n * 13 % 61)::int as delay
from generate_series(1::bigint, :n) n;

create temp table seed as
select n, client_id, issue_date, total, kind,
       gen_random_uuid() as invoice_id, gen_random_uuid() as charter_id, gen_random_uuid() as issue_entry,
       gen_random_uuid() as payment1_id, gen_random_uuid() as pay1_entry,
       gen_random_uuid() as payment2_id, gen_random_uuid() as pay2_entry,
       gen_random_uuid() as memo_id, gen_random_uuid() as memo_entry,
       nullif(least(p1, date '2026-12-01'), date '2026-12-01') as pay1_date,
       case when kind = 2 then round(total / 2, 2) when kind = 3 then total - 10 else total end as pay1_amount,
       nullif(least(p2, date '2026-12-01'), date '2026-12-01') as pay2_date,
       total - round(total / 2, 2) as pay2_amount,
       nullif(least(m, date '2026-12-01'), date '2026-12-01') as memo_date
from (select s.*,
             case when n % 100 = 0 then null
                  when kind = 1 then issue_date + 61 + (n * 7 % 90)::int
                  when kind = 3 then issue_date + 6 + delay % 55
                  else issue_date + delay end as p1,
             case when kind = 2 then issue_date + delay + 30 end as p2,
             case when kind = 3 then issue_date + 5 end as m
      from seed0 s) x;

insert into invoice (id, number, charter_id, charter_reference, client_id, client_name, status, issue_date, due_date,
                     payment_terms_days, total, credited, paid, recognised_on, settled_on, created_by, created_at, updated_at)
select invoice_id, 'INV-B-' || lpad(n::text, 8, '0'), charter_id, 'CW-B-' || n, client_id,
       'Client ' || lpad((n % 4999)::text, 4, '0'),
       case when paid + credited = total then 'paid' when paid > 0 then 'partially_paid' else 'issued' end,
       issue_date, issue_date + 30, 30, total, credited, paid, issue_date,
       case when paid + credited = total then greatest(pay1_date, pay2_date, memo_date) end,
       'bench', issue_date::timestamptz, issue_date::timestamptz
from (select s.*,
             case when memo_date is not null then 10 else 0 end as credited,
             case when pay1_date is not null then pay1_amount else 0 end
               + case when pay2_date is not null then pay2_amount else 0 end as paid
      from seed s) x;

create temp table payment as
select n, client_id, charter_id, invoice_id, payment1_id as payment_id, pay1_entry as entry_id, pay1_date as paid_on,
       pay1_amount as amount, 'pi_b' || n as reference
from seed where pay1_date is not null
union all
select n, client_id, charter_id, invoice_id, payment2_id, pay2_entry, pay2_date, pay2_amount, 'pi_b' || n || '_2'
from seed where pay2_date is not null;

insert into payment_receipt (payment_id, client_id, charter_id, amount, received_on, method, reference, applied, event_id, entry_id, created_at)
select payment_id, client_id, charter_id, amount, paid_on, 'card', reference, amount, 'bench-' || reference, entry_id, paid_on::timestamptz
from payment;

insert into application (id, payment_id, invoice_id, client_id, amount, applied_on, source, entry_id, created_at)
select gen_random_uuid(), payment_id, invoice_id, client_id, amount, paid_on, 'payment', entry_id, paid_on::timestamptz
from payment;

insert into credit_memo (id, invoice_id, client_id, charter_id, kind, amount, memo_date, reason, entry_id, created_by, created_at)
select memo_id, invoice_id, client_id, charter_id, 'goodwill', 10, memo_date, 'bench', memo_entry, 'bench', memo_date::timestamptz
from seed where memo_date is not null;

insert into journal_entry (id, entry_date, source_type, source_id, memo, created_at, created_by)
select issue_entry, issue_date, 'invoice', invoice_id::text, 'bench invoice', issue_date::timestamptz, 'bench' from seed
union all
select entry_id, paid_on, 'payment', payment_id::text, 'bench payment', paid_on::timestamptz, 'bench' from payment
union all
select memo_entry, memo_date, 'credit_memo', memo_id::text, 'bench credit', memo_date::timestamptz, 'bench' from seed
where memo_date is not null;

insert into journal_line (id, entry_id, line_no, entry_date, account_code, debit, credit, client_id, charter_id, invoice_id)
select gen_random_uuid(), issue_entry, 1, issue_date, '1100', total, 0, client_id, charter_id, invoice_id from seed
union all
select gen_random_uuid(), issue_entry, 2, issue_date, '4000', 0, total, client_id, charter_id, invoice_id from seed
union all
select gen_random_uuid(), entry_id, 1, paid_on, '1000', amount, 0, client_id, charter_id, null from payment
union all
select gen_random_uuid(), entry_id, 2, paid_on, '1100', 0, amount, client_id, charter_id, invoice_id from payment
union all
select gen_random_uuid(), memo_entry, 1, memo_date, '4000', 10, 0, client_id, charter_id, invoice_id from seed
where memo_date is not null
union all
select gen_random_uuid(), memo_entry, 2, memo_date, '1100', 0, 10, client_id, charter_id, invoice_id from seed
where memo_date is not null;

set session_replication_role = origin;
vacuum analyze invoice;
vacuum analyze application;
vacuum analyze credit_memo;
vacuum analyze payment_receipt;
vacuum analyze journal_entry;
vacuum analyze journal_line;

-- the months the books were kept in, every one but the current closed (the period's close trigger
-- totals each closed month's lines into account_month_balance, as a POST /periods/…/close does)
insert into period (month, closed_at, closed_by)
select m::date, case when m < date '2026-11-01' then m + interval '1 month 10 days' end,
       case when m < date '2026-11-01' then 'bench' end
from generate_series(date '2024-12-01', date '2026-11-01', interval '1 month') m
on conflict (month) do update set closed_at = excluded.closed_at, closed_by = excluded.closed_by;
analyze period;
analyze account_month_balance;
