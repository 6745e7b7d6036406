package com.coachway.dispatch.drivers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A driver as the API shows it. */
public record Driver(UUID id, String name, String phone, String email, UUID vendorId, String licenseNumber,
                     String licenseState, String licenseClass, boolean passengerEndorsement, LocalDate licenseExpiresOn,
                     LocalDate medicalCardExpiresOn, String status, int version, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {
}
