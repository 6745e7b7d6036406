package com.coachway.finance.events;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.EVENT_RECEIPT;

/** The jOOQ queries of events received (by the sender's outbox event id) and the answer each got. */
public final class EventReceiptStore {
    public record Receipt(String eventId, String topic, String status, UUID entryId) {
    }

    public Optional<Receipt> find(DSLContext ctx, String eventId) {
        return ctx.selectFrom(EVENT_RECEIPT).where(EVENT_RECEIPT.EVENT_ID.eq(eventId))
                .fetchOptional(r -> new Receipt(r.getEventId(), r.getTopic(), r.getStatus(), r.getEntryId()));
    }

    /** False when a twin delivery of the same event committed first (this insert waited for it). */
    public boolean record(DSLContext tx, String eventId, String topic, String status, UUID entryId, OffsetDateTime now) {
        return tx.insertInto(EVENT_RECEIPT)
                .set(EVENT_RECEIPT.EVENT_ID, eventId)
                .set(EVENT_RECEIPT.TOPIC, topic)
                .set(EVENT_RECEIPT.STATUS, status)
                .set(EVENT_RECEIPT.ENTRY_ID, entryId)
                .set(EVENT_RECEIPT.RECEIVED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }
}
