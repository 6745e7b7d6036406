-- charter-service: charters with their stops and vehicle lines, quotes, status history, the
-- fleet's vehicles and what is owed to vendors. Flyway runs this with search_path = charter,
-- so names are unqualified.

-- btree_gist lets one exclusion constraint combine "same vehicle" (uuid =) with "overlapping
-- window" (range &&): the database itself refuses a double booking, whatever the interleaving.
-- pg_trgm keeps the free-text list search (?q=) on an index. Both go to public, not to this
-- schema, so their hundreds of support functions stay out of the generated jOOQ classes
-- (btree_gist's operator classes are found as type defaults, whatever the search_path; the
-- trigram index below names its class through the catalog). Services start in
-- parallel on one database and two concurrent CREATE EXTENSION IF NOT EXISTS can collide, so all
-- CoachWay migrations take the same advisory lock first (released at the end of this transaction).
select pg_advisory_xact_lock(hashtext('coachway:create-extension'));
create extension if not exists btree_gist with schema public;
create extension if not exists pg_trgm with schema public;

-- Human references CW-<year>-<5 digits>; one sequence for all years (numbers never repeat).
create sequence charter_reference_seq;

create table charters (
    id              uuid primary key,
    reference       text not null unique,
    client_id       uuid not null,
    contact_id      uuid,
    trip_type       text not null check (trip_type in ('one_way', 'round_trip', 'multi_day', 'hourly')),
    status          text not null default 'inquiry'
                    check (status in ('inquiry', 'quoted', 'booked', 'confirmed', 'in_progress', 'completed', 'cancelled')),
    passenger_count integer not null check (passenger_count between 1 and 10000),
    pickup_at       timestamptz not null,
    return_at       timestamptz,
    -- End of the service window: return_at, else the latest stop time. Vehicles are held for
    -- [pickup_at, ends_at) and pricing bills that span.
    ends_at         timestamptz not null,
    amenities       text[] not null default '{}',
    miles           integer check (miles between 0 and 100000),
    notes           text,
    -- lower-case reference, notes and stop addresses, for ?q= (kept by the store on every write)
    search_text     text not null default '',
    version         integer not null default 1,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (ends_at > pickup_at),
    check (return_at is null or return_at > pickup_at)
);
-- The list pages by pickup time under every filter; each filter has an index that serves it in order.
create index charters_pickup_idx on charters (pickup_at, id);
create index charters_client_pickup_idx on charters (client_id, pickup_at, id);
create index charters_status_pickup_idx on charters (status, pickup_at, id);
create index charters_created_idx on charters (created_at, id);
-- ?q=CW-2026-0004… is a reference prefix: a btree range, where trigrams common to every reference would not narrow much.
create index charters_reference_prefix_idx on charters (reference text_pattern_ops);

-- The trigram operator class lives wherever pg_trgm was installed (public, unless it already
-- existed elsewhere), so name it through the catalog rather than guess.
do $$
declare
    ops_schema text;
begin
    select n.nspname into ops_schema
      from pg_opclass o join pg_namespace n on n.oid = o.opcnamespace
     where o.opcname = 'gin_trgm_ops'
     limit 1;
    execute format('create index charters_search_trgm_idx on charters using gin (search_text %I.gin_trgm_ops)', ops_schema);
end
$$;

create table charter_stops (
    id         uuid primary key,
    charter_id uuid not null references charters(id) on delete cascade,
    sequence   integer not null check (sequence >= 1),
    address    text not null,
    lat        numeric(9,6) check (lat between -90 and 90),
    lon        numeric(9,6) check (lon between -180 and 180),
    arrive_at  timestamptz,
    depart_at  timestamptz,
    notes      text,
    unique (charter_id, sequence),
    check (arrive_at is null or depart_at is null or arrive_at <= depart_at)
);

