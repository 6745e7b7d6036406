-- notification-service: message templates and the queue of emails and text messages.
-- Flyway runs this with search_path = notification, so names are unqualified.

-- Mustache templates, rendered strictly (a variable the data lacks is a 400 when queueing).
-- Seeded below; edited with PUT /templates/{code}. An email template has a subject, an SMS none.
create table templates (
    code        text primary key check (code ~ '^[a-z][a-z0-9_]{1,49}$'),
    channel     text not null check (channel in ('email', 'sms')),
    subject     text,
    body        text not null,
    description text not null default '',
    version     integer not null default 1,
    updated_at  timestamptz not null default now(),
    updated_by  text,
    check ((channel = 'email') = (subject is not null))
);

-- One message, rendered when it was queued (a later template edit changes no queued message).
-- The worker leases due rows (leased_until), sends outside any transaction and records the
-- outcome fenced by the attempt count; attempts are counted when leased, so a crashed attempt
-- counts. status: queued (waiting or being sent) -> sent | failed; failed -> queued by a retry.
create table notifications (
    id                  uuid primary key,
    channel             text not null check (channel in ('email', 'sms')),
    recipient           text not null,
    template_code       text references templates (code),
    subject             text,
    body                text not null,
    data                jsonb,
    status              text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    attempts            integer not null default 0 check (attempts >= 0),
    next_attempt_at     timestamptz not null default now(),
    leased_until        timestamptz,
    last_attempt_at     timestamptz,
    last_error          text,
    provider            text,
    provider_message_id text,
    idempotency_caller  text,
    idempotency_key     text,
    request_fingerprint text,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    failed_at           timestamptz,
    updated_at          timestamptz not null default now(),
    check ((idempotency_key is null) = (request_fingerprint is null)),
    check ((idempotency_key is null) = (idempotency_caller is null))
);

-- A retried POST with the same Idempotency-Key (per caller) finds the first message; concurrent
-- duplicates wait on this index and then find it too.
create unique index notifications_idempotency_idx on notifications (idempotency_caller, idempotency_key)
    where idempotency_key is not null;
-- The worker's poll: queued rows due now, oldest due first.
create index notifications_due_idx on notifications (next_attempt_at) where status = 'queued';
-- The list, newest first, whole or filtered.
create index notifications_created_idx on notifications (created_at desc, id desc);
create index notifications_status_idx on notifications (status, created_at desc, id desc);
create index notifications_recipient_idx on notifications (recipient, created_at desc, id desc);
create index notifications_template_idx on notifications (template_code, created_at desc, id desc);

insert into templates (code, channel, subject, body, description) values
('quote_sent', 'email', 'Your CoachWay quote {{reference}}',
 E'Dear {{recipient_name}},\n\nThank you for asking CoachWay. Here is quote version {{quote_version}} for charter {{reference}} ({{client_name}}), picking up at {{pickup_at}}.\n\nTotal: {{total}} {{currency}}\nValid until: {{valid_until}}\n\nReply to this email or call us to book.\n\nCoachWay',
 'Sent by charter-service when a quote is sent.'),
('booking_confirmed', 'email', 'Booking confirmed: {{reference}}',
 E'Dear {{recipient_name}},\n\nYour charter {{reference}} is booked, picking up at {{pickup_at}}.\nTotal: {{total}} {{currency}}\n\nThank you for travelling with CoachWay.',
 'When a charter is booked.'),
('payment_receipt', 'email', 'Payment received for {{reference}}',
 E'Dear {{recipient_name}},\n\nWe received {{amount}} {{currency}} by {{method}} on {{received_at}} for charter {{reference}}.\nOutstanding balance: {{outstanding}} {{currency}}\n\nCoachWay accounts',
 'When a payment is recorded.'),
('driver_assigned', 'sms', null,
 'CoachWay {{reference}}: your driver is {{driver_name}}, coach {{vehicle_plate}}, pickup {{pickup_at}}.',
 'To the client''s contact when a driver is assigned.'),
('trip_reminder', 'sms', null,
 'CoachWay reminder: trip {{reference}} picks up at {{pickup_at}} from {{pickup_address}}.',
 'The day before a trip.'),
('password_reset', 'email', 'Reset your CoachWay password',
 E'Hello {{name}},\n\nTo choose a new password open {{reset_url}} within {{expires_in_minutes}} minutes.\nIf you did not ask for this, ignore this email.\n\nCoachWay',
 'A password reset link.'),
('bid_request', 'email', 'Bid request: {{reference}}',
 E'Dear {{vendor_name}},\n\nCould you run charter {{reference}} for {{passenger_count}} passengers, picking up at {{pickup_at}}?\nPlease send your bid by {{respond_by}}.\n\nCoachWay dispatch',
 'To an affiliate operator asked to bid on a charter.'),
('bid_awarded', 'email', 'Bid awarded: {{reference}}',
 E'Dear {{vendor_name}},\n\nYour bid of {{amount}} {{currency}} for charter {{reference}} (pickup {{pickup_at}}) is accepted.\n\nCoachWay dispatch',
 'To the operator whose bid won.'),
('change_request_update', 'email', 'Your change request for {{reference}} is {{status}}',
 E'Dear {{recipient_name}},\n\nYour change request for charter {{reference}} is now {{status}}.\n{{comment}}\n\nCoachWay',
 'When a change request moves on.');
