package com.coachway.vendor.vendors;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An affiliate operator who runs trips for us. */
public record Vendor(UUID id, String name, String legalName, String dotNumber, String mcNumber, String email, String phone,
                     String address, List<String> serviceStates, Integer fleetSize, String status, int version,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
