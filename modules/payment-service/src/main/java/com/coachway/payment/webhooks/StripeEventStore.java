package com.coachway.payment.webhooks;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;

import static com.coachway.db.payment.Tables.STRIPE_EVENTS;

/** The Stripe event ids already applied. */
public final class StripeEventStore {
    /**
     * Notes the event as applied, in the transaction that applies it; false when it already was
     * (a concurrent delivery of the same event waits on the primary key, then sees it).
     */
    public boolean recordIfNew(DSLContext tx, String id, String type, OffsetDateTime now) {
        return tx.insertInto(STRIPE_EVENTS).set(STRIPE_EVENTS.ID, id).set(STRIPE_EVENTS.TYPE, type)
                .set(STRIPE_EVENTS.RECEIVED_AT, now).onConflictDoNothing().execute() == 1;
    }
}
