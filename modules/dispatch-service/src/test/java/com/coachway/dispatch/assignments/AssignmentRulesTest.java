package com.coachway.dispatch.assignments;

import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.ServiceDays;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentRulesTest {
    static final OffsetDateTime SIX = OffsetDateTime.parse("2027-06-01T06:00:00Z");

    static List<String> fields(OffsetDateTime from, OffsetDateTime to, String driving) {
        return AssignmentRules.windowProblems(from, to, driving == null ? null : new BigDecimal(driving)).stream()
                .map(e -> e.field()).toList();
    }

    @Test
    void the_window_must_end_after_it_starts_and_last_at_most_24_hours() {
        assertEquals(List.of("ends_at"), fields(SIX, SIX, null));
        assertEquals(List.of("ends_at"), fields(SIX, SIX.minusMinutes(1), null));
        assertEquals(List.of(), fields(SIX, SIX.plusHours(24), null));
        assertEquals(List.of("ends_at"), fields(SIX, SIX.plusHours(24).plusMinutes(1), null));
    }

    @Test
    void driving_hours_fit_in_the_window() {
        assertEquals(List.of(), fields(SIX, SIX.plusHours(4), "4"));
        assertEquals(List.of("driving_hours"), fields(SIX, SIX.plusHours(4), "4.01"));
    }

    @Test
    void driving_is_the_whole_window_unless_given() {
        assertEquals(Duration.ofMinutes(601), AssignmentRules.driving(SIX, SIX.plusMinutes(601), null));
        assertEquals(Duration.ofMinutes(90), AssignmentRules.driving(SIX, SIX.plusHours(4), new BigDecimal("1.5")));
    }

    @Test
    void a_part_of_a_window_keeps_the_driving_that_fits() {
        assertEquals(new BigDecimal("3"), AssignmentRules.drivingWithin(new BigDecimal("3"), SIX, SIX.plusHours(5)));
        assertEquals(new BigDecimal("1.33"), AssignmentRules.drivingWithin(new BigDecimal("3"), SIX, SIX.plusMinutes(80)));
        assertEquals(null, AssignmentRules.drivingWithin(null, SIX, SIX.plusHours(1)));
    }

    @Test
    void only_trips_that_have_not_departed_can_be_cancelled() {
        for (String s : List.of("scheduled", "en_route", "arrived_pickup")) assertEquals(Optional.empty(), AssignmentRules.cancelRefusal(s));
        assertTrue(AssignmentRules.cancelRefusal("departed").orElseThrow().contains("recovery"));
        assertTrue(AssignmentRules.cancelRefusal("completed").orElseThrow().contains("completed"));
        assertTrue(AssignmentRules.cancelRefusal("cancelled").orElseThrow().contains("cancelled"));
    }

    @Test
    void the_last_day_is_the_local_day_the_window_ends_in() {
        var ny = ZoneId.of("America/New_York");
        var s = new DutySettings(Cycle.SEVENTY_IN_EIGHT, new ServiceDays(ny, LocalTime.of(4, 0)), ny);
        // 22:00–02:00 New York time ends on the next day
        assertEquals(LocalDate.parse("2027-06-02"), s.lastDay(OffsetDateTime.parse("2027-06-01T22:00:00-04:00"),
                OffsetDateTime.parse("2027-06-02T02:00:00-04:00")));
        // a window ending exactly at midnight ends on the day before (its last instant is 23:59:59…)
        assertEquals(LocalDate.parse("2027-06-01"), s.lastDay(OffsetDateTime.parse("2027-06-01T18:00:00-04:00"),
                OffsetDateTime.parse("2027-06-02T00:00:00-04:00")));
        // 01:00Z is still 21:00 the day before in New York
        assertEquals(LocalDate.parse("2027-06-01"), s.lastDay(OffsetDateTime.parse("2027-06-01T20:00:00Z"),
                OffsetDateTime.parse("2027-06-02T01:00:00Z")));
    }
}
