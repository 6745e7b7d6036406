-- finance-service, part 1: the double-entry ledger (accounts, periods, journal entries and lines)
-- and the receivables side (invoices, payments and refunds received from payment-service, their
-- applications to invoices, credit memos), with the event receipts and request keys that make
-- every money POST exactly-once. Payables (bills) and reports add their own migrations.
-- Flyway runs this with search_path = finance, so names are unqualified.

-- ---------------------------------------------------------------- ledger

create table account (
    code        text primary key,
    name        text not null unique,
    normal_side text not null check (normal_side in ('debit', 'credit'))
);
insert into account (code, name, normal_side) values
    ('1000', 'cash', 'debit'),
    ('1100', 'accounts_receivable', 'debit'),
    ('2000', 'accounts_payable', 'credit'),
    ('2100', 'customer_deposits', 'credit'),
    ('4000', 'revenue', 'credit'),
    ('5000', 'cost_of_charter_services', 'debit'),
    ('5100', 'processing_fees', 'debit');

-- A month of the books. A row exists once something was posted in it or it was closed; a posting
-- holds its month's row FOR SHARE and a close holds it FOR UPDATE, so nothing slips in mid-close.
create table period (
    month     date primary key check (extract(day from month) = 1),
    closed_at timestamptz,
    closed_by text
);

-- One entry per source (an event, a document, a manual request): re-posting the same source
-- finds the first. Manual entries carry their request's fingerprint (same key, other body → 409).
create table journal_entry (
    id                  uuid primary key,
    entry_date          date not null,
    source_type         text not null,
    source_id           text not null,
    memo                text,
    reverses            uuid unique references journal_entry (id),
    request_fingerprint text,
    created_at          timestamptz not null,
    created_by          text not null,
    unique (source_type, source_id)
);
create index journal_entry_date_idx on journal_entry (entry_date, id);
create index journal_entry_source_idx on journal_entry (source_type, entry_date, id);

-- entry_date is copied from the entry by a trigger so reports filter and group lines without a join.
create table journal_line (
    id           uuid primary key,
    entry_id     uuid not null references journal_entry (id),
    line_no      integer not null,
    entry_date   date not null,
    account_code text not null references account (code),
    debit        numeric(14,2) not null default 0 check (debit >= 0),
    credit       numeric(14,2) not null default 0 check (credit >= 0),
    client_id    uuid,
    vendor_id    uuid,
    charter_id   uuid,
    invoice_id   uuid,
    bill_id      uuid,
    check ((debit > 0 and credit = 0) or (credit > 0 and debit = 0)),
    unique (entry_id, line_no)
);
create index journal_line_account_idx on journal_line (account_code, entry_date);
create index journal_line_client_idx on journal_line (client_id, entry_date) where client_id is not null;
create index journal_line_vendor_idx on journal_line (vendor_id, entry_date) where vendor_id is not null;
create index journal_line_charter_idx on journal_line (charter_id) where charter_id is not null;
create index journal_line_invoice_idx on journal_line (invoice_id) where invoice_id is not null;
create index journal_line_bill_idx on journal_line (bill_id) where bill_id is not null;

-- The books are append-only: a mistake is corrected by a reversing entry, never edited away.
create function refuse_change() returns trigger language plpgsql set search_path from current as $$
begin
    raise exception 'finance.% is append-only: % refused (post a reversing entry instead)', tg_table_name, tg_op
        using errcode = '55000';
end $$;
create trigger journal_entry_immutable before update or delete on journal_entry
    for each row execute function refuse_change();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function refuse_change();
create trigger journal_line_immutable before update or delete on journal_line
    for each row execute function refuse_change();
create trigger journal_line_no_truncate before truncate on journal_line
    for each statement execute function refuse_change();

create function refuse_closed_period() returns trigger language plpgsql set search_path from current as $$
begin
    if exists (select 1 from period p
               where p.month = date_trunc('month', new.entry_date)::date and p.closed_at is not null) then
        raise exception 'period % is closed', to_char(new.entry_date, 'YYYY-MM') using errcode = '55P04';
    end if;
    return new;
