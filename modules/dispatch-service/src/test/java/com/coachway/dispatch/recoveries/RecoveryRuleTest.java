package com.coachway.dispatch.recoveries;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryRuleTest {
    static final UUID VEHICLE = UUID.randomUUID();

    static RecoveryRule.Change change(UUID vehicle, String status) {
        return new RecoveryRule.Change(vehicle, null, status, false, null);
    }

    static List<String> problems(RecoveryRule.Change c) {
        return RecoveryRule.inputProblems(c).stream().map(e -> e.field()).toList();
    }

    @Test
    void a_replacement_without_a_status_dispatches() {
        assertEquals("dispatched", change(VEHICLE, null).targetStatus());
        assertEquals(List.of(), problems(change(VEHICLE, null)));
    }

    @Test
    void dispatched_needs_a_replacement_and_resolved_takes_none() {
        assertEquals(List.of("replacement_vehicle_id"), problems(change(null, "dispatched")));
        assertEquals(List.of("status"), problems(change(VEHICLE, "resolved")));
        assertEquals(List.of("status"), problems(change(null, null)));
        assertEquals(List.of(), problems(new RecoveryRule.Change(null, null, null, true, "towed to the depot")));
    }

    @Test
    void open_goes_to_dispatched_or_resolved_and_dispatched_to_resolved() {
        assertEquals(Optional.empty(), RecoveryRule.refusal("open", change(VEHICLE, "dispatched")));
        assertEquals(Optional.empty(), RecoveryRule.refusal("open", change(null, "resolved")));
        assertEquals(Optional.empty(), RecoveryRule.refusal("dispatched", change(null, "resolved")));
    }

    @Test
    void a_replacement_is_sent_once_and_resolved_is_final() {
        assertTrue(RecoveryRule.refusal("dispatched", change(VEHICLE, null)).orElseThrow().contains("dispatched"));
        assertTrue(RecoveryRule.refusal("resolved", change(null, "resolved")).orElseThrow().contains("resolved"));
        assertTrue(RecoveryRule.refusal("resolved", new RecoveryRule.Change(null, null, null, true, "x")).isPresent());
    }
}
