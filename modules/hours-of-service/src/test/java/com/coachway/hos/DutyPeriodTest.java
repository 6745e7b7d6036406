package com.coachway.hos;

import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.HoursOfService.DutyPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Driving given to the minute (dispatch's planned windows), not as a decimal number of hours. */
class DutyPeriodTest {
    static final OffsetDateTime SIX = OffsetDateTime.parse("2026-05-01T06:00:00-04:00");

    static List<String> rules(DutyPeriod p) {
        return HoursOfService.check(List.of(p), Cycle.SEVENTY_IN_EIGHT, HoursOfServiceTest.DAYS).violations().stream()
                .map(HoursOfService.Violation::rule).toList();
    }

    @Test
    void exactly_ten_hours_of_driving_as_a_duration_is_compliant() {
        assertEquals(List.of(), rules(DutyPeriod.of(SIX, SIX.plusHours(10), Duration.ofHours(10))));
    }

    @Test
    void ten_hours_and_one_minute_of_driving_as_a_duration_violates() {
        assertEquals(List.of("driving_10_hours"), rules(DutyPeriod.of(SIX, SIX.plusMinutes(601), Duration.ofMinutes(601))));
    }

    @Test
    void hours_that_are_no_exact_decimal_count_to_the_nearest_second() {
        // 10 h 1 min written as 10.0167 h is 10 h 1 min 0.12 s: still over the limit, and no ArithmeticException
        assertEquals(List.of("driving_10_hours"), rules(new DutyPeriod(SIX, SIX.plusHours(11), new BigDecimal("10.0167"))));
        // 9.99999 h is 9 h 59 min 59.964 s, which rounds to 36000 s: exactly the limit
        assertEquals(List.of(), rules(new DutyPeriod(SIX, SIX.plusHours(11), new BigDecimal("9.99999"))));
    }
}
