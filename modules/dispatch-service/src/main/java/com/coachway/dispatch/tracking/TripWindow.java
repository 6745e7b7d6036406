package com.coachway.dispatch.tracking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What tracking needs of an assignment: whose, which vehicle, when, and whether it still holds them. */
public record TripWindow(UUID id, UUID driverId, UUID vehicleId, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean live) {
}
