-- The outbox event that is giving this quote's promo use back to pricing-service, while it does;
-- null otherwise. An accept of the quote in that window is refused (try again), so a give-back can
-- never take away the use of a booking that happened meanwhile; and one give-back of a quote runs
-- at a time (a second waits for the first), so none is still under way once the mark is cleared.
alter table charter_quotes add column promo_release_event uuid;
