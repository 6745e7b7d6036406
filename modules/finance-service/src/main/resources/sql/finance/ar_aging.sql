-- AR aging as of {0} (a date): per client, the open balance on that day of each invoice issued on
-- or before it (not draft, not voided on or before it) in buckets of days past due (as_of −
-- due_date; ≤ 0 is current), then one TOTAL row (is_total).
--
-- The open balance on as_of is total − Σ applications applied on or before it − Σ credit memos
-- dated on or before it. The invoice row keeps paid = Σ its applications and credited = Σ its
-- credit memos, so that is the same as total − credited − paid + what was applied or credited
-- AFTER as_of: for a recent as_of almost nothing, found through the (applied_on) and (memo_date)
-- indexes, instead of summing every invoice's history. An invoice settled (balance zero) on or
-- before as_of stays settled, so the (coalesce(settled_on, 'infinity'), issue_date) index skips
-- every long-settled invoice without reading it (V3__report_indexes.sql).
-- The same text runs in psql in scripts/bench/finance.sh with {0} replaced by a date literal.
with late_application as (
    select a.invoice_id, sum(a.amount) as amount
    from finance.application a
    where a.applied_on > {0}
    group by a.invoice_id
), late_credit as (
    select c.invoice_id, sum(c.amount) as amount
    from finance.credit_memo c
    where c.memo_date > {0}
    group by c.invoice_id
), open_invoice as (
    select i.client_id,
           {0} - i.due_date as days_past_due,
           i.total - i.credited - i.paid + coalesce(la.amount, 0) + coalesce(lc.amount, 0) as balance
    from finance.invoice i
    left join late_application la on la.invoice_id = i.id
    left join late_credit lc on lc.invoice_id = i.id
    where i.status <> 'draft'
      and coalesce(i.settled_on, 'infinity'::date) > {0}
      and i.issue_date <= {0}
      and coalesce(i.voided_on, 'infinity'::date) > {0}
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
