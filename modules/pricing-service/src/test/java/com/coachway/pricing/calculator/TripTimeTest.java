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

    @ParameterizedTest(name = "{0} → {1} touches {2} day(s)")
    @CsvSource({
            "2026-05-01T08:00-04:00, 2026-05-01T23:59-04:00, 1",
            "2026-05-01T08:00-04:00, 2026-05-02T00:00-04:00, 1",
            "2026-05-01T08:00-04:00, 2026-05-02T00:01-04:00, 2",
            "2026-05-01T23:00-04:00, 2026-05-02T01:00-04:00, 2",
            "2026-05-01T08:00-04:00, 2026-05-05T12:00-04:00, 5",
            "2026-05-01T03:00Z, 2026-05-01T05:00Z, 2",
            "2026-05-01T12:00Z, 2026-05-01T20:00Z, 1",
    })
    void days_are_local_calendar_days_touched(String from, String to, int days) {
        assertEquals(days, TripTime.days(OffsetDateTime.parse(from), OffsetDateTime.parse(to), NY));
    }

    @Test
    void the_trip_date_is_the_local_date_of_the_start() {
        assertEquals(LocalDate.parse("2026-04-30"), TripTime.tripDate(OffsetDateTime.parse("2026-05-01T03:59Z"), NY));
        assertEquals(LocalDate.parse("2026-05-01"), TripTime.tripDate(OffsetDateTime.parse("2026-05-01T04:00Z"), NY));
    }
}
