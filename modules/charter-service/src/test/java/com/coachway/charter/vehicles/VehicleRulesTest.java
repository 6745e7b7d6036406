package com.coachway.charter.vehicles;

import com.coachway.common.http.Json;
import com.coachway.common.http.contract.Contract;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VehicleRulesTest {
    @Test
    void plates_are_compared_in_upper_case_with_single_spaces() {
        assertEquals("ABC 123", VehicleRules.normalizePlate("  abc   123 "));
        assertEquals("NY-7788", VehicleRules.normalizePlate("ny-7788"));
        assertTrue(VehicleRules.plateProblem("ABC 123").isEmpty());
        assertTrue(VehicleRules.plateProblem("-ABC").isPresent());
        assertTrue(VehicleRules.plateProblem("ABC_123").isPresent());
        assertTrue(VehicleRules.plateProblem("ABCDEFGHIJKLMNOP").isPresent());
    }

    @Test
    void vins_are_seventeen_characters_without_i_o_or_q() {
        assertTrue(VehicleRules.vinProblem(VehicleRules.normalizeVin("1m8gdm9axkp042788")).isEmpty());
        assertTrue(VehicleRules.vinProblem("1M8GDM9AXKP04278").isPresent(), "16 characters");
        assertTrue(VehicleRules.vinProblem("1M8GDM9AXKP0427888").isPresent(), "18 characters");
        assertTrue(VehicleRules.vinProblem("1M8GDM9AXKP04278O").isPresent(), "O");
        assertTrue(VehicleRules.vinProblem("IM8GDM9AXKP042788").isPresent(), "I");
        assertTrue(VehicleRules.vinProblem("QM8GDM9AXKP042788").isPresent(), "Q");
        assertTrue(VehicleRules.vinProblem("1M8GDM9AX P042788").isPresent(), "space");
    }

    @Test
    void model_years_run_from_1950_to_next_year() {
        Year now = Year.of(2026);
        assertTrue(VehicleRules.yearProblem(1950, now).isEmpty());
        assertTrue(VehicleRules.yearProblem(2027, now).isEmpty());
        assertTrue(VehicleRules.yearProblem(2028, now).isPresent());
    }

    /** The fixed range is written once, in the contract (which the service enforces at run time). */
    @Test
    void model_years_before_1950_or_after_2100_are_refused_by_the_contract() throws Exception {
        Contract contract;
        try (var yaml = VehicleRulesTest.class.getResourceAsStream("/openapi.yaml")) {
            contract = Contract.parse(yaml.readAllBytes());
        }
        for (String op : List.of("POST /vehicles", "PATCH /vehicles/{id}")) {
            var check = contract.operation(op.split(" ")[0], op.split(" ")[1]).orElseThrow();
            for (int year : List.of(1949, 2101)) {
                var errors = check.checkBody(Json.MAPPER.readTree("{\"year\":" + year + "}"));
                assertTrue(errors.stream().anyMatch(e -> e.field().equals("year")), op + " " + year + ": " + errors);
            }
            var fine = check.checkBody(Json.MAPPER.readTree("{\"year\":1950}"));
            assertTrue(fine.stream().noneMatch(e -> e.field().equals("year")), op + ": " + fine);
        }
    }

    @Test
    void an_active_vehicle_of_the_lines_type_with_enough_seats_fits() {
        assertEquals(Optional.empty(), VehicleRules.misfit("active", "coach_56", 56, "coach_56", 56));
        assertEquals(Optional.empty(), VehicleRules.misfit("active", "coach_56", 57, "coach_56", 56));
    }

    @Test
    void an_inactive_mistyped_or_smaller_vehicle_does_not_fit() {
        assertTrue(VehicleRules.misfit("maintenance", "coach_56", 56, "coach_56", 56).orElseThrow().contains("is maintenance"));
        assertTrue(VehicleRules.misfit("retired", "coach_56", 56, "coach_56", 56).orElseThrow().contains("is retired"));
        assertTrue(VehicleRules.misfit("active", "minibus_28", 56, "coach_56", 56).orElseThrow().contains("needs a coach_56"));
        assertTrue(VehicleRules.misfit("active", "coach_56", 54, "coach_56", 56).orElseThrow().contains("seats 54"));
    }

    @Test
    void a_vehicle_promised_to_upcoming_charters_is_not_taken_out_of_service() {
        assertEquals(Optional.empty(), VehicleRules.refusalToStandDown("maintenance", java.util.List.of()));
        assertEquals(Optional.empty(), VehicleRules.refusalToStandDown("active", java.util.List.of("CW-2027-00001")));
        assertEquals(Optional.of("The vehicle is assigned to 1 upcoming charter (CW-2027-00001); assign it another vehicle before setting it retired"),
                VehicleRules.refusalToStandDown("retired", java.util.List.of("CW-2027-00001")));
        var seven = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> "CW-2027-0000" + i).toList();
        assertEquals(Optional.of("The vehicle is assigned to 7 upcoming charters (CW-2027-00001, CW-2027-00002, CW-2027-00003, "
                        + "CW-2027-00004, CW-2027-00005 and 2 more); assign them another vehicle before setting it maintenance"),
                VehicleRules.refusalToStandDown("maintenance", seven));
    }
}
