package com.coachway.charter.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * payment-service as this service needs it: opening a booked charter's payment schedule. Called
 * by the outbox worker, outside any transaction; the outbox event id is the Idempotency-Key, so a
 * redelivery answers the schedule opened first. A failure throws, and the outbox tries again.
 */
public final class Payments {
    private final ServiceClient payments;

    public Payments(ServiceClient payments) {
        this.payments = payments;
    }

    /**
     * The delivery of a payment.schedule_requested event: its payload (charter, client, quote,
     * total, currency, pickup) plus when it was booked, i.e. when the booking's transaction wrote it.
     */
    public void openSchedule(OutboxEvent event) {
        ObjectNode body = ((ObjectNode) event.payload()).deepCopy();
        body.put("booked_at", event.createdAt().toString());
        payments.post("/schedules", body, Void.class, event.id().toString());
    }
}
