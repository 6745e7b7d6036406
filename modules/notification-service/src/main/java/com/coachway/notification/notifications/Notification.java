package com.coachway.notification.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message as the API shows it: what was sent to whom, and how its sending went. */
public record Notification(UUID id, String channel, String to, String templateCode, String subject, String body,
                           String status, int attempts, String lastError, String provider, String providerMessageId,
                           String createdBy, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                           OffsetDateTime lastAttemptAt, OffsetDateTime sentAt, OffsetDateTime failedAt) {
}
