package com.coachway.hos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceDaysTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    /**
     * With the day starting at 00:00 service days are calendar days: those rows are the cases this
     * test held before SERVICE_DAY_START, with their old answers. The 04:00 rows are the default.
     */
    @ParameterizedTest(name = "day from {0}: {1} → {2} touches {3} day(s)")
    @CsvSource({
            "00:00, 2026-05-01T08:00-04:00, 2026-05-01T23:59-04:00, 1",
            "00:00, 2026-05-01T08:00-04:00, 2026-05-02T00:00-04:00, 1",
            "00:00, 2026-05-01T08:00-04:00, 2026-05-02T00:01-04:00, 2",
            "00:00, 2026-05-01T23:00-04:00, 2026-05-02T01:00-04:00, 2",
            "00:00, 2026-05-01T08:00-04:00, 2026-05-05T12:00-04:00, 5",
            "00:00, 2026-05-01T03:00Z, 2026-05-01T05:00Z, 2",
            "00:00, 2026-05-01T12:00Z, 2026-05-01T20:00Z, 1",
            // the same trips on 04:00 service days: a night belongs to the day it began
            "04:00, 2026-05-01T08:00-04:00, 2026-05-01T23:59-04:00, 1",
            "04:00, 2026-05-01T08:00-04:00, 2026-05-02T00:00-04:00, 1",
            "04:00, 2026-05-01T08:00-04:00, 2026-05-02T00:01-04:00, 1",
            "04:00, 2026-05-01T23:00-04:00, 2026-05-02T01:00-04:00, 1",
            "04:00, 2026-05-01T08:00-04:00, 2026-05-05T12:00-04:00, 5",
            "04:00, 2026-05-01T03:00Z, 2026-05-01T05:00Z, 1",
            "04:00, 2026-05-01T12:00Z, 2026-05-01T20:00Z, 1",
            // the 04:00 boundary itself, exclusive at the end
            "04:00, 2026-05-01T19:30-04:00, 2026-05-02T01:30-04:00, 1",
            "04:00, 2026-05-01T20:00-04:00, 2026-05-02T04:00-04:00, 1",
            "04:00, 2026-05-01T20:00-04:00, 2026-05-02T04:01-04:00, 2",
            "04:00, 2026-05-02T03:59-04:00, 2026-05-02T04:01-04:00, 2",
            "04:00, 2026-05-02T04:00-04:00, 2026-05-02T05:00-04:00, 1",
            "04:00, 2026-05-01T08:00-04:00, 2026-05-03T04:00-04:00, 2",
            // a later start, e.g. 05:30
            "05:30, 2026-05-01T20:00-04:00, 2026-05-02T05:00-04:00, 1",
            "05:30, 2026-05-01T20:00-04:00, 2026-05-02T05:31-04:00, 2",
    })
    void days_are_the_service_days_touched(String dayStart, String from, String to, int days) {
        var serviceDays = new ServiceDays(NY, LocalTime.parse(dayStart));
        assertEquals(days, serviceDays.touched(OffsetDateTime.parse(from), OffsetDateTime.parse(to)));
    }

    @Test
    void an_instant_before_the_day_start_belongs_to_the_day_before() {
        var days = new ServiceDays(NY, LocalTime.of(4, 0));
        assertEquals(LocalDate.parse("2026-05-01"), days.dayOf(Instant.parse("2026-05-02T07:59:59Z")));
        assertEquals(LocalDate.parse("2026-05-02"), days.dayOf(Instant.parse("2026-05-02T08:00:00Z")));
        assertEquals(Instant.parse("2026-05-02T08:00:00Z"), days.startOf(LocalDate.parse("2026-05-02")));
    }

    @Test
    void the_days_around_a_dst_change_keep_their_04_00_start() {
        var days = new ServiceDays(NY, LocalTime.of(4, 0));
        // Mar 7 starts at 04:00 EST (09:00Z) and ends at 04:00 EDT on Mar 8 (08:00Z): a 23-hour day
        assertEquals(Instant.parse("2026-03-07T09:00:00Z"), days.startOf(LocalDate.parse("2026-03-07")));
        assertEquals(Instant.parse("2026-03-08T08:00:00Z"), days.startOf(LocalDate.parse("2026-03-08")));
        assertEquals(LocalDate.parse("2026-03-07"), days.dayOf(Instant.parse("2026-03-08T07:59:59Z")));
        assertEquals(LocalDate.parse("2026-03-08"), days.dayOf(Instant.parse("2026-03-08T08:00:00Z")));
        // in November the day is 25 hours: 04:00 EDT Oct 31 (08:00Z) to 04:00 EST Nov 1 (09:00Z)
        assertEquals(LocalDate.parse("2026-10-31"), days.dayOf(Instant.parse("2026-11-01T08:59:59Z")));
        assertEquals(LocalDate.parse("2026-11-01"), days.dayOf(Instant.parse("2026-11-01T09:00:00Z")));
    }
}
