package com.coachway.payment.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * finance-service as this service needs it: the books hear of every succeeded payment and refund.
 * Called by the outbox worker, outside any transaction, with the event's payload as the body
 * (already the receiver's snake_case shape) and the outbox event id as the Idempotency-Key, so a
 * redelivery is answered {@code duplicate} and books nothing twice. Any failure throws and the
 * outbox tries again later: a 503 while finance is down, and the 409 for a refund whose payment
 * finance has not booked yet (its event is still on its way).
 */
public final class Finance {
    private static final Logger log = LoggerFactory.getLogger(Finance.class);

    private final ServiceClient finance;

    public Finance(ServiceClient finance) {
        this.finance = finance;
    }

    /** finance's answer: {@code applied} the first time, {@code duplicate} for an event id it has seen. */
    private record Receipt(UUID eventId, String status, UUID entryId) {
    }

    /** The outbox handler of {@code payment.recorded}. */
    public void paymentRecorded(OutboxEvent event) {
        deliver("/events/payment-recorded", event);
    }

    /** The outbox handler of {@code payment.refunded}. */
    public void paymentRefunded(OutboxEvent event) {
        deliver("/events/payment-refunded", event);
    }

    private void deliver(String path, OutboxEvent event) {
        Receipt r = finance.post(path, event.payload(), Receipt.class, event.id().toString());
        log.info("{} event {} booked by finance-service: {} (journal entry {})", event.topic(), event.id(),
                r == null ? null : r.status(), r == null ? null : r.entryId());
    }
}