create table vehicles (
    id           uuid primary key,
    vendor_id    uuid,
    vehicle_type text not null,
    capacity     integer not null check (capacity between 1 and 100),
    make         text not null,
    model        text not null,
    year         integer not null check (year between 1950 and 2100),
    plate        text not null,
    vin          text not null check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    amenities    text[] not null default '{}',
    status       text not null default 'active' check (status in ('active', 'maintenance', 'retired')),
    version      integer not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create unique index vehicles_plate_key on vehicles (upper(plate));
create unique index vehicles_vin_key on vehicles (vin);
create index vehicles_type_idx on vehicles (vehicle_type, status);
create index vehicles_vendor_idx on vehicles (vendor_id) where vendor_id is not null;

-- One line per vehicle the charter needs (a request for 2 × coach_56 is two lines), so each line
-- takes exactly one assigned vehicle. While assigned, the line holds the charter's window.
create table charter_vehicle_lines (
    id            uuid primary key,
    charter_id    uuid not null references charters(id) on delete cascade,
    position      integer not null check (position >= 1),
    vehicle_type  text not null,
    capacity      integer not null check (capacity >= 1),
    vehicle_id    uuid references vehicles(id),
    held_from     timestamptz,
    held_to       timestamptz,
    unique (charter_id, position),
    check ((vehicle_id is null) = (held_from is null) and (vehicle_id is null) = (held_to is null)),
    check (held_to is null or held_to > held_from),
    -- no vehicle on two lines whose windows overlap, on any charter, ever
    constraint charter_vehicle_lines_no_double_booking
        exclude using gist (vehicle_id with =, tstzrange(held_from, held_to, '[)') with &&)
        where (vehicle_id is not null)
);
create index charter_vehicle_lines_charter_idx on charter_vehicle_lines (charter_id);

create table charter_quotes (
    id             uuid primary key,
    charter_id     uuid not null references charters(id) on delete cascade,
    version        integer not null check (version >= 1),
    status         text not null default 'draft'
                   check (status in ('draft', 'sent', 'accepted', 'rejected', 'superseded', 'expired')),
    lines          jsonb not null,
    subtotal       numeric(12,2) not null,
    discount       numeric(12,2) not null,
    fuel_surcharge numeric(12,2) not null,
    tax            numeric(12,2) not null,
    total          numeric(12,2) not null,
    currency       text not null default 'USD',
    promo_code     text,
    billable_hours numeric(8,2),
    days           integer,
    dot            jsonb,
    charter_version integer not null,
    valid_until    timestamptz not null,
    sent_at        timestamptz,
    sent_to        text,
    send_key       text,
    accepted_at    timestamptz,
    accept_key     text,
    rejected_at    timestamptz,
    reject_reason  text,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    unique (charter_id, version)
);
-- at most one accepted quote per charter, whatever races past the application's checks
create unique index charter_quotes_one_accepted on charter_quotes (charter_id) where status = 'accepted';
-- the expiry job's scan
create index charter_quotes_open_valid_idx on charter_quotes (valid_until) where status in ('draft', 'sent');

create table charter_status_history (
    id          uuid primary key,
    charter_id  uuid not null references charters(id) on delete cascade,
    from_status text,
    to_status   text not null,
    reason      text,
    actor       text not null,
    actor_email text,
    at          timestamptz not null default clock_timestamp()
);
create index charter_status_history_charter_idx on charter_status_history (charter_id, at);

create table vendor_payments (
    id          uuid primary key,
    charter_id  uuid not null references charters(id) on delete cascade,
    vendor_id   uuid not null,
    amount      numeric(12,2) not null check (amount > 0),
    due_date    date not null,
    notes       text,
    status      text not null default 'pending' check (status in ('pending', 'approved', 'paid')),
    approved_at timestamptz,
    approved_by text,
    paid_at     timestamptz,
    paid_by     text,
    version     integer not null default 1,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index vendor_payments_charter_idx on vendor_payments (charter_id, due_date);
create index vendor_payments_vendor_idx on vendor_payments (vendor_id, status);
