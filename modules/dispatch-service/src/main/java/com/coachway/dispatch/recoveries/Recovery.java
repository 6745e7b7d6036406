package com.coachway.dispatch.recoveries;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recovery as the API shows it. */
public record Recovery(UUID id, UUID assignmentId, String reason, String location, String notes, String status,
                       UUID replacementVehicleId, UUID replacementDriverId, UUID replacementAssignmentId, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
