package com.coachway.notification.notifications;

import java.util.UUID;

/** The answer to a queued message: its id, and that it waits for the worker. */
public record Queued(UUID id, String status) {
    static Queued of(UUID id) {
        return new Queued(id, NotificationStatus.QUEUED);
    }
}
