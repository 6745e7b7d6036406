package com.coachway.dispatch.assignments;

import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.ServiceDays;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hours of service on planned assignments, each case computed by hand. Service days are UTC
 * calendar days here; driving is the whole window unless a case gives driving hours.
 */
class DutyRuleTest {
    static final DutySettings SEVENTY = new DutySettings(Cycle.SEVENTY_IN_EIGHT, new ServiceDays(ZoneOffset.UTC, LocalTime.MIDNIGHT),
            ZoneOffset.UTC);
    static final DutySettings SIXTY = new DutySettings(Cycle.SIXTY_IN_SEVEN, new ServiceDays(ZoneOffset.UTC, LocalTime.MIDNIGHT),
            ZoneOffset.UTC);

    /** A period on a June 2027 day, UTC; driving null = the whole window. */
    static DutyRule.Period p(int day, String from, int endDay, String to, String driving) {
        return new DutyRule.Period(UUID.randomUUID(), OffsetDateTime.parse("2027-06-%02dT%s:00Z".formatted(day, from)),
                OffsetDateTime.parse("2027-06-%02dT%s:00Z".formatted(endDay, to)), driving == null ? null : new BigDecimal(driving));
    }

    static DutyRule.Period p(int day, String from, String to) {
        return p(day, from, day, to, null);
    }

    static Optional<String> rule(List<DutyRule.Period> others, DutyRule.Period added, DutySettings s) {
        return DutyRule.check(others, added, s).map(DutyRule.Refusal::rule);
    }

    static Optional<String> rule(List<DutyRule.Period> others, DutyRule.Period added) {
        return rule(others, added, SEVENTY);
    }

    // ---- 10 hours of driving after 8 consecutive hours off ----

    @Test
    void exactly_ten_hours_of_driving_is_allowed() {
        assertEquals(Optional.empty(), rule(List.of(), p(1, "06:00", "16:00")));
    }

    @Test
    void ten_hours_and_one_minute_of_driving_is_refused() {
        assertEquals(Optional.of("driving_10_hours"), rule(List.of(), p(1, "06:00", "16:01")));
    }

    @Test
    void driving_hours_below_the_window_count_instead_of_the_window() {
        // 12 h on duty, 10 h of it driving: within both limits
        assertEquals(Optional.empty(), rule(List.of(), p(1, "06:00", 1, "18:00", "10")));
        assertEquals(Optional.of("driving_10_hours"), rule(List.of(), p(1, "06:00", 1, "18:00", "10.02")));
    }

    @Test
    void eight_hours_off_reset_the_driving_count() {
        // 8 h driving 06:00–14:00, then exactly 8 h off, then 4 h: a new shift, 4 h driven
        assertEquals(Optional.empty(), rule(List.of(p(1, "06:00", "14:00")), p(1, "22:00", 2, "02:00", null)));
    }

    @Test
    void seven_hours_fifty_nine_minutes_off_do_not_reset_it() {
        // the same after 7 h 59 min off: 8 h + 4 h = 12 h of driving in one shift
        assertEquals(Optional.of("driving_10_hours"), rule(List.of(p(1, "06:00", "14:00")), p(1, "21:59", 2, "01:59", null)));
    }

    // ---- 15 hours on duty ----

    @Test
    void driving_up_to_the_fifteenth_hour_on_duty_is_allowed() {
        // 8 h on duty (2 h driving) 06:00–14:00, 1 h off, then 7 h driving: on duty 8 + 7 = exactly 15 h, driving 9 h
        assertEquals(Optional.empty(), rule(List.of(p(1, "06:00", 1, "14:00", "2")), p(1, "15:00", "22:00")));
    }

    @Test
    void driving_past_the_fifteenth_hour_on_duty_is_refused() {
        // one minute more: 7 h 01 min of driving with 8 h on duty before it; driving 9 h 01 min is still under 10
        assertEquals(Optional.of("on_duty_15_hours"), rule(List.of(p(1, "06:00", 1, "14:00", "2")), p(1, "15:00", "22:01")));
    }

