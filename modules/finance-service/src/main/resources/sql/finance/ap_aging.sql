-- AP aging as of {0}: as ar_aging.sql, per vendor, over bills (bill_date ≤ as_of) less their
-- payments paid on or before as_of. A bill settled on or before as_of stays settled. Only the
-- bills open on as_of are read, class by class of how long they stayed open (bill_open_class_idx,
-- V4__aging_speed.sql, as invoice_open_class_idx for AR), each with its payments up to as_of
-- summed once through the covering (bill_id, paid_on) index.
with span (class, longest) as (  -- class k: open fewer than 2^k days, so at most 2^k − 1 (null: unbounded)
    values (0, 0), (1, 1), (2, 3), (3, 7), (4, 15), (5, 31), (6, 63), (7, 127), (8, 255), (9, 511), (10, 1023),
           (11, 2047), (12, 4095), (13, null), (99, null)
), open_bill as (
    select b.vendor_id,
           b.vendor_name,
           b.bill_date,
           {0} - b.due_date as days_past_due,
           b.amount - coalesce(p.amount, 0) as balance
    from span s
    cross join lateral (
        select b.id, b.vendor_id, b.vendor_name, b.bill_date, b.due_date, b.amount
        from finance.bill b
        where (case when b.settled_on is null then 99
                    else width_bucket(b.settled_on - b.bill_date, array[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]) end)
              = s.class
          and b.bill_date <= {0}
          and b.bill_date >= coalesce({0}::date - s.longest, '-infinity'::date)
          and coalesce(b.settled_on, 'infinity'::date) > {0}
    ) b
    left join lateral (
        select sum(p.amount) as amount from finance.bill_payment p
        where p.bill_id = b.id and p.paid_on <= {0}
    ) p on true
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
