package com.coachway.changemgmt.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;

import java.util.UUID;

/**
 * notification-service as this service needs it: queue the email an outbox event asks for. The
 * event's payload is the request ({channel, to, template_code, data}) and its id the
 * Idempotency-Key, so a redelivered event queues nothing twice. Throwing (any failure) leaves the
 * event to the outbox's retries.
 */
public final class Notifications {
    private final ServiceClient notifications;

    public Notifications(ServiceClient notifications) {
        this.notifications = notifications;
    }

    private record Queued(UUID id, String status) {
    }

    /** The outbox handler of {@code notification.requested}. */
    public void deliver(OutboxEvent event) {
        notifications.post("/notifications", event.payload(), Queued.class, event.id().toString());
    }
}
