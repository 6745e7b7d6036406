-- A client's statement for [{1}, {2}]: first the opening row (is_opening: Σ of everything dated
-- before {1}), then every movement dated in the range with its running balance, which counts from
-- the client's first movement so it already includes the opening balance. Movements: invoices
-- issued (+), payments received (−), refunds (+), credit memos (−), voids (− what the invoice
-- still owed: its total less its credits, since a paid invoice cannot be voided). {0} is the
-- client id. A day reads invoice, payment, refund, credit, void; then by reference and id.
with movement as (
    select i.issue_date as date, 1 as kind_order, 'invoice' as kind, i.number as reference,
           'Invoice' || coalesce(' for charter ' || i.charter_reference, '') as description,
           i.total as amount, i.id::text as tie
    from finance.invoice i
    where i.client_id = {0} and i.status <> 'draft' and i.issue_date is not null and i.issue_date <= {2}
    union all
    select p.received_on, 2, 'payment', coalesce(p.reference, p.payment_id::text),
           'Payment received' || coalesce(' (' || p.method || ')', ''), -p.amount, p.payment_id::text
    from finance.payment_receipt p
    where p.client_id = {0} and p.received_on <= {2}
    union all
    select r.refunded_on, 3, 'refund', coalesce(p.reference, r.payment_id::text),
           'Refund' || coalesce(': ' || r.reason, ''), r.amount, r.refund_id::text
    from finance.refund_receipt r
    join finance.payment_receipt p on p.payment_id = r.payment_id
    where r.client_id = {0} and r.refunded_on <= {2}
    union all
    select c.memo_date, 4, 'credit_memo', i.number,
           'Credit memo, ' || replace(c.kind, '_', ' ') || ': ' || c.reason, -c.amount, c.id::text
    from finance.credit_memo c
    join finance.invoice i on i.id = c.invoice_id
    where c.client_id = {0} and c.memo_date <= {2}
    union all
    select i.voided_on, 5, 'void', i.number, 'Invoice voided', -(i.total - i.credited), i.id::text
    from finance.invoice i
    where i.client_id = {0} and i.issue_date is not null and i.voided_on is not null and i.voided_on <= {2}
), running as (
    select m.*, sum(m.amount) over (order by m.date, m.kind_order, m.reference, m.tie
                                    rows between unbounded preceding and current row) as balance
    from movement m
)
select true as is_opening, null::date as date, null as kind, null as reference, null as description,
       null::numeric as amount, coalesce(sum(amount) filter (where date < {1}), 0) as balance,
       0 as kind_order, null as tie
from movement
union all
select false, date, kind, reference, description, amount, balance, kind_order, tie
from running
where date >= {1}
order by is_opening desc, date, kind_order, reference, tie
