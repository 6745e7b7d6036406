-- AR aging as of {0} (a date): per client, the open balance on that day of each invoice issued on
-- or before it (not draft, not voided on or before it) in buckets of days past due (as_of −
-- due_date; ≤ 0 is current), then one TOTAL row (is_total).
--
-- The open balance on as_of is total − Σ applications applied on or before it − Σ credit memos
-- dated on or before it. Only the invoices open on as_of are read: issued on or before it and not
-- settled (balance zero) by then; an invoice settled on or before as_of stays settled. A b-tree on
-- issue_date or on settled_on alone would also read every invoice issued after as_of or settled
-- before it, so invoice_open_class_idx (V4__aging_speed.sql) files each invoice by how long it
-- stayed open (settled_on − issue_date: [2^(k-1), 2^k) days is class k; still open is class 99)
-- and its issue date: an invoice of class k open on as_of was issued at most 2^k − 1 days before
-- it, so each class is one short range of the index, and at most about twice the open invoices
-- are read, for a past as_of as for today. The invoice row keeps paid = Σ its applications and
-- credited = Σ its credit memos, so the balance is total − credited − paid + what was applied or
-- credited AFTER as_of, joined per open invoice through the covering (invoice_id, date) indexes, or
-- for a recent as_of from the few applications after it (V3's (applied_on) index): the planner
-- picks the cheaper side. Only credited invoices (credited > 0) have credit memos to read.
-- The same text runs in psql in scripts/bench/finance.sh with {0} replaced by a date literal.
with span (class, longest) as (  -- class k: open fewer than 2^k days, so at most 2^k − 1 (null: unbounded)
    values (0, 0), (1, 1), (2, 3), (3, 7), (4, 15), (5, 31), (6, 63), (7, 127), (8, 255), (9, 511), (10, 1023),
           (11, 2047), (12, 4095), (13, null), (99, null)
), candidate as (
    select i.*
    from span s
    cross join lateral (
        select i.id, i.client_id, i.due_date, i.total, i.credited, i.paid
        from finance.invoice i
        where i.status <> 'draft'
          and i.issue_date is not null
          and (case when i.settled_on is null then 99
                    else width_bucket(i.settled_on - i.issue_date, array[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]) end)
              = s.class
          and i.issue_date <= {0}
          and i.issue_date >= coalesce({0}::date - s.longest, '-infinity'::date)
          and coalesce(i.settled_on, 'infinity'::date) > {0}
          and coalesce(i.voided_on, 'infinity'::date) > {0}
    ) i
), open_invoice as (
    -- paid and credited are the invoice's Σ applications and Σ credit memos to date: what came
    -- after as_of is added back
    select c.client_id,
           {0} - c.due_date as days_past_due,
           c.total - c.credited - c.paid + coalesce(sum(a.amount), 0) + coalesce(m.amount, 0) as balance
    from candidate c
    left join finance.application a on a.invoice_id = c.id and a.applied_on > {0}
    -- credit memos are positive: an invoice credited nothing so far has none to read
    left join lateral (
        select sum(m.amount) as amount from finance.credit_memo m
        where c.credited > 0 and m.invoice_id = c.id and m.memo_date > {0}
    ) m on true
    group by c.id, c.client_id, c.due_date, c.total, c.credited, c.paid, m.amount
), per_client as materialized (
    select client_id,
           sum(balance) filter (where days_past_due <= 0)              as current,
           sum(balance) filter (where days_past_due between 1 and 30)  as d1_30,
           sum(balance) filter (where days_past_due between 31 and 60) as d31_60,
           sum(balance) filter (where days_past_due between 61 and 90) as d61_90,
           sum(balance) filter (where days_past_due > 90)              as over_90,
           sum(balance)                                                as total
    from open_invoice
    where balance <> 0
    group by client_id
)
-- the client's name as on its newest invoice (denormalised at creation)
select false as is_total, p.client_id, n.client_name,
       coalesce(p.current, 0) as current, coalesce(p.d1_30, 0) as d1_30, coalesce(p.d31_60, 0) as d31_60,
       coalesce(p.d61_90, 0) as d61_90, coalesce(p.over_90, 0) as over_90, p.total
from per_client p
left join lateral (
    select i.client_name from finance.invoice i
    where i.client_id = p.client_id and i.issue_date is not null
    order by i.issue_date desc, i.id desc
    limit 1
) n on true
union all
select true, null, null, coalesce(sum(current), 0), coalesce(sum(d1_30), 0), coalesce(sum(d31_60), 0),
       coalesce(sum(d61_90), 0), coalesce(sum(over_90), 0), coalesce(sum(total), 0)
from per_client
order by is_total, client_name, client_id
