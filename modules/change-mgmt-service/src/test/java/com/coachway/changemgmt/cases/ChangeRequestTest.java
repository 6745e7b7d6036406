package com.coachway.changemgmt.cases;

import com.coachway.changemgmt.remote.Charters;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeRequestTest {
    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    private static final OffsetDateTime PICKUP = OffsetDateTime.parse("2027-05-01T08:00:00-04:00");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Charters.Charter charter() {
        return new Charters.Charter(UUID.randomUUID(), "CW-2027-00001", UUID.randomUUID(), null, "booked", "round_trip", 40, PICKUP,
                PICKUP.plusHours(10), PICKUP.plusHours(10),
                List.of(new Charters.Stop(1, "A", null, null, null, PICKUP, null),
                        new Charters.Stop(2, "B", new BigDecimal("42.1"), new BigDecimal("-71.2"), PICKUP.plusHours(2), PICKUP.plusHours(8), "x")),
                List.of(new Charters.Line("coach_56"), new Charters.Line("coach_56")), List.of("wifi"), 120,
                new Charters.Quote(null, new BigDecimal("3000.00"), new BigDecimal("0.00"), new BigDecimal("3000.00"), null), 7);
    }

    @Test
    void fieldsOfAnotherTypeAndAMissingRequiredFieldAreNamed() throws Exception {
        assertEquals(List.of(new FieldError("requested_changes.passengers", "is not part of a date_change request"),
                        new FieldError("requested_changes.pickup_at", "is required for a date_change request")),
                ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"passengers\":3}"), NOW));
        assertEquals(List.of(new FieldError("requested_changes.ends_at", "must be after pickup_at")),
                ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"pickup_at\":\"2027-05-02T08:00:00Z\",\"ends_at\":\"2027-05-02T07:00:00Z\"}"), NOW));
        assertEquals(List.of(new FieldError("requested_changes.note", "is not part of a cancellation request")),
                ChangeRequest.check(CaseType.CANCELLATION, json("{\"note\":\"x\"}"), NOW));
        assertEquals(List.of(), ChangeRequest.check(CaseType.CANCELLATION, json("{}"), NOW));
        assertEquals(List.of(new FieldError("requested_changes.stops[1].sequence", "must be 2: stops are numbered 1..n in order")),
                ChangeRequest.check(CaseType.ITINERARY_CHANGE, json("{\"stops\":[{\"sequence\":1,\"address\":\"a\"},{\"sequence\":3,\"address\":\"b\"}]}"), NOW));
    }

    @Test
    void aDateChangeMovesThePickupIntoTheFutureOnly() throws Exception {
        var pickupInThePast = List.of(new FieldError("requested_changes.pickup_at", "must be in the future"));
        assertEquals(pickupInThePast, ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"pickup_at\":\"2026-12-01T08:00:00-04:00\"}"), NOW));
        // now itself is not the future; the offset counts (12:00Z is 07:00-05:00)
        assertEquals(pickupInThePast, ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"pickup_at\":\"2026-12-02T07:00:00-05:00\"}"), NOW));
        assertEquals(List.of(), ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"pickup_at\":\"2026-12-02T07:00:01-05:00\"}"), NOW));
        // with ends_at before it, both are named
        assertEquals(List.of(pickupInThePast.getFirst(), new FieldError("requested_changes.ends_at", "must be after pickup_at")),
                ChangeRequest.check(CaseType.DATE_CHANGE, json("{\"pickup_at\":\"2025-05-02T08:00:00Z\",\"ends_at\":\"2025-05-02T07:00:00Z\"}"), NOW));
        // only a date change moves the pickup: other types carry no pickup_at to judge
        assertEquals(List.of(), ChangeRequest.check(CaseType.PASSENGER_COUNT_CHANGE, json("{\"passengers\":3}"), NOW));
    }

    @Test
    void aDateChangeMovesTheWholeTripAndIsAbsolute() throws Exception {
        var c = charter();
        var changes = json("{\"pickup_at\":\"2027-05-03T08:00:00-04:00\"}");
        var trip = ChangeRequest.changed(CaseType.DATE_CHANGE, changes, c);
        assertEquals(PICKUP.plusDays(2), trip.pickupAt());
        assertEquals(PICKUP.plusDays(2).plusHours(10), trip.endsAt());
        assertEquals(PICKUP.plusDays(2).plusHours(2), trip.stops().get(1).arriveAt());
        Map<String, Object> patch = ChangeRequest.patch(CaseType.DATE_CHANGE, changes, c);
        assertEquals(7, patch.get("version"));
        assertEquals(PICKUP.plusDays(2).plusHours(10), patch.get("return_at"));
        // applied again to the charter it made: the same values
        var moved = new Charters.Charter(c.id(), c.reference(), c.clientId(), c.contactId(), c.status(), c.tripType(), 40, trip.pickupAt(), trip.returnAt(),
                trip.endsAt(), trip.stops(), c.vehicles(), c.amenities(), c.miles(), c.currentQuote(), 8);
        assertEquals(trip.stops(), ChangeRequest.changed(CaseType.DATE_CHANGE, changes, moved).stops());
    }

    @Test
    void vehiclesAreCountedPerTypeForPricing() throws Exception {
        var c = charter();
        assertEquals(Map.of("coach_56", 2), ChangeRequest.current(c).vehicles());
        var trip = ChangeRequest.changed(CaseType.VEHICLE_CHANGE,
                json("{\"vehicles\":[{\"vehicle_type\":\"minibus_28\",\"quantity\":3}]}"), c);
        assertEquals(Map.of("minibus_28", 3), trip.vehicles());
        assertEquals(120, trip.priceRequest(true).miles());
        assertEquals(true, ChangeRequest.taxExempt(c));
    }
}
