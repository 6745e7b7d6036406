package com.coachway.hos;

import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.HoursOfService.DutyPeriod;
import com.coachway.hos.HoursOfService.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoursOfServiceTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    /** SERVICE_DAY_START's default: the carrier's 24-hour periods begin at 04:00. */
    static final ServiceDays DAYS = new ServiceDays(NY, LocalTime.of(4, 0));
    static final ServiceDays CALENDAR_DAYS = new ServiceDays(NY, LocalTime.MIDNIGHT);

    /** A period on a May 2026 day, local times (EDT). */
    static DutyPeriod p(int day, String from, int endDay, String to, String driving) {
        return new DutyPeriod(OffsetDateTime.parse("2026-05-%02dT%s:00-04:00".formatted(day, from)),
                OffsetDateTime.parse("2026-05-%02dT%s:00-04:00".formatted(endDay, to)), new BigDecimal(driving));
    }

    static DutyPeriod p(int day, String from, String to, String driving) {
        return p(day, from, day, to, driving);
    }

    static List<String> rules(List<DutyPeriod> periods, Cycle cycle, ServiceDays days) {
        return HoursOfService.check(periods, cycle, days).violations().stream().map(v -> v.rule() + "@" + v.period()).toList();
    }

    static List<String> rules(List<DutyPeriod> periods, Cycle cycle) {
        return rules(periods, cycle, DAYS);
    }

    static List<String> rules(List<DutyPeriod> periods) {
        return rules(periods, Cycle.SIXTY_IN_SEVEN);
    }

    // ---- 10 hours of driving after 8 consecutive hours off ----

    @Test
    void up_to_ten_hours_of_driving_in_a_shift_is_compliant() {
        assertEquals(List.of(), rules(List.of(p(1, "06:00", "16:00", "9"))));
        assertEquals(List.of(), rules(List.of(p(1, "06:00", "18:00", "10"))));
        assertTrue(HoursOfService.check(List.of(p(1, "06:00", "18:00", "10")), Cycle.SIXTY_IN_SEVEN, DAYS).compliant());
    }

    @Test
    void more_than_ten_hours_of_driving_in_one_period_violates() {
        assertEquals(List.of("driving_10_hours@0"), rules(List.of(p(1, "06:00", "18:00", "10.5"))));
    }

    @Test
    void a_break_shorter_than_eight_hours_does_not_reset_the_driving_count() {
        assertEquals(List.of("driving_10_hours@1"), rules(List.of(p(1, "06:00", "12:00", "6"), p(1, "14:00", "20:00", "5"))));
        assertEquals(List.of("driving_10_hours@1"), rules(List.of(p(1, "06:00", "14:00", "8"), p(1, "21:59", 2, "05:00", "3"))));
    }

    @Test
    void eight_consecutive_hours_off_start_a_new_shift() {
        assertEquals(List.of(), rules(List.of(p(1, "06:00", "14:00", "8"), p(1, "22:00", 2, "05:00", "6"))));
    }

    // ---- no driving after 15 hours on duty ----

    @Test
    void driving_that_fits_before_the_fifteenth_hour_on_duty_is_compliant() {
        assertEquals(List.of(), rules(List.of(p(1, "05:00", "17:00", "2"), p(1, "18:00", "22:00", "3"))));
    }

    @Test
    void driving_that_cannot_fit_before_the_fifteenth_hour_on_duty_violates() {
        // 12 h on duty, then 3.5 h of driving with only 3 h left
        assertEquals(List.of("on_duty_15_hours@1"), rules(List.of(p(1, "05:00", "17:00", "2"), p(1, "18:00", "22:00", "3.5"))));
    }

    @Test
    void on_duty_work_past_fifteen_hours_without_driving_is_allowed() {
        assertEquals(List.of(), rules(List.of(p(1, "05:00", "17:00", "2"), p(1, "17:30", "21:30", "0"))));
    }

    @Test
    void off_duty_breaks_do_not_count_toward_the_fifteen_hours() {
        // an 18-hour day with 15 h on duty and 9 h of driving
        assertEquals(List.of(), rules(List.of(p(1, "05:00", "11:00", "4"), p(1, "13:00", "19:00", "4"), p(1, "20:00", "23:00", "1"))));
    }

    // ---- 60 hours in 7 days, 70 in 8 ----

    static List<DutyPeriod> days(int first, int count) {
        var out = new ArrayList<DutyPeriod>();
        for (int d = first; d < first + count; d++) out.add(p(d, "07:00", "16:00", "8"));
        return out;
    }

    @Test
    void six_nine_hour_days_then_a_seventh_breaks_sixty_in_seven() {
        // 54 h on duty in days 1-6 leaves 6 h; the 8 h of driving on day 7 cannot fit
        assertEquals(List.of("on_duty_60_hours_7_days@6"), rules(days(1, 7)));
    }

    @Test
    void the_same_week_is_within_seventy_in_eight() {
        assertEquals(List.of(), rules(days(1, 7), Cycle.SEVENTY_IN_EIGHT));
    }

    @Test
    void an_eighth_nine_hour_day_breaks_seventy_in_eight() {
        // 63 h in days 1-7 leaves 7 h for 8 h of driving
        assertEquals(List.of("on_duty_70_hours_8_days@7"), rules(days(1, 8), Cycle.SEVENTY_IN_EIGHT));
        assertEquals(List.of("on_duty_60_hours_7_days@6", "on_duty_60_hours_7_days@7"), rules(days(1, 8)));
    }

    @Test
    void the_seven_day_window_slides_past_old_duty() {
        var periods = new ArrayList<>(days(1, 6));
        periods.add(p(8, "07:00", "16:00", "8")); // day 7 off: days 2-8 hold 45 h before day 8
        assertEquals(List.of(), rules(periods));
    }

    @Test
    void the_seven_days_are_service_days_so_night_duty_counts_to_the_day_it_began() {
        // 54 h on days 1-6, then 7 h of driving from 01:00 on day 8. 01:00 is still service day 7,
        // so the window is service days 1-7 from 04:00 on day 1: 54 h before, 6 h left for 7 h → violation.
        var periods = new ArrayList<>(days(1, 6));
        periods.add(p(8, "01:00", "08:00", "7"));
        assertEquals(List.of("on_duty_60_hours_7_days@6"), rules(periods));
        // on calendar days 01:00 would be day 8, whose window (days 2-8) holds 45 h: 15 h left
        assertEquals(List.of(), rules(periods, Cycle.SIXTY_IN_SEVEN, CALENDAR_DAYS));
    }

    // ---- input handling ----

    @Test
    void periods_in_any_order_are_judged_in_time_order_and_named_by_their_index() {
        var ordered = List.of(p(1, "06:00", "12:00", "6"), p(1, "14:00", "20:00", "5"));
        var reversed = List.of(ordered.get(1), ordered.get(0));
        assertEquals(List.of("driving_10_hours@0"), rules(reversed));
    }

    @Test
    void overlapping_periods_are_found() {
        var periods = List.of(p(1, "06:00", "12:00", "6"), p(2, "06:00", "08:00", "1"), p(1, "11:00", "13:00", "1"));
        assertEquals(Map.of(2, 0), HoursOfService.overlaps(periods));
        assertEquals(Map.of(), HoursOfService.overlaps(List.of(p(1, "06:00", "12:00", "6"), p(1, "12:00", "13:00", "1"))));
    }

    @Test
    void a_violation_explains_the_numbers() {
        var v = HoursOfService.check(List.of(p(1, "06:00", "12:00", "6"), p(1, "14:00", "20:00", "5")), Cycle.SIXTY_IN_SEVEN, DAYS)
                .violations();
        assertEquals(List.of(new Violation("driving_10_hours", 1,
                "11 h of driving since the last 8 consecutive hours off duty; the limit is 10 h")), v);
    }
}
