-- payment-service: payment schedules of booked charters, payments (manual and card), refunds,
-- the Stripe events already applied, and the outbox for finance.

-- One schedule per booked charter, opened from charter-service's payment.schedule_requested.
create table schedules (
    id                  uuid primary key,
    charter_id          uuid not null unique,
    client_id           uuid not null,
    quote_id            uuid,
    total               numeric(12,2) not null check (total >= 0),
    currency            text not null default 'USD',
    pickup_at           timestamptz not null,
    booked_on           date not null,
    -- the charter outbox event id that asked for it: a redelivery answers the same schedule
    source_key          text not null unique,
    request_fingerprint text not null,
    created_at          timestamptz not null
);
create index schedules_list_idx on schedules (created_at, id);
create index schedules_client_idx on schedules (client_id, created_at, id);

create table installments (
    id          uuid primary key,
    schedule_id uuid not null references schedules (id),
    sequence    integer not null check (sequence >= 1),
    kind        text not null check (kind in ('deposit', 'balance', 'full')),
    amount      numeric(12,2) not null check (amount > 0),
    due_date    date not null,
    unique (schedule_id, sequence)
);

create table payments (
    id                       uuid primary key,
    charter_id               uuid not null,
    client_id                uuid not null,
    amount                   numeric(12,2) not null check (amount > 0),
    currency                 text not null default 'USD',
    method                   text not null check (method in ('check', 'ach', 'wire', 'cash', 'card')),
    -- card payments start pending and are settled by Stripe's webhooks; manual ones are succeeded at once
    status                   text not null check (status in ('pending', 'succeeded', 'failed')),
    reference                text,
    received_at              timestamptz,
    stripe_payment_intent_id text unique,
    failure_message          text,
    -- Idempotency-Key, scoped per caller (the token's subject)
    idempotency_scope        text,
    idempotency_key          text,
    request_fingerprint      text,
    created_by               text not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    succeeded_at             timestamptz,
    unique (idempotency_scope, idempotency_key)
);
create index payments_list_idx on payments (created_at, id);
create index payments_charter_idx on payments (charter_id, created_at, id);
create index payments_client_idx on payments (client_id, created_at, id);

create table refunds (
    id                  uuid primary key,
    payment_id          uuid not null references payments (id),
    amount              numeric(12,2) not null check (amount > 0),
    reason              text,
    -- card refunds are pending until Stripe has accepted them; failed ones no longer count
    status              text not null check (status in ('pending', 'succeeded', 'failed')),
    -- api: asked for here; stripe: first seen in a charge.refunded event (made in Stripe's dashboard)
    source              text not null check (source in ('api', 'stripe')),
    stripe_refund_id    text unique,
    failure_message     text,
    idempotency_scope   text,
    idempotency_key     text,
    request_fingerprint text,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (idempotency_scope, idempotency_key)
);
create index refunds_payment_idx on refunds (payment_id, created_at, id);

-- Stripe event ids already applied: a replayed event changes nothing.
create table stripe_events (
    id          text primary key,
    type        text not null,
    received_at timestamptz not null
);
