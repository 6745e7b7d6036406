-- finance-service, part 2: payables. Vendor bills (entered by an accountant, or made from
-- charter-service's vendor payments) and the payments made on them. Each bill and each bill
-- payment posts one journal entry (V1's ledger); these tables say what is owed and paid, and
-- carry the dates AP aging reads.
-- Flyway runs this with search_path = finance, so names are unqualified.

-- The row everything that makes bills of one vendor locks first (FOR UPDATE), so a vendor
-- payment delivered twice at once, or the same vendor invoice entered twice, makes one bill.
create table vendor_account (
    vendor_id  uuid primary key,
    created_at timestamptz not null
);

create table bill (
    id                       uuid primary key,
    -- the vendor's own invoice number, when it has one
    number                   text,
    vendor_id                uuid not null,
    -- as vendor-service named the vendor when the bill was made (aging groups and shows it)
    vendor_name              text,
    charter_id               uuid,
    -- the charter-service vendor payment this bill was made from (null: entered by hand)
    source_vendor_payment_id uuid unique,
    bill_date                date not null,
    due_date                 date not null,
    currency                 text not null default 'USD' check (currency = 'USD'),
    amount                   numeric(14,2) not null check (amount > 0),
    paid                     numeric(14,2) not null default 0 check (paid >= 0),
    status                   text not null default 'open' check (status in ('open', 'partially_paid', 'paid')),
    -- the day the balance reached zero; null while open. Lets aging skip long-settled bills.
    settled_on               date,
    memo                     text,
    entry_id                 uuid not null,
    created_by               text not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  integer not null default 1,
    check (paid <= amount),
    check ((status = 'open') = (paid = 0)),
    check ((status = 'paid') = (paid = amount)),
    check ((status = 'paid') = (settled_on is not null))
);
-- one bill per vendor invoice number: entering the same vendor invoice twice is a 409
create unique index bill_vendor_number_key on bill (vendor_id, number) where number is not null;
create index bill_date_idx on bill (bill_date, id);
create index bill_vendor_idx on bill (vendor_id, bill_date, id);
create index bill_status_idx on bill (status, bill_date, id);
create index bill_charter_idx on bill (charter_id) where charter_id is not null;
-- AP aging as of a date: bill_date <= :as_of and (settled_on is null or settled_on > :as_of)
create index bill_settled_idx on bill (bill_date, settled_on);

create table bill_payment (
    id         uuid primary key,
    bill_id    uuid not null references bill (id),
    vendor_id  uuid not null,
    amount     numeric(14,2) not null check (amount > 0),
    paid_on    date not null,
    method     text not null check (method in ('ach', 'check', 'wire', 'card', 'other')),
    reference  text,
    -- what made it besides a user: 'vendor_payment:<id>:paid' (once per vendor payment)
    source     text unique,
    entry_id   uuid not null,
    created_by text not null,
    created_at timestamptz not null
);
-- aging sums a bill's payments up to a date
create index bill_payment_bill_idx on bill_payment (bill_id, paid_on);
create index bill_payment_vendor_idx on bill_payment (vendor_id, paid_on);
