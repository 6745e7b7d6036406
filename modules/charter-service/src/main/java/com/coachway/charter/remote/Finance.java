package com.coachway.charter.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * finance-service as this service needs it: the books hear when a charter is completed or
 * cancelled and when what it owes a vendor is recorded, approved or paid. Called by the outbox
 * worker, outside any transaction, with the event's payload as the body (already the receiver's
 * snake_case shape) and the outbox event id as the Idempotency-Key, so a redelivery books nothing
 * twice. Any failure throws, and the outbox tries again later.
 */
public final class Finance {
    private static final Logger log = LoggerFactory.getLogger(Finance.class);

    private final ServiceClient finance;

    public Finance(ServiceClient finance) {
        this.finance = finance;
    }

    /** finance's answer: {@code applied} the first time, {@code duplicate} for an event it has seen. */
    private record Receipt(UUID eventId, String status, UUID entryId) {
    }

    /** The outbox handler of {@code charter.status_changed}. */
    public void charterStatus(OutboxEvent event) {
        deliver("/events/charter-status", event);
    }

    /** The outbox handler of {@code vendor_payment.changed}. */
    public void vendorPayment(OutboxEvent event) {
        deliver("/events/vendor-payment", event);
    }

    private void deliver(String path, OutboxEvent event) {
        Receipt r = finance.post(path, event.payload(), Receipt.class, event.id().toString());
        log.info("{} event {} taken by finance-service: {} (journal entry {})", event.topic(), event.id(),
                r == null ? null : r.status(), r == null ? null : r.entryId());
    }
}
