package com.coachway.charter.charters;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One status transition; from_status is null for the charter's creation. */
public record HistoryEntry(UUID id, String fromStatus, String toStatus, String reason, String actor,
                           String actorEmail, OffsetDateTime at) {
}
