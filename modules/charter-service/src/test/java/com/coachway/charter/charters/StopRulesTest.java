package com.coachway.charter.charters;

import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopRulesTest {
    static final OffsetDateTime PICKUP = OffsetDateTime.parse("2026-06-01T08:00:00-04:00");

    static OffsetDateTime at(String hhmm) {
        return OffsetDateTime.parse("2026-06-01T" + hhmm + ":00-04:00");
    }

    static StopInput stop(Integer seq, String arrive, String depart) {
        return new StopInput(seq, "Stop " + seq, null, null, arrive == null ? null : at(arrive), depart == null ? null : at(depart), null);
    }

    static List<String> fields(List<StopInput> stops, OffsetDateTime returnAt) {
        return StopRules.check(stops, PICKUP, returnAt).stream().map(FieldError::field).toList();
    }

    @Test
    void two_stops_in_order_with_a_return_time_are_fine() {
        assertEquals(List.of(), fields(List.of(stop(1, null, "08:00"), stop(2, "10:00", null)), at("18:00")));
        assertEquals(List.of(), fields(List.of(stop(1, null, null), stop(2, null, null)), at("18:00")));
    }

    @Test
    void sequences_must_run_1_to_n_in_the_order_given() {
        assertEquals(List.of("stops[1].sequence", "stops[2].sequence"),
                fields(List.of(stop(1, null, null), stop(3, null, null), stop(2, null, null)), at("18:00")));
        assertEquals(List.of("stops[1].sequence"), fields(List.of(stop(1, null, null), stop(3, null, null)), at("18:00")));
        assertEquals(List.of("stops[0].sequence", "stops[1].sequence"), fields(List.of(stop(2, null, null), stop(3, null, null)), at("18:00")));
        assertEquals(List.of("stops[1].sequence"), fields(List.of(stop(1, null, null), stop(1, null, null)), at("18:00")));
    }

    @Test
    void a_sequence_that_could_not_be_read_is_not_reported_twice() {
        assertEquals(List.of(), fields(List.of(stop(null, null, null), stop(2, null, null)), at("18:00")));
    }

    @Test
    void a_stop_cannot_leave_before_it_arrives() {
        assertEquals(List.of("stops[1].depart_at"), fields(List.of(stop(1, null, "08:00"), stop(2, "11:00", "10:30")), at("18:00")));
    }

    @Test
    void arriving_at_a_stop_before_leaving_the_previous_one_is_time_going_backwards() {
        var errors = StopRules.check(List.of(stop(1, null, "10:00"), stop(2, "09:30", null)), PICKUP, at("18:00"));
        assertEquals("stops[1].arrive_at", errors.getFirst().field());
        assertTrue(errors.getFirst().message().contains("stops[0].depart_at"), errors.getFirst().message());
    }

    @Test
    void time_going_backwards_across_a_stop_without_times_is_still_caught() {
        assertEquals(List.of("stops[2].arrive_at"),
                fields(List.of(stop(1, null, "10:00"), stop(2, null, null), stop(3, "09:00", null)), at("18:00")));
    }

    @Test
    void no_stop_time_lies_before_pickup() {
        assertEquals(List.of("stops[0].depart_at"), fields(List.of(stop(1, null, "07:59"), stop(2, "10:00", null)), at("18:00")));
    }

    @Test
    void equal_consecutive_times_are_fine() {
        assertEquals(List.of(), fields(List.of(stop(1, "08:00", "08:00"), stop(2, "08:00", "08:00")), at("08:30")));
    }

    @Test
    void the_return_is_after_pickup_and_after_every_stop() {
        assertEquals(List.of("return_at"), fields(List.of(stop(1, null, null), stop(2, null, null)), PICKUP));
        assertEquals(List.of("return_at"), fields(List.of(stop(1, null, null), stop(2, null, null)), at("07:00")));
        assertEquals(List.of("return_at"), fields(List.of(stop(1, null, "08:00"), stop(2, "12:00", null)), at("11:00")));
    }

    @Test
    void without_a_return_time_some_stop_must_say_when_the_charter_ends() {
        assertEquals(List.of("return_at"), fields(List.of(stop(1, null, null), stop(2, null, null)), null));
        assertEquals(List.of("return_at"), fields(List.of(stop(1, null, "08:00"), stop(2, null, null)), null));
        assertEquals(List.of(), fields(List.of(stop(1, null, "08:00"), stop(2, "10:00", null)), null));
    }

    @Test
    void a_charter_lasts_at_most_31_days() {
        var stops = List.of(stop(1, null, null), stop(2, null, null));
        assertEquals(List.of(), fields(stops, PICKUP.plusDays(31)));
        assertEquals(List.of("return_at"), fields(stops, PICKUP.plusDays(31).plusMinutes(1)));
        var longStops = List.of(stop(1, null, null), new StopInput(2, "Far", null, null, PICKUP.plusDays(40), null, null));
        assertEquals(List.of("stops"), fields(longStops, null));
    }

    @Test
    void a_coordinate_needs_its_partner() {
        var onlyLat = new StopInput(1, "A", new BigDecimal("40.7"), null, null, null, null);
        var onlyLon = new StopInput(2, "B", null, new BigDecimal("-74.0"), null, null, null);
        assertEquals(List.of("stops[0].lon", "stops[1].lat"), fields(List.of(onlyLat, onlyLon), at("18:00")));
    }

    @Test
    void the_charter_ends_at_its_return_else_at_its_latest_stop_time() {
        var stops = List.of(stop(1, null, "08:30"), stop(2, "11:00", "12:00"), stop(3, null, null));
        assertEquals(Optional.of(at("20:00")), StopRules.endsAt(PICKUP, at("20:00"), stops));
        assertEquals(Optional.of(at("12:00")), StopRules.endsAt(PICKUP, null, stops));
        assertEquals(Optional.empty(), StopRules.endsAt(PICKUP, null, List.of(stop(1, null, null), stop(2, null, null))));
        assertEquals(Optional.empty(), StopRules.endsAt(PICKUP, PICKUP, stops));
    }
}
