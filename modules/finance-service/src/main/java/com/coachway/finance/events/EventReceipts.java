package com.coachway.finance.events;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Exactly once per event id, for every /events receiver (the AP side's too). A redelivery of an
 * event already received answers its first result and changes nothing. The work runs in one
 * transaction with the receipt; it takes its own locks and checks its natural key (payment_id,
 * refund_id, …) and answers {@link Outcome#duplicate} when that was seen under another event id.
 * Two deliveries of one event at the same moment: the second's receipt insert waits for the
 * first, finds it, and rolls its own work back; it then answers the first's result.
 */
public final class EventReceipts {
    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";

    /** What the work did: posted {@code entryId} (null when nothing was posted), or found its natural key done already. */
    public record Outcome(boolean applied, UUID entryId) {
        public static Outcome applied(UUID entryId) {
            return new Outcome(true, entryId);
        }

        public static Outcome duplicate(UUID entryId) {
            return new Outcome(false, entryId);
        }
    }

    /** The answer of an /events receiver. */
    public record Result(String eventId, String status, UUID entryId) {
    }

    private static final class Twin extends RuntimeException {
        Twin() {
            super(null, null, false, false);
        }
    }

    private final DSLContext dsl;
    private final EventReceiptStore store;
    private final Clock clock;

    public EventReceipts(DSLContext dsl, EventReceiptStore store, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.clock = clock;
    }

    public Result once(String eventId, String topic, Function<DSLContext, Outcome> work) {
        var earlier = store.find(dsl, eventId);
        if (earlier.isPresent()) return new Result(eventId, DUPLICATE, earlier.get().entryId());
        try {
            return dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                Outcome o = work.apply(tx);
                if (!store.record(tx, eventId, topic, o.applied() ? APPLIED : DUPLICATE, o.entryId(), OffsetDateTime.now(clock))) {
                    throw new Twin();
                }
                return new Result(eventId, o.applied() ? APPLIED : DUPLICATE, o.entryId());
            });
        } catch (Twin twin) {
            var first = store.find(dsl, eventId).orElseThrow();
            return new Result(eventId, DUPLICATE, first.entryId());
        }
    }
}