end $$;
create trigger journal_entry_open_period before insert on journal_entry
    for each row execute function refuse_closed_period();

create function copy_entry_date() returns trigger language plpgsql set search_path from current as $$
begin
    select e.entry_date into new.entry_date from journal_entry e where e.id = new.entry_id;
    return new;
end $$;
create trigger journal_line_entry_date before insert on journal_line
    for each row execute function copy_entry_date();

-- Checked at commit, when all of an entry's lines are in: debits = credits, at least two lines.
create function require_balanced_entry(eid uuid) returns void language plpgsql set search_path from current as $$
declare
    d numeric;
    c numeric;
    n integer;
begin
    select coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*) into d, c, n
    from journal_line where entry_id = eid;
    if d <> c or n < 2 then
        raise exception 'journal entry % is unbalanced: debits %, credits %, % line(s)', eid, d, c, n
            using errcode = '23514';
    end if;
end $$;
create function entry_balanced() returns trigger language plpgsql set search_path from current as $$
begin
    perform require_balanced_entry(new.id);
    return null;
end $$;
create function line_balanced() returns trigger language plpgsql set search_path from current as $$
begin
    perform require_balanced_entry(new.entry_id);
    return null;
end $$;
create constraint trigger journal_entry_balanced after insert on journal_entry
    deferrable initially deferred for each row execute function entry_balanced();
create constraint trigger journal_line_balanced after insert on journal_line
    deferrable initially deferred for each row execute function line_balanced();

-- ---------------------------------------------------------------- receivables

-- The row everything that moves money on a client's invoices locks first (FOR UPDATE), so two
-- payments, a refund and an issue of the same client never interleave.
create table client_account (
    client_id  uuid primary key,
    created_at timestamptz not null
);

-- What finance knows of a charter's end (charter-status events): once completed, its revenue is
-- recognised, and an invoice issued afterwards credits revenue directly.
create table charter_state (
    charter_id uuid primary key,
    client_id  uuid not null,
    status     text not null check (status in ('completed', 'cancelled')),
    changed_on date not null,
    updated_at timestamptz not null
);

-- INV-<year>-<nnnnn>: one counter row per year, bumped inside the creating transaction, so a
-- rolled-back invoice gives its number back and the numbers have no gaps.
create table invoice_counter (
    year        integer primary key,
    last_number integer not null check (last_number > 0)
);

create table invoice (
    id                  uuid primary key,
    number              text not null unique,
    charter_id          uuid not null,
    charter_reference   text,
    client_id           uuid not null,
    client_name         text,
    status              text not null default 'draft'
                        check (status in ('draft', 'issued', 'partially_paid', 'paid', 'void')),
    issue_date          date,
    due_date            date,
    payment_terms_days  integer not null check (payment_terms_days >= 0),
    currency            text not null default 'USD' check (currency = 'USD'),
    total               numeric(14,2) not null check (total >= 0),
    -- Σ credit memos, Σ applications (net of releases): the open balance is total − credited − paid
    credited            numeric(14,2) not null default 0 check (credited >= 0),
    paid                numeric(14,2) not null default 0 check (paid >= 0),
    -- the day revenue was recognised (trip completed, or the cancellation fee set); null before
    recognised_on       date,
    voided_on           date,
    void_reason         text,
    -- the day the open balance reached zero (paid, fully credited or voided); null while open.
    -- Lets aging skip long-settled invoices through an index.
    settled_on          date,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             integer not null default 1,
    check (credited + paid <= total),
    check (status = 'draft' or status = 'void' or issue_date is not null)
);
-- one live invoice per charter, whatever the interleaving
create unique index invoice_live_charter_key on invoice (charter_id) where status <> 'void';
create index invoice_client_idx on invoice (client_id, issue_date, id);
create index invoice_status_idx on invoice (status, issue_date, id);
create index invoice_created_idx on invoice (created_at, id);
create index invoice_open_client_idx on invoice (client_id, due_date, number)
    where status in ('issued', 'partially_paid');
