-- Margin per charter whose revenue was recognised in [{0}, {1}] (an invoice of it recognised
-- then), from every ledger line of the charter: revenue (credits − debits on revenue), vendor
-- cost (debits − credits on cost_of_charter_services), processing fees (likewise); then TOTAL.
with charter as (
    select i.charter_id,
           (array_agg(i.charter_reference order by i.created_at desc))[1] as charter_reference,
           (array_agg(i.client_id order by i.created_at desc))[1] as client_id
    from finance.invoice i
    where i.recognised_on between {0} and {1}
    group by i.charter_id
), per_charter as (
    select c.charter_id, c.charter_reference, c.client_id,
           coalesce(sum(l.credit - l.debit) filter (where l.account_code = '4000'), 0) as revenue,
           coalesce(sum(l.debit - l.credit) filter (where l.account_code = '5000'), 0) as vendor_cost,
           coalesce(sum(l.debit - l.credit) filter (where l.account_code = '5100'), 0) as processing_fees
    from charter c
    left join finance.journal_line l on l.charter_id = c.charter_id and l.account_code in ('4000', '5000', '5100')
    group by c.charter_id, c.charter_reference, c.client_id
)
select false as is_total, charter_id, charter_reference, client_id, revenue, vendor_cost, processing_fees,
       revenue - vendor_cost - processing_fees as margin
from per_charter
union all
select true, null, null, null, coalesce(sum(revenue), 0), coalesce(sum(vendor_cost), 0), coalesce(sum(processing_fees), 0),
       coalesce(sum(revenue - vendor_cost - processing_fees), 0)
from per_charter
order by is_total, charter_reference, charter_id
