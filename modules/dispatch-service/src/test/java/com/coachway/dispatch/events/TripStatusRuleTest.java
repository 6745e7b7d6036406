package com.coachway.dispatch.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripStatusRuleTest {
    static String moved(String current, String type) {
        return assertInstanceOf(TripStatusRule.Moved.class, TripStatusRule.apply(current, type)).status();
    }

    static String refused(String current, String type) {
        return assertInstanceOf(TripStatusRule.Refused.class, TripStatusRule.apply(current, type)).detail();
    }

    @Test
    void the_trip_moves_one_step_at_a_time() {
        assertEquals("en_route", moved("scheduled", "en_route"));
        assertEquals("arrived_pickup", moved("en_route", "arrived_pickup"));
        assertEquals("departed", moved("arrived_pickup", "departed"));
        assertEquals("arrived_destination", moved("departed", "arrived_destination"));
        assertEquals("completed", moved("arrived_destination", "completed"));
    }

    @Test
    void delay_and_incident_do_not_move_it() {
        for (String s : List.of("scheduled", "en_route", "arrived_pickup", "departed", "arrived_destination")) {
            assertEquals(s, moved(s, "delay"));
            assertEquals(s, moved(s, "incident"));
        }
    }

    @Test
    void skipping_going_back_or_repeating_is_refused_naming_the_current_status() {
        assertTrue(refused("scheduled", "departed").startsWith("The assignment is scheduled"));
        assertTrue(refused("departed", "en_route").contains("departed"));
        assertTrue(refused("en_route", "en_route").contains("next is arrived_pickup"));
        assertTrue(refused("scheduled", "completed").contains("scheduled"));
    }

    @Test
    void a_finished_assignment_takes_no_events() {
        for (String type : List.of("en_route", "delay", "incident", "completed")) {
            assertTrue(refused("completed", type).contains("completed"));
            assertTrue(refused("cancelled", type).contains("cancelled"));
        }
    }

    @Test
    void delay_minutes_go_with_a_delay_only_and_lat_with_lon() {
        assertEquals(List.of("delay_minutes"), TripStatusRule.inputProblems("delay", null, null, null).stream().map(e -> e.field()).toList());
        assertEquals(List.of("delay_minutes"), TripStatusRule.inputProblems("incident", 5, null, null).stream().map(e -> e.field()).toList());
        assertEquals(List.of("lon"), TripStatusRule.inputProblems("incident", null, 40.0, null).stream().map(e -> e.field()).toList());
        assertEquals(List.of(), TripStatusRule.inputProblems("delay", 15, 40.0, -73.0));
    }

    @Test
    void departed_and_completed_move_the_charter() {
        assertEquals(Optional.of("in_progress"), TripStatusRule.charterStatusFor("departed"));
        assertEquals(Optional.of("completed"), TripStatusRule.charterStatusFor("completed"));
        assertEquals(Optional.empty(), TripStatusRule.charterStatusFor("arrived_destination"));
    }
}
