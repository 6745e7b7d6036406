package com.coachway.charter.vehicles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A fleet or vendor vehicle. */
public record Vehicle(UUID id, UUID vendorId, String vehicleType, int capacity, String make, String model, int year,
                      String plate, String vin, List<String> amenities, String status, int version,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
