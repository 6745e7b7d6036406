package com.coachway.dispatch.tracking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One position of a posted batch, with its index in the batch (what its errors are named by: {@code [37].lat}). */
public record Reported(int index, UUID vehicleId, UUID assignmentId, double lat, double lon, Double speedMph, Double heading,
                       OffsetDateTime recordedAt) {

    /** The same position, recorded under {@code assignment}. */
    Reported under(UUID assignment) {
        return new Reported(index, vehicleId, assignment, lat, lon, speedMph, heading, recordedAt);
    }

    String field(String name) {
        return "[" + index + "]." + name;
    }
}
