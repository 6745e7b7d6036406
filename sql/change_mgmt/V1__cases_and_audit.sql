-- change-mgmt-service: change cases with their approval workflow and history, and the
-- platform's audit trail that every service appends to (POST /audit-events).

create sequence case_reference_seq;

create table change_case (
    id                   uuid primary key,
    reference            text not null unique,               -- CHG-<year>-<nnnnn>
    charter_id           uuid not null,
    charter_reference    text,
    client_id            uuid not null,                      -- the charter's client: a client user's WHERE
    type                 text not null check (type in ('date_change', 'itinerary_change', 'passenger_count_change',
                                                       'vehicle_change', 'cancellation', 'other')),
    description          text not null,
    requested_changes    jsonb not null,
    status               text not null check (status in ('submitted', 'under_review', 'approved', 'rejected', 'cancelled',
                                                         'implementing', 'implemented', 'implementation_failed')),
    current_total        numeric(14,2),
    new_total            numeric(14,2),
    price_delta          numeric(14,2),
    requires_manager     boolean not null,
    requested_by         text not null,                      -- the requester's token subject (user id)
    reviewed_by          text,
    decided_by           text,
    decided_at           timestamptz,
    decision_comment     text,
    implemented_at       timestamptz,
    implementation_error text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              integer not null default 1 check (version >= 1)
);
create index change_case_created_idx on change_case (created_at desc, id desc);
create index change_case_charter_idx on change_case (charter_id, created_at desc);
create index change_case_client_idx on change_case (client_id, created_at desc);
create index change_case_status_idx on change_case (status, created_at desc);

-- One row per transition (creation included): who moved the case, when, from what to what, why.
create table case_history (
    id          uuid primary key,
    case_id     uuid not null references change_case (id),
    actor       text not null,
    at          timestamptz not null,
    from_status text,
    to_status   text not null,
    comment     text
);
create index case_history_case_idx on case_history (case_id, at, id);

-- The platform audit trail. id is the producer's outbox event id (its Idempotency-Key), so a
-- redelivery inserts nothing; change-mgmt's own case transitions are written here directly.
create table audit_event (
    id          uuid primary key,
    service     text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    actor       text not null,
    occurred_at timestamptz not null,
    from_state  text,
    to_state    text,
    details     jsonb,
    received_at timestamptz not null
);
create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc, id desc);

-- An audit trail (and a case's history) that can be edited proves nothing: both are append-only.
create function refuse_change() returns trigger language plpgsql set search_path from current as $$
begin
    raise exception 'change_mgmt.% is append-only: % refused', tg_table_name, tg_op using errcode = '55000';
end $$;
create trigger audit_event_immutable before update or delete on audit_event
    for each row execute function refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_change();
create trigger case_history_immutable before update or delete on case_history
    for each row execute function refuse_change();
create trigger case_history_no_truncate before truncate on case_history
    for each statement execute function refuse_change();