create index invoice_settled_idx on invoice (issue_date, settled_on) where status <> 'draft';

create table invoice_line (
    id          uuid primary key,
    invoice_id  uuid not null references invoice (id),
    line_no     integer not null,
    code        text not null,
    description text not null,
    quantity    numeric(12,2) not null,
    unit_price  numeric(14,2) not null,
    amount      numeric(14,2) not null,
    unique (invoice_id, line_no)
);

-- payment.recorded as received from payment-service. applied = Σ its applications (net);
-- refunded = Σ its refunds; the client's unapplied credit from it is amount − applied − refunded.
create table payment_receipt (
    payment_id  uuid primary key,
    client_id   uuid not null,
    charter_id  uuid,
    amount      numeric(14,2) not null check (amount > 0),
    fee         numeric(14,2) check (fee >= 0),
    currency    text not null default 'USD',
    received_on date not null,
    method      text,
    reference   text,
    applied     numeric(14,2) not null default 0 check (applied >= 0),
    refunded    numeric(14,2) not null default 0 check (refunded >= 0),
    event_id    text not null,
    entry_id    uuid not null,
    created_at  timestamptz not null,
    check (applied + refunded <= amount)
);
create index payment_receipt_client_idx on payment_receipt (client_id, received_on, payment_id);

create table refund_receipt (
    refund_id   uuid primary key,
    payment_id  uuid not null references payment_receipt (payment_id),
    client_id   uuid not null,
    charter_id  uuid,
    amount      numeric(14,2) not null check (amount > 0),
    refunded_on date not null,
    method      text,
    reason      text,
    event_id    text not null,
    entry_id    uuid not null,
    created_at  timestamptz not null
);
create index refund_receipt_payment_idx on refund_receipt (payment_id);
create index refund_receipt_client_idx on refund_receipt (client_id, refunded_on);

-- Money of a payment put on an invoice (amount > 0) or taken back off it (amount < 0: a refund
-- or a credit memo released it). Append-only by use; the invoice's and payment's totals follow.
create table application (
    id         uuid primary key,
    payment_id uuid not null references payment_receipt (payment_id),
    invoice_id uuid not null references invoice (id),
    client_id  uuid not null,
    amount     numeric(14,2) not null check (amount <> 0),
    applied_on date not null,
    source     text not null check (source in ('payment', 'credit', 'refund', 'credit_memo')),
    entry_id   uuid not null,
    created_at timestamptz not null
);
create index application_invoice_idx on application (invoice_id, applied_on);
create index application_payment_idx on application (payment_id, created_at);
create index application_client_idx on application (client_id, applied_on);

create table credit_memo (
    id         uuid primary key,
    invoice_id uuid not null references invoice (id),
    client_id  uuid not null,
    charter_id uuid not null,
    kind       text not null check (kind in ('cancellation_fee', 'goodwill', 'other')),
    amount     numeric(14,2) not null check (amount > 0),
    memo_date  date not null,
    reason     text not null,
    entry_id   uuid not null,
    created_by text not null,
    created_at timestamptz not null
);
create index credit_memo_invoice_idx on credit_memo (invoice_id, created_at);
create index credit_memo_client_idx on credit_memo (client_id, memo_date);

-- ---------------------------------------------------------------- exactly once

-- An event from another service's outbox, by its id, with the answer it got: a redelivery
-- answers the same and changes nothing.
create table event_receipt (
    event_id    text primary key,
    topic       text not null,
    status      text not null,
    entry_id    uuid,
    received_at timestamptz not null
);

-- The Idempotency-Key of a money POST, per caller and operation, with what the request asked for
-- and the resource it made: a retry answers that resource again, another body under it is a 409.
create table request_key (
    caller      text not null,
    operation   text not null,
    key         text not null,
    fingerprint text not null,
    resource_id uuid not null,
    created_at  timestamptz not null,
    primary key (caller, operation, key)
);
create index request_key_created_idx on request_key (created_at);
