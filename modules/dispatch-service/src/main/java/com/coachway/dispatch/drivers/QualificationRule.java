package com.coachway.dispatch.drivers;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may drive a coach (passenger-carrying CMV): an active driver with a class A or B commercial
 * licence, the passenger (P) endorsement, and a licence and medical card valid through the last
 * day of the assignment. A document that expires on a day is valid all that day, so
 * {@code expires_on = lastDay} qualifies and {@code expires_on = lastDay - 1} does not. Pure.
 */
public final class QualificationRule {
    public static final String DRIVER_STATUS = "driver_status";
    public static final String LICENSE_CLASS = "license_class";
    public static final String PASSENGER_ENDORSEMENT = "passenger_endorsement";
    public static final String LICENSE_EXPIRED = "license_expired";
    public static final String MEDICAL_CARD_EXPIRED = "medical_card_expired";

    private QualificationRule() {
    }

    /** A rule the driver fails, and why. */
    public record Failure(String rule, String detail) {
    }

    /** The first rule the driver fails for an assignment whose last (local) day is {@code lastDay}; empty when qualified. */
    public static Optional<Failure> check(Driver d, LocalDate lastDay) {
        if (!"active".equals(d.status())) {
            return Optional.of(new Failure(DRIVER_STATUS, "the driver is " + d.status() + "; only an active driver can be assigned"));
        }
        if (!"A".equals(d.licenseClass()) && !"B".equals(d.licenseClass())) {
            return Optional.of(new Failure(LICENSE_CLASS, "a class " + d.licenseClass()
                    + " licence cannot drive a coach; class A or B is required"));
        }
        if (!d.passengerEndorsement()) {
            return Optional.of(new Failure(PASSENGER_ENDORSEMENT, "the licence has no passenger endorsement"));
        }
        if (d.licenseExpiresOn().isBefore(lastDay)) {
            return Optional.of(new Failure(LICENSE_EXPIRED, "the licence expires on " + d.licenseExpiresOn()
                    + ", before the assignment's last day " + lastDay));
        }
        if (d.medicalCardExpiresOn().isBefore(lastDay)) {
            return Optional.of(new Failure(MEDICAL_CARD_EXPIRED, "the medical card expires on " + d.medicalCardExpiresOn()
                    + ", before the assignment's last day " + lastDay));
        }
        return Optional.empty();
    }
}
