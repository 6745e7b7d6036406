package com.coachway.dispatch.drivers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QualificationRuleTest {
    static final LocalDate LAST_DAY = LocalDate.parse("2027-06-01");

    static Driver driver(String status, String licenseClass, boolean endorsed, String licenseExpires, String medicalExpires) {
        return new Driver(UUID.randomUUID(), "Dana", null, null, null, "D1", "NY", licenseClass, endorsed,
                LocalDate.parse(licenseExpires), LocalDate.parse(medicalExpires), status, 1, null, null);
    }

    static Optional<String> rule(Driver d) {
        return QualificationRule.check(d, LAST_DAY).map(QualificationRule.Failure::rule);
    }

    @Test
    void an_active_class_a_or_b_endorsed_driver_with_valid_papers_qualifies() {
        assertEquals(Optional.empty(), rule(driver("active", "A", true, "2030-01-01", "2030-01-01")));
        assertEquals(Optional.empty(), rule(driver("active", "B", true, "2030-01-01", "2030-01-01")));
    }

    @Test
    void papers_expiring_on_the_last_day_are_valid_all_that_day() {
        assertEquals(Optional.empty(), rule(driver("active", "A", true, "2027-06-01", "2027-06-01")));
    }

    @Test
    void a_licence_expiring_the_day_before_the_last_day_fails() {
        assertEquals(Optional.of("license_expired"), rule(driver("active", "A", true, "2027-05-31", "2030-01-01")));
    }

    @Test
    void a_medical_card_expiring_the_day_before_the_last_day_fails() {
        assertEquals(Optional.of("medical_card_expired"), rule(driver("active", "A", true, "2030-01-01", "2027-05-31")));
    }

    @Test
    void a_class_c_licence_fails() {
        assertEquals(Optional.of("license_class"), rule(driver("active", "C", true, "2030-01-01", "2030-01-01")));
    }

    @Test
    void no_passenger_endorsement_fails() {
        assertEquals(Optional.of("passenger_endorsement"), rule(driver("active", "A", false, "2030-01-01", "2030-01-01")));
    }

    @Test
    void an_inactive_or_suspended_driver_fails() {
        assertEquals(Optional.of("driver_status"), rule(driver("inactive", "A", true, "2030-01-01", "2030-01-01")));
        assertEquals(Optional.of("driver_status"), rule(driver("suspended", "A", true, "2030-01-01", "2030-01-01")));
    }

    @Test
    void the_first_failed_rule_is_named_in_a_fixed_order() {
        assertEquals(Optional.of("driver_status"), rule(driver("suspended", "C", false, "2020-01-01", "2020-01-01")));
        assertEquals(Optional.of("license_class"), rule(driver("active", "C", false, "2020-01-01", "2020-01-01")));
    }
}
