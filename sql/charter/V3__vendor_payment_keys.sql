-- A retried "record vendor payment" with the same Idempotency-Key answers the first payment
-- instead of recording the debt twice; the fingerprint tells a retry from a different request.
alter table vendor_payments add column idempotency_key text;
alter table vendor_payments add column request_fingerprint text;
alter table vendor_payments add constraint vendor_payments_key_has_fingerprint
    check ((idempotency_key is null) = (request_fingerprint is null));
create unique index vendor_payments_key_idx on vendor_payments (charter_id, idempotency_key) where idempotency_key is not null;
