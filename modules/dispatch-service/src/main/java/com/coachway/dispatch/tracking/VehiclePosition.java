package com.coachway.dispatch.tracking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A position of a vehicle as the API shows it (the latest, or a point of a track). */
public record VehiclePosition(UUID vehicleId, UUID assignmentId, double lat, double lon, Double speedMph, Double heading,
                              OffsetDateTime recordedAt) {
}
