package com.coachway.charter.charters;

import com.coachway.charter.remote.VehicleType;
import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityRuleTest {
    static final Map<String, VehicleType> TYPES = Map.of(
            "sprinter_14", new VehicleType("sprinter_14", "Sprinter", 14, true),
            "coach_56", new VehicleType("coach_56", "Coach", 56, true),
            "limo_8", new VehicleType("limo_8", "Limo", 8, false));

    @Test
    void each_vehicle_asked_for_becomes_one_line_with_its_types_capacity() {
        var lines = CapacityRule.expand(List.of(new VehicleRequest("coach_56", 2), new VehicleRequest("sprinter_14", 1)), TYPES);
        assertEquals(List.of(), lines.errors());
        assertEquals(List.of(new CapacityRule.Line("coach_56", 56), new CapacityRule.Line("coach_56", 56),
                new CapacityRule.Line("sprinter_14", 14)), lines.lines());
    }

    @Test
    void unknown_and_inactive_types_are_named_by_their_position() {
        var lines = CapacityRule.expand(List.of(new VehicleRequest("coach_56", 1), new VehicleRequest("zeppelin", 1),
                new VehicleRequest("limo_8", 1)), TYPES);
        assertEquals(List.of("vehicles[1].vehicle_type", "vehicles[2].vehicle_type"), lines.errors().stream().map(FieldError::field).toList());
        assertTrue(lines.errors().getFirst().message().contains("coach_56"), "lists the known types");
    }

    @Test
    void requests_that_could_not_be_read_are_skipped_not_reported_again() {
        var lines = CapacityRule.expand(List.of(new VehicleRequest(null, 1), new VehicleRequest("coach_56", null)), TYPES);
        assertEquals(List.of(), lines.errors());
        assertEquals(List.of(), lines.lines());
    }

    @Test
    void at_most_fifty_vehicles_in_all() {
        var ok = CapacityRule.expand(List.of(new VehicleRequest("coach_56", 20), new VehicleRequest("coach_56", 20),
                new VehicleRequest("sprinter_14", 10)), TYPES);
        assertEquals(List.of(), ok.errors());
        assertEquals(50, ok.lines().size());
        var tooMany = CapacityRule.expand(List.of(new VehicleRequest("coach_56", 20), new VehicleRequest("coach_56", 20),
                new VehicleRequest("sprinter_14", 11)), TYPES);
        assertEquals(List.of("vehicles"), tooMany.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void passengers_fit_up_to_the_sum_of_the_seats() {
        assertEquals(List.of(), CapacityRule.check(126, List.of(56, 56, 14)));
        assertEquals(List.of(), CapacityRule.check(1, List.of(14)));
        var errors = CapacityRule.check(127, List.of(56, 56, 14));
        assertEquals(List.of("passenger_count"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.getFirst().message().contains("126 seats"), errors.getFirst().message());
        assertEquals(List.of("passenger_count"), CapacityRule.check(1, List.of()).stream().map(FieldError::field).toList());
    }
}
