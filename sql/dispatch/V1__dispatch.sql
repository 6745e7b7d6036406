-- dispatch-service: drivers, assignments of a driver and a vehicle to a charter, trip events,
-- recoveries, and the outbox that moves charters in charter-service. Flyway runs this with
-- search_path = dispatch, so names are unqualified. (GPS tracking is V2__tracking.sql.)

-- btree_gist lets one exclusion constraint combine "same driver/vehicle" (uuid =) with
-- "overlapping window" (range &&), so the database itself refuses a double booking whatever the
-- interleaving. Same advisory lock as every CoachWay migration that creates an extension.
select pg_advisory_xact_lock(hashtext('coachway:create-extension'));
create extension if not exists btree_gist with schema public;

create table driver (
    id                      uuid primary key,
    name                    text not null,
    phone                   text,
    email                   text,
    vendor_id               uuid,
    license_number          text not null,
    license_state           text not null,
    license_class           text not null check (license_class in ('A', 'B', 'C')),
    passenger_endorsement   boolean not null,
    license_expires_on      date not null,
    medical_card_expires_on date not null,
    status                  text not null default 'active' check (status in ('active', 'inactive', 'suspended')),
    version                 integer not null default 1,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    constraint driver_license_unique unique (license_state, license_number)
);
create index driver_list_idx on driver (name, id);

-- One driver and one vehicle on one charter for [starts_at, ends_at). Cancelled ones no longer
-- hold the driver or the vehicle; every other status (completed too: the time was used) does.
create table assignment (
    id                  uuid primary key,
    charter_id          uuid not null,
    driver_id           uuid not null references driver (id),
    vehicle_id          uuid not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    -- planned driving within the window (hours of service); null: the whole window
    driving_hours       numeric(5,2) check (driving_hours >= 0),
    status              text not null default 'scheduled'
                        check (status in ('scheduled', 'en_route', 'arrived_pickup', 'departed',
                                          'arrived_destination', 'completed', 'cancelled')),
    -- set when a recovery took over the rest of the window: the assignment that carries it on
    replaced_by         uuid,
    cancel_reason       text,
    cancelled_at        timestamptz,
    idempotency_scope   text,
    idempotency_key     text,
    request_fingerprint text,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint assignment_window check (ends_at > starts_at),
    constraint assignment_driving check (driving_hours * 3600 <= extract(epoch from ends_at - starts_at)),
    constraint assignment_idempotency unique (idempotency_scope, idempotency_key),
    constraint assignment_driver_overlap
        exclude using gist (driver_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status <> 'cancelled'),
    constraint assignment_vehicle_overlap
        exclude using gist (vehicle_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status <> 'cancelled')
);
create index assignment_list_idx on assignment (starts_at, id);
create index assignment_charter_idx on assignment (charter_id, starts_at, id);
create index assignment_driver_idx on assignment (driver_id, starts_at, id);

-- What happened on a trip, in the order it was posted.
create table trip_event (
    id            uuid primary key,
    assignment_id uuid not null references assignment (id),
    type          text not null check (type in ('en_route', 'arrived_pickup', 'departed', 'arrived_destination',
                                               'delay', 'incident', 'completed')),
    note          text,
    delay_minutes integer,
    lat           double precision,
    lon           double precision,
    status_after  text not null,
    posted_by     text not null,
    created_at    timestamptz not null
);
create index trip_event_assignment_idx on trip_event (assignment_id, created_at, id);

-- A trip in trouble (breakdown, accident, driver unavailable) and what was sent to carry it on.
create table recovery (
    id                        uuid primary key,
    assignment_id             uuid not null references assignment (id),
    reason                    text not null check (reason in ('breakdown', 'accident', 'driver_unavailable', 'other')),
    location                  text,
    notes                     text,
    status                    text not null default 'open' check (status in ('open', 'dispatched', 'resolved')),
    replacement_vehicle_id    uuid,
    replacement_driver_id     uuid references driver (id),
    replacement_assignment_id uuid references assignment (id),
    idempotency_scope         text,
    idempotency_key           text,
    request_fingerprint       text,
    created_by                text not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    constraint recovery_idempotency unique (idempotency_scope, idempotency_key)
);
create index recovery_list_idx on recovery (created_at, id);
create index recovery_status_idx on recovery (status, created_at, id);

-- Transactional outbox (common's outbox.sql.txt): charter status moves for charter-service.
create table outbox (
    id              uuid primary key,                  -- the event id; receivers dedupe on it
    topic           text not null,                     -- selects the handler
    payload         jsonb not null,
    status          text not null default 'pending'
                    check (status in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0 check (attempts >= 0),  -- counted when leased: a crashed attempt counts
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    leased_until    timestamptz                        -- a worker is delivering it until then; null when none is
);
create index outbox_status_next_attempt_idx on outbox (status, next_attempt_at);
