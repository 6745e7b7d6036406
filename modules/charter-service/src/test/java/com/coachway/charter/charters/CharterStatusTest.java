package com.coachway.charter.charters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static com.coachway.charter.charters.CharterStatus.BOOKED;
import static com.coachway.charter.charters.CharterStatus.CANCELLED;
import static com.coachway.charter.charters.CharterStatus.COMPLETED;
import static com.coachway.charter.charters.CharterStatus.CONFIRMED;
import static com.coachway.charter.charters.CharterStatus.INQUIRY;
import static com.coachway.charter.charters.CharterStatus.IN_PROGRESS;
import static com.coachway.charter.charters.CharterStatus.QUOTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharterStatusTest {

    @Test
    void the_lifecycle_runs_forward_one_step_at_a_time() {
        assertEquals(List.of(QUOTED, CANCELLED), INQUIRY.next());
        assertEquals(List.of(BOOKED, CANCELLED), QUOTED.next());
        assertEquals(List.of(CONFIRMED, CANCELLED), BOOKED.next());
        assertEquals(List.of(IN_PROGRESS, CANCELLED), CONFIRMED.next());
        assertEquals(List.of(COMPLETED), IN_PROGRESS.next());
        assertEquals(List.of(), COMPLETED.next());
        assertEquals(List.of(), CANCELLED.next());
    }

    @Test
    void every_pair_outside_the_lifecycle_is_refused() {
        Set<String> allowed = Set.of("inquiry>quoted", "inquiry>cancelled", "quoted>booked", "quoted>cancelled",
                "booked>confirmed", "booked>cancelled", "confirmed>in_progress", "confirmed>cancelled", "in_progress>completed");
        for (CharterStatus from : CharterStatus.values()) {
            for (CharterStatus to : CharterStatus.values()) {
                boolean expected = allowed.contains(from.code() + ">" + to.code());
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
                assertEquals(!expected, from.refusal(to).isPresent(), from + " -> " + to);
            }
        }
    }

    @Test
    void cancelling_is_possible_before_the_trip_starts_and_never_after() {
        for (CharterStatus s : List.of(INQUIRY, QUOTED, BOOKED, CONFIRMED)) assertTrue(s.canMoveTo(CANCELLED), s.code());
        for (CharterStatus s : List.of(IN_PROGRESS, COMPLETED, CANCELLED)) assertFalse(s.canMoveTo(CANCELLED), s.code());
    }

    @ParameterizedTest
    @EnumSource(CharterStatus.class)
    void every_refusal_names_the_current_state(CharterStatus from) {
        for (CharterStatus to : CharterStatus.values()) {
            from.refusal(to).ifPresent(why -> assertTrue(why.contains("is " + from.code()) || why.contains("already " + from.code()), why));
            from.refusalByStatusEndpoint(to).ifPresent(why -> assertTrue(why.contains(from.code()), why));
        }
    }

    @Test
    void quoted_and_booked_come_only_from_quotes_not_from_the_status_endpoint() {
        assertTrue(INQUIRY.refusalByStatusEndpoint(QUOTED).orElseThrow().contains("sending a quote"));
        assertTrue(QUOTED.refusalByStatusEndpoint(BOOKED).orElseThrow().contains("accepting a sent quote"));
        // the constant agrees with the lifecycle: exactly these targets are reachable through the endpoint
        for (CharterStatus to : CharterStatus.values()) {
            boolean reachable = java.util.Arrays.stream(CharterStatus.values()).anyMatch(from -> from.refusalByStatusEndpoint(to).isEmpty());
            assertEquals(CharterStatus.SET_BY_STATUS_ENDPOINT.contains(to), reachable, to.code());
        }
    }

    @Test
    void the_status_endpoint_takes_the_other_steps_of_the_lifecycle() {
        assertTrue(BOOKED.refusalByStatusEndpoint(CONFIRMED).isEmpty());
        assertTrue(CONFIRMED.refusalByStatusEndpoint(IN_PROGRESS).isEmpty());
        assertTrue(IN_PROGRESS.refusalByStatusEndpoint(COMPLETED).isEmpty());
        assertTrue(QUOTED.refusalByStatusEndpoint(CANCELLED).isEmpty());
        assertTrue(INQUIRY.refusalByStatusEndpoint(CONFIRMED).isPresent());
        assertTrue(BOOKED.refusalByStatusEndpoint(COMPLETED).isPresent());
    }

    @Test
    void refusals_say_where_the_charter_can_go() {
        assertEquals("The charter is booked; it can go to confirmed or cancelled, not completed", BOOKED.refusal(COMPLETED).orElseThrow());
        assertEquals("The charter is completed; it cannot change any more", COMPLETED.refusal(CANCELLED).orElseThrow());
        assertEquals("The charter is already confirmed", CONFIRMED.refusal(CONFIRMED).orElseThrow());
    }

    @Test
    void only_completed_and_cancelled_are_closed() {
        for (CharterStatus s : CharterStatus.values()) assertEquals(s == COMPLETED || s == CANCELLED, s.isClosed(), s.code());
    }

    @Test
    void codes_round_trip_and_unknown_codes_are_empty() {
        for (CharterStatus s : CharterStatus.values()) assertEquals(s, CharterStatus.of(s.code()));
        assertEquals("in_progress", IN_PROGRESS.code());
        assertTrue(CharterStatus.fromCode("IN_PROGRESS").isEmpty());
        assertTrue(CharterStatus.fromCode("flying").isEmpty());
    }
}
