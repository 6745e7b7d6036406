-- AR aging as of {0} (a date): the open balance of every invoice on that day, per client in
-- buckets of days past due, then one TOTAL row (is_total). Open balance = total − applications
-- applied on or before as_of − credit memos dated on or before it; an invoice voided on or before
-- as_of owes nothing. An invoice settled (balance zero) on or before as_of stays settled, so the
-- index on coalesce(settled_on, 'infinity') skips every long-settled invoice without reading it.
-- The same text runs in psql in scripts/bench/finance.sh with {0} replaced by a date literal.
with open_invoice as (
    select i.client_id,
           i.client_name,
           i.issue_date,
           {0} - i.due_date as days_past_due,
           i.total
             - coalesce((select sum(a.amount) from finance.application a
                         where a.invoice_id = i.id and a.applied_on <= {0}), 0)
             - coalesce((select sum(m.amount) from finance.credit_memo m
                         where m.invoice_id = i.id and m.memo_date <= {0}), 0) as balance
    from finance.invoice i
    where i.status <> 'draft'
      and i.issue_date <= {0}
      and coalesce(i.settled_on, 'infinity'::date) > {0}
      and coalesce(i.voided_on, 'infinity'::date) > {0}
), per_client as (
    select client_id,
           (array_agg(client_name order by issue_date desc))[1] as client_name,
           coalesce(sum(balance) filter (where days_past_due <= 0), 0)               as current,
           coalesce(sum(balance) filter (where days_past_due between 1 and 30), 0)   as d1_30,
           coalesce(sum(balance) filter (where days_past_due between 31 and 60), 0)  as d31_60,
           coalesce(sum(balance) filter (where days_past_due between 61 and 90), 0)  as d61_90,
           coalesce(sum(balance) filter (where days_past_due > 90), 0)               as over_90,
           sum(balance)                                                              as total
    from open_invoice
    where balance <> 0
    group by client_id
)
select false as is_total, client_id, client_name, current, d1_30, d31_60, d61_90, over_90, total
from per_client
union all
select true, null, null, coalesce(sum(current), 0), coalesce(sum(d1_30), 0), coalesce(sum(d31_60), 0),
       coalesce(sum(d61_90), 0), coalesce(sum(over_90), 0), coalesce(sum(total), 0)
from per_client
order by is_total, client_name, client_id
