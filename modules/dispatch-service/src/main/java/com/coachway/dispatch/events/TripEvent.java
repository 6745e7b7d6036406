package com.coachway.dispatch.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A trip event as the API shows it, with the assignment's status after it. */
public record TripEvent(UUID id, UUID assignmentId, String type, String note, Integer delayMinutes, Double lat, Double lon,
                        String statusAfter, String postedBy, OffsetDateTime createdAt) {
}
