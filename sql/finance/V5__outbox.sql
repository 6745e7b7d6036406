-- Transactional outbox (copied from common's outbox.sql.txt): the platform audit trail's entries
-- (audit.journal.posted, audit.period.closed) for change-mgmt-service's /audit-events.

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

-- The worker's poll: status = 'pending' and next_attempt_at <= now() and no live lease, oldest due first.
create index outbox_status_next_attempt_idx on outbox (status, next_attempt_at);
