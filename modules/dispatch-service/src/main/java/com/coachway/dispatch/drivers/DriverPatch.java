package com.coachway.dispatch.drivers;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields a PATCH names; null keeps the driver's own. phone, email and vendor_id may be
 * cleared with an explicit null, so for them "named" is kept apart from the value.
 */
public record DriverPatch(String name, boolean hasPhone, String phone, boolean hasEmail, String email, boolean hasVendorId,
                          UUID vendorId, String licenseNumber, String licenseState, String licenseClass,
                          Boolean passengerEndorsement, LocalDate licenseExpiresOn, LocalDate medicalCardExpiresOn,
                          String status) {

    DriverValues applyTo(Driver d) {
        return new DriverValues(name != null ? name : d.name(), hasPhone ? phone : d.phone(), hasEmail ? email : d.email(),
                hasVendorId ? vendorId : d.vendorId(), licenseNumber != null ? licenseNumber : d.licenseNumber(),
                licenseState != null ? licenseState : d.licenseState(), licenseClass != null ? licenseClass : d.licenseClass(),
                passengerEndorsement != null ? passengerEndorsement : d.passengerEndorsement(),
                licenseExpiresOn != null ? licenseExpiresOn : d.licenseExpiresOn(),
                medicalCardExpiresOn != null ? medicalCardExpiresOn : d.medicalCardExpiresOn(), status != null ? status : d.status());
    }
}
