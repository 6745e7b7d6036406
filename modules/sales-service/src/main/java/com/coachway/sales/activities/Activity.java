package com.coachway.sales.activities;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call, email, meeting, note or task on a lead. */
public record Activity(UUID id, UUID leadId, String type, String subject, String notes, OffsetDateTime dueAt,
                       OffsetDateTime completedAt, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       int version) {
}
