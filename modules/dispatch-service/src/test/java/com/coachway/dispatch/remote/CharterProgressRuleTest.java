package com.coachway.dispatch.remote;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharterProgressRuleTest {
    @Test
    void a_booked_charter_is_confirmed_first() {
        assertEquals(List.of("confirmed", "in_progress"), CharterProgressRule.steps("booked", "in_progress"));
        assertEquals(List.of("in_progress"), CharterProgressRule.steps("confirmed", "in_progress"));
    }

    @Test
    void completion_walks_every_missing_step() {
        assertEquals(List.of("completed"), CharterProgressRule.steps("in_progress", "completed"));
        assertEquals(List.of("in_progress", "completed"), CharterProgressRule.steps("confirmed", "completed"));
        assertEquals(List.of("confirmed", "in_progress", "completed"), CharterProgressRule.steps("booked", "completed"));
    }

    @Test
    void already_there_or_later_is_done() {
        assertEquals(List.of(), CharterProgressRule.steps("in_progress", "in_progress"));
        assertEquals(List.of(), CharterProgressRule.steps("completed", "in_progress"));
        assertEquals(List.of(), CharterProgressRule.steps("completed", "completed"));
    }

    @Test
    void a_cancelled_or_unsold_charter_is_left_alone() {
        assertEquals(List.of(), CharterProgressRule.steps("cancelled", "completed"));
        assertEquals(List.of(), CharterProgressRule.steps("quoted", "in_progress"));
    }
}
