package com.coachway.charter.charters;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TripTermsTest {
    static final OffsetDateTime PICKUP = OffsetDateTime.parse("2027-05-10T08:00:00-04:00");
    static final OffsetDateTime RETURN = OffsetDateTime.parse("2027-05-10T18:00:00-04:00");

    record Trip(String type, int passengers, OffsetDateTime pickup, OffsetDateTime ret, List<String> amenities,
                Integer miles, List<String> vehicles, List<StopInput> stops) {
        TripTerms terms() {
            return TripTerms.of(type, passengers, pickup, ret, amenities, miles, vehicles, stops);
        }
    }

    static StopInput stop(int seq, String address, String lat, OffsetDateTime departAt, String notes) {
        return new StopInput(seq, address, lat == null ? null : new BigDecimal(lat), lat == null ? null : new BigDecimal("-71.07"),
                null, departAt, notes);
    }

    static Trip base() {
        return new Trip("round_trip", 40, PICKUP, RETURN, List.of("wifi", "restroom"), 120, List.of("coach_56"),
                List.of(stop(1, "1 Main St", null, PICKUP, null), stop(2, "Museum", "42.3677", null, "side door")));
    }

    static void same(UnaryOperator<Trip> change) {
        assertEquals(base().terms(), change.apply(base()).terms());
    }

    static void different(UnaryOperator<Trip> change) {
        assertNotEquals(base().terms(), change.apply(base()).terms());
    }

    @Test
    void the_same_trip_written_differently_has_the_same_terms() {
        same(t -> t);
        same(t -> new Trip(t.type(), t.passengers(), PICKUP.withOffsetSameInstant(java.time.ZoneOffset.UTC), t.ret(),
                t.amenities(), t.miles(), t.vehicles(), t.stops()));
        same(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), List.of("restroom", "wifi"), t.miles(), t.vehicles(), t.stops()));
        same(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(),
                List.of(stop(1, " 1 Main St ", null, PICKUP, null), stop(2, "Museum", "42.367700", null, "side door"))));
    }

    @Test
    void the_same_vehicles_in_another_order_are_the_same_terms() {
        assertEquals(new Trip("round_trip", 40, PICKUP, RETURN, List.of(), 120, List.of("coach_56", "minibus_28"), base().stops()).terms(),
                new Trip("round_trip", 40, PICKUP, RETURN, List.of(), 120, List.of("minibus_28", "coach_56"), base().stops()).terms());
    }

    @Test
    void stop_notes_are_not_terms() {
        same(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(),
                List.of(stop(1, "1 Main St", null, PICKUP, "gate B"), stop(2, "Museum", "42.3677", null, null))));
    }

    @Test
    void every_priced_value_is_a_term() {
        different(t -> new Trip("one_way", t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), 41, t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), PICKUP.plusMinutes(30), t.ret(), t.amenities(), t.miles(), t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), null, t.amenities(), t.miles(), t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), List.of("wifi"), t.miles(), t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), null, t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), 121, t.vehicles(), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), List.of("coach_56", "minibus_24"), t.stops()));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(),
                List.of(stop(1, "1 Main St", null, PICKUP, null), stop(2, "Aquarium", "42.3677", null, "side door"))));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(),
                List.of(stop(1, "1 Main St", null, PICKUP.plusMinutes(5), null), stop(2, "Museum", "42.3677", null, "side door"))));
        different(t -> new Trip(t.type(), t.passengers(), t.pickup(), t.ret(), t.amenities(), t.miles(), t.vehicles(),
                List.of(stop(1, "Museum", "42.3677", null, "side door"), stop(2, "1 Main St", null, PICKUP, null))));
    }
}
