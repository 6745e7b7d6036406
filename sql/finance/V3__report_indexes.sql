-- finance-service, part 3: indexes the reports need at a million invoices (sql in
-- modules/finance-service/src/main/resources/sql/finance/, measured with scripts/bench/finance.sh).

-- AR aging: the invoices still open on as_of are those not settled by then; an invoice that
-- reached a zero balance on or before as_of is skipped without reading it. Covering, so the
-- open ones are read from the index alone.
create index invoice_aging_idx on invoice ((coalesce(settled_on, 'infinity'::date)), issue_date)
    include (client_id, due_date, total, credited, paid, voided_on)
    where status <> 'draft';

-- AR aging: what was applied or credited AFTER as_of (for a recent as_of, next to nothing),
-- added back to the invoice's current paid / credited.
create index application_applied_on_idx on application (applied_on) include (invoice_id, amount);
create index credit_memo_memo_date_idx on credit_memo (memo_date) include (invoice_id, amount);

-- The control accounts (AR, AP) as of a date: an index-only sum over the account's lines.
create index journal_line_account_amounts_idx on journal_line (account_code, entry_date) include (debit, credit);
