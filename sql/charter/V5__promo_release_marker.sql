-- Set while the outbox worker gives a quote's promo use back to pricing-service, cleared when
-- pricing has done it: an accept of the quote in that window is refused (try again), so a give-back
-- can never take away the use of a booking that happened meanwhile.
alter table charter_quotes add column promo_release_started_at timestamptz;
