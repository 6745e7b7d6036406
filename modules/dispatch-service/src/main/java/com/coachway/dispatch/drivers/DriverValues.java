package com.coachway.dispatch.drivers;

import java.time.LocalDate;
import java.util.UUID;

/** Everything a driver's row holds that a client writes. */
public record DriverValues(String name, String phone, String email, UUID vendorId, String licenseNumber, String licenseState,
                           String licenseClass, boolean passengerEndorsement, LocalDate licenseExpiresOn,
                           LocalDate medicalCardExpiresOn, String status) {
}
