package com.coachway.pricing.calculator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TripTimeTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} → {1} is {2} h")
    @CsvSource({
            "2026-05-01T08:00:00-04:00, 2026-05-01T08:00:01-04:00, 0.5",
            "2026-05-01T08:00:00-04:00, 2026-05-01T08:30:00-04:00, 0.5",
            "2026-05-01T08:00:00-04:00, 2026-05-01T08:30:00.000000001-04:00, 1.0",
            "2026-05-01T08:00:00-04:00, 2026-05-01T16:00:00-04:00, 8.0",
            "2026-05-01T08:00:00-04:00, 2026-05-01T16:29:59-04:00, 8.5",
            "2026-11-01T00:00:00-04:00, 2026-11-01T06:00:00-05:00, 7.0",
    })
    void billable_hours_round_up_to_the_half_hour(String from, String to, String hours) {
        assertEquals(new BigDecimal(hours), TripTime.billableHours(OffsetDateTime.parse(from), OffsetDateTime.parse(to)));
    }

    @Test
    void the_trip_date_is_the_local_date_of_the_start() {
        assertEquals(LocalDate.parse("2026-04-30"), TripTime.tripDate(OffsetDateTime.parse("2026-05-01T03:59Z"), NY));
        assertEquals(LocalDate.parse("2026-05-01"), TripTime.tripDate(OffsetDateTime.parse("2026-05-01T04:00Z"), NY));
    }
}
