package com.coachway.vendor.remote;

import java.util.Map;

/**
 * What this service asks of notification-service: the email an outbox event of {@link #TOPIC}
 * carries (a bid request to a vendor, the award to the winner). The payload is
 * notification-service's request as it stands, so common's OutboxForwarder delivers it with the
 * event id as Idempotency-Key: a redelivery queues nothing twice.
 */
public final class Notifications {
    public static final String TOPIC = "notification.requested";

    private Notifications() {
    }

    /** The payload of {@link #TOPIC}: one templated email, with exactly the template's variables. */
    public record Email(String channel, String to, String templateCode, Map<String, Object> data) {
        public static Email of(String to, String templateCode, Map<String, Object> data) {
            return new Email("email", to, templateCode, data);
        }
    }
}
