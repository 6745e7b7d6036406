package com.coachway.dispatch.assignments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An assignment as the API shows it; {@code drivingHours} null means the whole window is driving. */
public record Assignment(UUID id, UUID charterId, UUID driverId, UUID vehicleId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                         BigDecimal drivingHours, String status, UUID replacedBy, String cancelReason,
                         OffsetDateTime cancelledAt, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
