-- finance-service, part 4: aging and control balances as fast for a past month end as for today
-- (measured with scripts/bench/finance.sh's seed at a million invoices; the queries are in
-- modules/finance-service/src/main/resources/sql/finance/).

-- AR aging as of any date reads only the invoices open on it: issue_date <= as_of < settled_on.
-- A b-tree on either date also reads every invoice issued after as_of or settled before it (most
-- of the book for a past as_of). This one files each invoice by how long it stayed open, in
-- classes of powers of two (settled_on − issue_date in [2^(k-1), 2^k) days: class k; not settled:
-- 99), then by issue date, so an aging reads, per class, only the invoices issued in the 2^k − 1
-- days before as_of (ar_aging.sql). Covering, so the candidates come from the index alone.
-- (A GiST index on daterange(issue_date, settled_on) was measured too: the never-settled ranges
-- overlap everything and it read the whole index.)
create index invoice_open_class_idx on invoice (
    (case when settled_on is null then 99
          else width_bucket(settled_on - issue_date, array[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]) end),
    issue_date)
    include (id, client_id, due_date, total, credited, paid, settled_on, voided_on)
    where status <> 'draft' and issue_date is not null;
-- what each open invoice was paid or credited after as_of, from the index alone: per invoice (a
-- past as_of) or, through V3's application_applied_on_idx, the few applications after a recent one
create index application_invoice_amount_idx on application (invoice_id, applied_on) include (amount);
create index credit_memo_invoice_amount_idx on credit_memo (invoice_id, memo_date) include (amount);
-- V3's candidate index read every invoice settled after as_of (most of the book for a past as_of);
-- credit memos after as_of are now read per invoice, and only for the credited ones
drop index invoice_aging_idx;
drop index credit_memo_memo_date_idx;

-- AP aging likewise, over bills and their payments.
create index bill_open_class_idx on bill (
    (case when settled_on is null then 99
          else width_bucket(settled_on - bill_date, array[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]) end),
    bill_date)
    include (id, vendor_id, vendor_name, due_date, amount, settled_on);
create index bill_payment_bill_amount_idx on bill_payment (bill_id, paid_on) include (amount);

-- The control balances (AR, AP) as of a date read a closed month's per-account totals, fixed when
-- it closes: posting into a closed month is refused (journal_entry_open_period) and the close
-- waits for every posting of the month to commit (it holds the period row FOR UPDATE, postings
-- hold it FOR SHARE), so the totals taken in the closing transaction are final. Unlike a running
-- total updated by every posting, this adds no row that every posting must lock (no hot row, no
-- lock-order deadlock between two entries touching the same accounts).
create table account_month_balance (
    account_code text not null references account (code),
    month        date not null references period (month),
    debit        numeric not null,
    credit       numeric not null,
    primary key (account_code, month)
);

create function period_month_balance() returns trigger language plpgsql set search_path from current as $$
begin
    if new.closed_at is not null and (tg_op = 'INSERT' or old.closed_at is null) then
        -- per account, so each sum is a range of journal_line_account_amounts_idx (V3)
        insert into account_month_balance (account_code, month, debit, credit)
        select a.code, new.month, t.debit, t.credit
        from account a
        cross join lateral (select sum(l.debit) as debit, sum(l.credit) as credit
                            from journal_line l
                            where l.account_code = a.code
                              and l.entry_date >= new.month
                              and l.entry_date < (new.month + interval '1 month')::date) t
        where t.debit is not null;
    elsif tg_op = 'UPDATE' and old.closed_at is not null and new.closed_at is null then
        -- reopened (no API does this): its lines count again
        delete from account_month_balance where month = new.month;
    end if;
    return null;
end $$;
create trigger period_month_balance after insert or update of closed_at on period
    for each row execute function period_month_balance();
