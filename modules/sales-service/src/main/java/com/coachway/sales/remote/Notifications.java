package com.coachway.sales.remote;

import com.coachway.common.client.ServiceClient;

import java.util.UUID;

/** notification-service, with this service's own token: the marketing emails. */
public final class Notifications {
    private final ServiceClient notifications;

    public Notifications(ServiceClient notifications) {
        this.notifications = notifications;
    }

    public record Email(String channel, String to, String subject, String body) {
    }

    public record Queued(UUID id, String status) {
    }

    /** Queues the email; a redelivery under the same key queues nothing twice. Any failure throws (the outbox retries). */
    public UUID send(String to, String subject, String body, String idempotencyKey) {
        return notifications.post("/notifications", new Email("email", to, subject, body), Queued.class, idempotencyKey).id();
    }
}
