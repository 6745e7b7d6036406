-- Transactional outbox table (com.coachway.common.outbox.Outbox / OutboxWorker).
--
-- Copy this file, unchanged, into your service's migrations as sql/<schema>/V<n>__outbox.sql.
-- Flyway runs it with search_path = <schema>, so the table lands in your schema as <schema>.outbox,
-- which is where Outbox and OutboxWorker look for it. Do not edit columns here without changing
-- the Java side: the library addresses them by name.
--
-- A row is written by Outbox.enqueue in the same transaction as the change that caused it, and
-- delivered later by OutboxWorker: at least once, retried with exponential backoff, 'failed'
-- after the last attempt (then it stays for an operator to inspect: last_error says why).
-- A worker leases the rows it delivers (leased_until) and delivers outside any transaction.
--
-- A service that copied an older version of this file (without leased_until) adds it with a
-- migration of its own: alter table outbox add column leased_until timestamptz;

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
