package com.coachway.dispatch.tracking;

import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingRulesTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2027-06-01T12:00:00Z");
    static final UUID BUS = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID OTHER_BUS = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID DRIVER = UUID.randomUUID();

    static Reported at(int index, UUID vehicle, OffsetDateTime t, UUID assignment) {
        return new Reported(index, vehicle, assignment, 40, -74, null, null, t);
    }

    static TripWindow trip(UUID vehicle, String from, String to, boolean live) {
        return new TripWindow(UUID.randomUUID(), DRIVER, vehicle, OffsetDateTime.parse(from), OffsetDateTime.parse(to), live);
    }

    @Test
    void fiveMinutesAheadIsAClockSkewAndOneSecondMoreIsRefused() {
        var ok = at(0, BUS, NOW.plusMinutes(5), null);
        var ahead = at(1, BUS, NOW.plusMinutes(5).plusSeconds(1), null);
        assertEquals(List.of(new FieldError("[1].recorded_at", "is more than 5 minutes in the future")),
                TrackingRules.timeProblems(List.of(ok, ahead), NOW));
    }

    @Test
    void sevenDaysOldIsABufferedUploadAndOneSecondMoreIsRefused() {
        var ok = at(0, BUS, NOW.minusDays(7), null);
        var old = at(1, BUS, NOW.minusDays(7).minusSeconds(1), null);
        assertEquals(List.of(new FieldError("[1].recorded_at", "is more than 7 days old")), TrackingRules.timeProblems(List.of(ok, old), NOW));
    }

    @Test
    void aTripCoversItsWindowWidenedByAnHourHalfOpen() {
        var t = trip(BUS, "2027-06-01T10:00:00Z", "2027-06-01T14:00:00Z", true);
        assertTrue(TrackingRules.covers(t, OffsetDateTime.parse("2027-06-01T09:00:00Z")));
        assertFalse(TrackingRules.covers(t, OffsetDateTime.parse("2027-06-01T08:59:59Z")));
        assertTrue(TrackingRules.covers(t, OffsetDateTime.parse("2027-06-01T14:59:59Z")));
        assertFalse(TrackingRules.covers(t, OffsetDateTime.parse("2027-06-01T15:00:00Z")));
        assertFalse(TrackingRules.covers(trip(BUS, "2027-06-01T10:00:00Z", "2027-06-01T14:00:00Z", false), NOW));
    }

    @Test
    void aDriversPositionsTakeTheirTripsAssignmentOrAreNotFound() {
        var morning = trip(BUS, "2027-06-01T06:00:00Z", "2027-06-01T09:00:00Z", true);
        var noon = trip(BUS, "2027-06-01T11:00:00Z", "2027-06-01T13:00:00Z", true);
        var batch = List.of(at(0, BUS, NOW, null), at(1, BUS, OffsetDateTime.parse("2027-06-01T07:00:00Z"), null),
                at(2, OTHER_BUS, NOW, null), at(3, BUS, NOW, morning.id()), at(4, BUS, NOW, UUID.randomUUID()),
                at(5, OTHER_BUS, NOW, noon.id()));
        var r = TrackingRules.forDriver(batch, List.of(morning, noon));
        assertEquals(List.of(noon.id(), morning.id()), r.positions().stream().map(Reported::assignmentId).toList());
        assertEquals(List.of("[2].vehicle_id", "[3].recorded_at", "[4].assignment_id", "[5].vehicle_id"),
                r.notFound().stream().map(FieldError::field).toList());
    }

    @Test
    void serviceAndAdminPostForAnyVehicleButANamedAssignmentMustBeTheVehicles() {
        var t = trip(BUS, "2027-06-01T06:00:00Z", "2027-06-01T09:00:00Z", false);
        var batch = List.of(at(0, OTHER_BUS, NOW, null), at(1, BUS, NOW, t.id()), at(2, OTHER_BUS, NOW, t.id()),
                at(3, BUS, NOW, UUID.randomUUID()));
        var r = TrackingRules.forAnyVehicle(batch, List.of(t));
        assertEquals(List.of("[3].assignment_id"), r.notFound().stream().map(FieldError::field).toList());
        assertEquals(List.of("[2].assignment_id"), r.invalid().stream().map(FieldError::field).toList());
    }

    @Test
    void theNewestOfEachVehicleInVehicleOrderTheFirstOfEquals() {
        var first = at(0, BUS, NOW, null);
        var same = new Reported(1, BUS, null, 1, 1, null, null, NOW);
        var older = at(2, BUS, NOW.minusSeconds(5), null);
        var other = at(3, OTHER_BUS, NOW.minusHours(1), null);
        assertEquals(List.of(other, first), TrackingRules.newestPerVehicle(List.of(older, first, same, other)));
    }

    @Test
    void keyOrderIsVehicleThenTime() {
        var a = at(0, BUS, NOW, null);
        var b = at(1, OTHER_BUS, NOW, null);
        var c = at(2, BUS, NOW.minusSeconds(1), null);
        assertEquals(List.of(b, c, a), TrackingRules.inKeyOrder(List.of(a, b, c)));
    }

    @Test
    void aTrackIsTheAssignmentsWindowNarrowedByFromAndTo() {
        var t = trip(BUS, "2027-06-01T06:00:00Z", "2027-06-01T09:00:00Z", true);
        assertEquals(new TrackingRules.Span(t.startsAt(), t.endsAt()), TrackingRules.trackWindow(t, null, null));
        var narrowed = TrackingRules.trackWindow(t, OffsetDateTime.parse("2027-06-01T07:00:00Z"), OffsetDateTime.parse("2027-06-01T10:00:00Z"));
        assertEquals(new TrackingRules.Span(OffsetDateTime.parse("2027-06-01T07:00:00Z"), t.endsAt()), narrowed);
        assertTrue(TrackingRules.trackWindow(t, OffsetDateTime.parse("2027-06-01T10:00:00Z"), null).empty());
    }
}
