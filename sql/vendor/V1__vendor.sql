-- vendor-service: affiliate operators (vendors), their compliance documents, bid requests for
-- charters and the vendors' bids on them, ratings of their trips, and the outbox that asks
-- charter-service to record an award and notification-service to send the emails.
-- Flyway runs this with search_path = vendor, so names are unqualified.

create table vendors (
    id             uuid primary key,
    name           text not null,
    legal_name     text,
    dot_number     text,
    mc_number      text,
    email          text not null,
    phone          text,
    address        text,
    -- two-letter US state codes the vendor runs trips in
    service_states text[] not null default '{}',
    fleet_size     integer check (fleet_size >= 0),
    status         text not null default 'pending' check (status in ('pending', 'approved', 'suspended')),
    version        integer not null default 1,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index vendors_list_idx on vendors (name, id);
create index vendors_status_idx on vendors (status, name, id);
create index vendors_states_idx on vendors using gin (service_states);

create table compliance_documents (
    id              uuid primary key,
    vendor_id       uuid not null references vendors (id),
    kind            text not null check (kind in ('liability_insurance', 'operating_authority', 'w9',
                                                  'vehicle_inspection', 'drug_alcohol_program')),
    issued_on       date not null,
    expires_on      date,
    coverage_amount numeric(14,2) check (coverage_amount >= 0),
    -- a file of document-service (entity type vendor), not verified here
    document_id     uuid,
    created_by      text not null,
    created_at      timestamptz not null,
    check (expires_on is null or expires_on >= issued_on)
);
create index compliance_documents_vendor_idx on compliance_documents (vendor_id, created_at, id);

-- A request to affiliates to bid for running (part of) a charter of charter-service. The charter's
-- reference and passengers are copied at creation for the emails.
create table bid_requests (
    id                  uuid primary key,
    charter_id          uuid not null,
    charter_reference   text not null,
    passenger_count     integer not null,
    vehicle_type        text not null,
    quantity            integer not null check (quantity >= 1),
    pickup_at           timestamptz not null,
    return_at           timestamptz,
    summary             text,
    service_state       text,
    respond_by          timestamptz not null,
    status              text not null default 'open' check (status in ('open', 'closed')),
    awarded_bid_id      uuid,
    awarded_at          timestamptz,
    awarded_by          text,
    -- the award's Idempotency-Key and what it asked for: a retry answers the award again
    award_key           text,
    award_fingerprint   text,
    -- the opening's Idempotency-Key, per caller
    created_by          text not null,
    idempotency_key     text,
    request_fingerprint text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (created_by, idempotency_key)
);
create index bid_requests_list_idx on bid_requests (created_at, id);
create index bid_requests_status_idx on bid_requests (status, created_at, id);
-- one open request per charter: two dispatchers cannot open competing rounds
create unique index bid_requests_open_charter_key on bid_requests (charter_id) where status = 'open';

create table bids (
    id                  uuid primary key,
    bid_request_id      uuid not null references bid_requests (id),
    vendor_id           uuid not null references vendors (id),
    amount              numeric(12,2) not null check (amount > 0),
    vehicle_type        text not null,
    notes               text,
    status              text not null default 'submitted' check (status in ('submitted', 'awarded', 'lost')),
    idempotency_key     text,
    request_fingerprint text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    -- one live bid per vendor per request, whatever the interleaving: a second POST edits this row
    unique (bid_request_id, vendor_id)
);
create index bids_request_idx on bids (bid_request_id, created_at, id);
create index bids_vendor_idx on bids (vendor_id, status);
-- at most one winner per request, even if two awards raced past every other check
create unique index bids_one_award_key on bids (bid_request_id) where status = 'awarded';

create table ratings (
    id                  uuid primary key,
    vendor_id           uuid not null references vendors (id),
    charter_id          uuid not null,
    score               integer not null check (score between 1 and 5),
    on_time             boolean not null,
    -- the vendor backed out of the trip: counted as a cancellation, not as a completed trip
    cancelled           boolean not null default false,
    comments            text,
    idempotency_key     text,
    request_fingerprint text,
    created_by          text not null,
    created_at          timestamptz not null,
    unique (vendor_id, charter_id)
);
create index ratings_vendor_idx on ratings (vendor_id, created_at, id);

-- Transactional outbox (copied from common's outbox.sql.txt): charter.award and notification.requested.
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
