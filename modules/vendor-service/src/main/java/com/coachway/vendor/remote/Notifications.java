package com.coachway.vendor.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;

import java.util.Map;
import java.util.UUID;

/**
 * notification-service as this service needs it: queue the email an outbox event asks for
 * (a bid request to a vendor, the award to the winner). The payload is the request and the
 * event id its Idempotency-Key, so a redelivery queues nothing twice; throwing leaves the event
 * to the outbox's retries.
 */
public final class Notifications {
    public static final String TOPIC = "notification.requested";

    private final ServiceClient notifications;

    public Notifications(ServiceClient notifications) {
        this.notifications = notifications;
    }

    /** The payload of {@link #TOPIC}: one templated email, with exactly the template's variables. */
    public record Email(String channel, String to, String templateCode, Map<String, Object> data) {
        public static Email of(String to, String templateCode, Map<String, Object> data) {
            return new Email("email", to, templateCode, data);
        }
    }

    private record Queued(UUID id, String status) {
    }

    public void deliver(OutboxEvent event) {
        notifications.post("/notifications", event.payload(), Queued.class, event.id().toString());
    }
}
