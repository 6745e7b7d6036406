package com.coachway.charter.remote;

import com.coachway.common.client.ServiceClient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.UUID;

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

    public void openSchedule(UUID eventId, UUID charterId, UUID clientId, UUID quoteId, BigDecimal total,
                             OffsetDateTime pickupAt, String currency, OffsetDateTime bookedAt) {
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", charterId);
        body.put("client_id", clientId);
        body.put("quote_id", quoteId);
        body.put("total", total);
        body.put("currency", currency);
        body.put("pickup_at", pickupAt);
        body.put("booked_at", bookedAt);
        payments.post("/schedules", body, Void.class, eventId.toString());
    }
}
