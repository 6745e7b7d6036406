-- client-service: clients (the companies and people who book charters) and their contacts.
-- Flyway runs this with search_path = client, so names are unqualified.

-- Trigram indexes make "q" (a substring search over name, email, phone and contact names) an index
-- lookup instead of a scan. The extension is per database and other schemas may want it too, so it
-- lives in public (not in this schema, where jOOQ would generate classes for its ~40 functions) and
-- its creation is serialized by a transaction-scoped advisory lock that every CoachWay migration
-- creating an extension takes (charter's too): services migrate in parallel at start, and two
-- concurrent CREATE EXTENSION IF NOT EXISTS can still collide on pg_extension.
-- pg_trgm is a trusted extension: the database owner may create it without superuser rights.
select pg_advisory_xact_lock(hashtext('coachway:create-extension'));
create extension if not exists pg_trgm with schema public;

create table clients (
    id                  uuid primary key,
    name                text not null check (length(name) between 1 and 200),
    type                text not null check (type in ('corporate', 'individual', 'school', 'church',
                                                     'government', 'nonprofit', 'travel_agency')),
    email               text not null check (length(email) between 3 and 254),
    phone               text check (length(phone) <= 30),
    -- the digits of phone, so "q=5551234" finds "+1 (555) 123-4567"
    phone_digits        text generated always as (nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')) stored,
    billing_line1       text,
    billing_line2       text,
    billing_city        text,
    billing_state       text,
    billing_postal_code text,
    billing_country     text check (billing_country ~ '^[A-Z]{2}$'),
    payment_terms_days  integer not null default 0 check (payment_terms_days in (0, 15, 30, 45, 60)),
    credit_limit        numeric(12, 2) not null default 0 check (credit_limit >= 0),
    tax_exempt          boolean not null default false,
    notes               text,
    status              text not null default 'active' check (status in ('active', 'inactive')),
    version             integer not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    -- an address is all or nothing: line1, city and country are what every address has
    constraint clients_billing_address_whole check (
        (billing_line1 is null and billing_line2 is null and billing_city is null and billing_state is null
            and billing_postal_code is null and billing_country is null)
        or (billing_line1 is not null and billing_city is not null and billing_country is not null))
);

-- emails are unique whatever their case
create unique index clients_email_key on clients (lower(email));
-- the list's sort orders, each with id as tiebreaker so pages never overlap
create index clients_name_sort_idx on clients (lower(name), id);
create index clients_created_sort_idx on clients (created_at, id);
create index clients_updated_sort_idx on clients (updated_at, id);
create index clients_email_sort_idx on clients (lower(email), id);

create table contacts (
    id          uuid primary key,
    client_id   uuid not null references clients(id) on delete cascade,
    name        text not null check (length(name) between 1 and 200),
    email       text check (length(email) <= 254),
    phone       text check (length(phone) <= 30),
    title       text check (length(title) <= 100),
    is_primary  boolean not null default false,
    version     integer not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- At most one primary contact per client. The service serializes changes per client (it locks the
-- client row) so this never fires in normal use; it is the guarantee if anything ever gets past that.
create unique index contacts_one_primary_per_client on contacts (client_id) where is_primary;
create index contacts_client_idx on contacts (client_id, created_at, id);

-- "q": ILIKE '%…%' on each searched column. The trigram operator class lives wherever pg_trgm was
-- installed (public, unless a database administrator put it elsewhere first), so it is named
-- through the catalog rather than guessed.
do $$
declare
    ops text;
begin
    select quote_ident(n.nspname) || '.gin_trgm_ops' into strict ops
      from pg_opclass o join pg_namespace n on n.oid = o.opcnamespace
     where o.opcname = 'gin_trgm_ops';
    execute format('create index clients_name_trgm_idx on clients using gin (name %s)', ops);
    execute format('create index clients_email_trgm_idx on clients using gin (email %s)', ops);
    execute format('create index clients_phone_trgm_idx on clients using gin (phone %s)', ops);
    execute format('create index clients_phone_digits_trgm_idx on clients using gin (phone_digits %s)', ops);
    execute format('create index contacts_name_trgm_idx on contacts using gin (name %s)', ops);
end
$$;
