package com.coachway.charter.charters;

import org.jooq.DSLContext;

import java.util.Optional;
import java.util.UUID;

/** How assignment sees a vehicle; implemented by the vehicles store. */
public interface VehicleLookup {
    record Fit(String status, String vehicleType, int capacity) {
    }

    /** The vehicle, share-locked so it cannot be retired or retyped while it is being assigned. */
    Optional<Fit> lockForAssignment(DSLContext tx, UUID vehicleId);
}