    // ---- 70 hours in 8 days (60 in 7), no 34-hour restart ----

    /** Days 2–7 10 h each (60 h) and day 1 {@code day1} h (from 06:00). */
    static List<DutyRule.Period> week(String day1End) {
        var out = new ArrayList<DutyRule.Period>();
        out.add(p(1, "06:00", day1End));
        for (int d = 2; d <= 7; d++) out.add(p(d, "06:00", "16:00"));
        return out;
    }

    @Test
    void driving_up_to_seventy_hours_in_eight_days_is_allowed() {
        // 9 h + 6 × 10 h = 69 h on days 1–7; 1 h on day 8 makes exactly 70
        assertEquals(Optional.empty(), rule(week("15:00"), p(8, "06:00", "07:00")));
    }

    @Test
    void driving_past_seventy_hours_in_eight_days_is_refused() {
        assertEquals(Optional.of("on_duty_70_hours_8_days"), rule(week("15:00"), p(8, "06:00", "07:01")));
    }

    @Test
    void the_eight_days_move_on_a_day_later() {
        // days 1–7 at 10 h = 70 h; day 9's window is days 2–9: 60 h, so 10 h fit
        assertEquals(Optional.empty(), rule(week("16:00"), p(9, "06:00", "16:00")));
        // day 8's window still holds days 1–7
        assertEquals(Optional.of("on_duty_70_hours_8_days"), rule(week("16:00"), p(8, "20:00", "21:00")));
    }

    @Test
    void there_is_no_34_hour_restart_for_passenger_carriers() {
        // days 1–5: 14 h on duty (10 h driving) each = 70 h; then 38 h off (day 5 20:00 → day 7 10:00).
        // A property carrier's 34-hour restart would clear the 70 h; a passenger carrier's does not.
        var days = new ArrayList<DutyRule.Period>();
        for (int d = 1; d <= 5; d++) days.add(p(d, "06:00", d, "20:00", "10"));
        assertEquals(Optional.of("on_duty_70_hours_8_days"), rule(days, p(7, "10:00", "11:00")));
    }

    @Test
    void sixty_in_seven_is_the_limit_with_that_cycle() {
        // days 2–7 at 10 h = 60 h: on day 8 (window days 2–8) nothing is left
        var six = week("06:01").subList(1, 7);
        assertEquals(Optional.of("on_duty_60_hours_7_days"), rule(six, p(8, "06:00", "06:01"), SIXTY));
        // with 70_8 the same day has 10 h left
        assertEquals(Optional.empty(), rule(six, p(8, "06:00", "16:00"), SEVENTY));
    }

    // ---- what is blamed ----

    @Test
    void an_assignment_that_breaks_a_later_one_is_refused_naming_it() {
        var later = p(8, "06:00", "07:00");
        var others = new ArrayList<>(week("06:00").subList(1, 7));
        others.add(later);
        // days 2–7 (60 h) and day 8's 1 h: day 1 may take 9 h (69 + 1 = 70 by day 8) but not 9 h 01 min
        assertEquals(Optional.empty(), rule(others, p(1, "06:00", "15:00")));
        var refusal = DutyRule.check(others, p(1, "06:00", "15:01"), SEVENTY).orElseThrow();
        assertEquals("on_duty_70_hours_8_days", refusal.rule());
        assertTrue(refusal.detail().contains(later.id().toString()), refusal.detail());
    }

    @Test
    void a_violation_that_was_there_before_is_not_blamed_on_a_new_assignment() {
        // 11 h of driving recorded earlier (before a rule change, say); a new trip two weeks later is fine
        assertEquals(Optional.empty(), rule(List.of(p(1, "06:00", "17:00")), p(20, "06:00", "10:00")));
    }
}
