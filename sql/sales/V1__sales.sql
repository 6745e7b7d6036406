-- sales-service: agents and the round-robin turn, leads and their activities, email preferences
-- with unsubscribe tokens, marketing campaigns and their recipients, the outbox that delivers
-- campaign emails to notification-service, and the Idempotency-Keys of campaign POSTs.
-- Flyway runs this with search_path = sales, so names are unqualified.

-- A sales agent: an auth-service user who takes leads in turn while active.
create table agent (
    id         uuid primary key,
    user_id    uuid not null unique,             -- the auth-service user id
    name       text not null,
    email      text not null,
    active     boolean not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer not null default 1
);
-- The rotation's stable order.
create index agent_rotation_idx on agent (created_at, id) where active;

-- The one row of the round-robin: every automatic assignment locks it FOR UPDATE, so two leads
-- created at once are given turns one after the other, never the same turn.
create table assignment_turn (
    id            integer primary key check (id = 1),
    last_agent_id uuid references agent (id),
    assigned      bigint not null default 0,
    updated_at    timestamptz
);
insert into assignment_turn (id) values (1);

create sequence lead_number_seq;

create table lead (
    id                   uuid primary key,
    reference            text not null unique,        -- LD-<year>-<nnnnn>
    name                 text not null,
    company              text,
    email                text,
    phone                text,
    source               text not null check (source in ('website', 'phone', 'email', 'referral', 'repeat', 'event', 'other')),
    trip_description     text,
    estimated_passengers integer check (estimated_passengers between 1 and 10000),
    estimated_date       date,
    estimated_value      numeric(14, 2) check (estimated_value >= 0),
    status               text not null check (status in ('new', 'contacted', 'qualified', 'quoted', 'won', 'lost')),
    lost_reason          text,
    assigned_to          uuid references agent (id),
    converted_client_id  uuid,
    converted_charter_id uuid,
    converted_at         timestamptz,
    converted_by         text,
    -- a conversion is running until then (its calls to client- and charter-service happen outside
    -- any transaction, so this claim is what keeps a second conversion of the lead out meanwhile)
    converting_until     timestamptz,
    created_by           text not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              integer not null default 1,
    check (status <> 'lost' or lost_reason is not null),
    check ((converted_at is null) = (converted_client_id is null) and (converted_at is null) = (converted_charter_id is null))
);
create index lead_created_idx on lead (created_at desc, id desc);
create index lead_status_idx on lead (status, created_at desc, id desc);
create index lead_assigned_idx on lead (assigned_to, created_at desc, id desc);
create index lead_email_idx on lead (lower(email));

create table activity (
    id           uuid primary key,
    lead_id      uuid not null references lead (id),
    type         text not null check (type in ('call', 'email', 'meeting', 'note', 'task')),
    subject      text not null,
    notes        text,
    due_at       timestamptz,
    completed_at timestamptz,
    created_by   text not null,
    created_at   timestamptz not null
);
create index activity_lead_idx on activity (lead_id, created_at desc, id desc);

-- One row per address, lower-cased. The token is what a marketing email's unsubscribe link carries.
create table email_preference (
    email             text primary key check (email = lower(email)),
    marketing_opt_in  boolean not null,
    unsubscribe_token text not null unique,
    source            text not null check (source in ('default', 'staff', 'unsubscribe')),
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create table campaign (
    id         uuid primary key,
    name       text not null,
    subject    text not null,
    body       text not null,
    audience   jsonb not null,
    created_by text not null,
    created_at timestamptz not null
);
create index campaign_created_idx on campaign (created_at desc, id desc);

-- Every address of a campaign's audience: queued (an outbox row will deliver it), sent
-- (notification-service took it), or suppressed (opted out, at creation or before delivery).
create table campaign_recipient (
    campaign_id     uuid not null references campaign (id),
    email           text not null check (email = lower(email)),
    status          text not null check (status in ('queued', 'sent', 'suppressed')),
    outbox_event_id uuid,
    notification_id uuid,
    updated_at      timestamptz not null,
    primary key (campaign_id, email)
);

-- Transactional outbox (copied from common's outbox.sql.txt): campaign emails for notification-service.
create table outbox (
    id              uuid primary key,
    topic           text not null,
    payload         jsonb not null,
    status          text not null default 'pending'
                    check (status in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    leased_until    timestamptz
);
create index outbox_status_next_attempt_idx on outbox (status, next_attempt_at);

-- The Idempotency-Keys of POST /campaigns (per caller) and the campaign each made.
create table request_key (
    caller      text not null,
    operation   text not null,
    key         text not null,
    fingerprint text not null,
    resource_id uuid not null,
    created_at  timestamptz not null,
    primary key (caller, operation, key)
);
