-- AP aging as of {0}: as ar_aging.sql, per vendor, over bills (bill_date ≤ as_of) less their
-- payments paid on or before as_of. A bill settled on or before as_of stays settled.
with open_bill as (
    select b.vendor_id,
           b.vendor_name,
           b.bill_date,
           {0} - b.due_date as days_past_due,
           b.amount
             - coalesce((select sum(p.amount) from finance.bill_payment p
                         where p.bill_id = b.id and p.paid_on <= {0}), 0) as balance
    from finance.bill b
    where b.bill_date <= {0}
      and coalesce(b.settled_on, 'infinity'::date) > {0}
), per_vendor as (
    select vendor_id,
           (array_agg(vendor_name order by bill_date desc))[1] as vendor_name,
           coalesce(sum(balance) filter (where days_past_due <= 0), 0)               as current,
           coalesce(sum(balance) filter (where days_past_due between 1 and 30), 0)   as d1_30,
           coalesce(sum(balance) filter (where days_past_due between 31 and 60), 0)  as d31_60,
           coalesce(sum(balance) filter (where days_past_due between 61 and 90), 0)  as d61_90,
           coalesce(sum(balance) filter (where days_past_due > 90), 0)               as over_90,
           sum(balance)                                                              as total
    from open_bill
    where balance <> 0
    group by vendor_id
)
select false as is_total, vendor_id, vendor_name, current, d1_30, d31_60, d61_90, over_90, total
from per_vendor
union all
select true, null, null, coalesce(sum(current), 0), coalesce(sum(d1_30), 0), coalesce(sum(d31_60), 0),
       coalesce(sum(d61_90), 0), coalesce(sum(over_90), 0), coalesce(sum(total), 0)
from per_vendor
order by is_total, vendor_name, vendor_id
