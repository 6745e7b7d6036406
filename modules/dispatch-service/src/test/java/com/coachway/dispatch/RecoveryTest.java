package com.coachway.dispatch;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.dispatch.DispatchPlatform.assignmentBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryTest {
    DispatchPlatform d;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        d.close();
    }

    static String iso(OffsetDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }

    /** A departed trip whose window runs from an hour ago to three hours from now. */
    Map<String, Object> underWay() {
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        UUID driver = d.driver();
        var body = assignmentBody(d.charters.charter("confirmed"), driver, d.charters.vehicle("active"),
                iso(now.minusHours(1)), iso(now.plusHours(3)));
        Response a = d.assign(body);
        assertEquals(201, a.statusCode(), a::asString);
        for (String type : List.of("en_route", "arrived_pickup", "departed")) {
            assertEquals(201, d.event(d.as("dispatcher"), UUID.fromString(a.path("id")), Map.of("type", type)).statusCode());
        }
        return Map.of("id", a.path("id"), "driver", driver.toString(), "ends_at", a.path("ends_at"), "starts_at", a.path("starts_at"),
                "vehicle", body.get("vehicle_id"));
    }

    Response open(Object assignmentId) {
        return d.as("dispatcher").contentType("application/json")
                .body(Map.of("assignment_id", assignmentId, "reason", "breakdown", "location", "I-87 exit 17", "notes", "coolant leak"))
                .post("/recoveries");
    }

    Response patch(Object recoveryId, Map<String, Object> body) {
        return d.as("dispatcher").contentType("application/json").body(body).patch("/recoveries/" + recoveryId);
    }

    @Test
    void a_replacement_vehicle_takes_over_the_rest_of_the_window() {
        var trip = underWay();
        Response r = open(trip.get("id"));
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals("open", r.path("status"));
        UUID spare = d.charters.vehicle("active");
        var before = OffsetDateTime.now(ZoneOffset.UTC);
        Response sent = patch(r.path("id"), Map.of("replacement_vehicle_id", spare.toString()));
        var after = OffsetDateTime.now(ZoneOffset.UTC);
        assertEquals(200, sent.statusCode(), sent::asString);
        assertEquals("dispatched", sent.path("status"));
        String next = sent.path("replacement_assignment_id");
        assertNotNull(next);

        Response original = d.as("dispatcher").get("/assignments/" + trip.get("id"));
        assertEquals(next, original.path("replaced_by"));
        var handover = OffsetDateTime.parse(original.path("ends_at"));
        assertFalse(handover.isBefore(before.truncatedTo(ChronoUnit.MILLIS)) || handover.isAfter(after), handover::toString);
        Response replacement = d.as("dispatcher").get("/assignments/" + next);
        assertEquals(spare.toString(), replacement.path("vehicle_id"));
        assertEquals(trip.get("driver"), replacement.path("driver_id"));
        assertEquals("departed", replacement.path("status"));
        assertEquals(handover.toInstant(), OffsetDateTime.parse(replacement.path("starts_at")).toInstant());
        assertEquals(OffsetDateTime.parse((String) trip.get("ends_at")).toInstant(),
                OffsetDateTime.parse(replacement.path("ends_at")).toInstant());

        // the trip goes on on the replacement; the original takes no more events
        assertEquals(409, d.event(d.as("dispatcher"), UUID.fromString((String) trip.get("id")), Map.of("type", "arrived_destination")).statusCode());
        assertEquals(201, d.event(d.asDriver(UUID.fromString((String) trip.get("driver"))), UUID.fromString(next),
                Map.of("type", "arrived_destination")).statusCode());
        // a second replacement is refused; resolving is fine, and final
        Response twice = patch(r.path("id"), Map.of("replacement_vehicle_id", d.charters.vehicle("active").toString()));
        assertEquals(409, twice.statusCode());
        assertTrue(twice.jsonPath().getString("detail").contains("dispatched"));
        assertEquals("resolved", patch(r.path("id"), Map.of("status", "resolved")).path("status"));
        assertEquals(409, patch(r.path("id"), Map.of("notes", "late note")).statusCode());
        assertEquals(List.of(r.path("id").toString()), d.as("manager").queryParam("status", "resolved")
                .queryParam("assignment_id", trip.get("id")).get("/recoveries").jsonPath().getList("items.id"));
    }

    @Test
    void a_replacement_goes_through_qualification_overlap_and_hours_of_service() {
        var trip = underWay();
        String recovery = open(trip.get("id")).path("id");
        Response unqualified = patch(recovery, Map.of("replacement_driver_id", d.driver(Map.of("passenger_endorsement", false)).toString()));
        AssignmentTest.refused(unqualified, 409, "driver_id", "passenger_endorsement");
        // a vehicle busy in the rest of the window
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        UUID busy = d.charters.vehicle("active");
        d.assign(assignmentBody(d.charters.charter("booked"), d.driver(), busy, iso(now.plusHours(2)), iso(now.plusHours(5))));
        // a driver who already drove 9 h today
        UUID tired = d.driver();
        d.assigned(tired, iso(now.minusHours(13)), iso(now.minusHours(4)), null);
        var before = d.counts();
        AssignmentTest.refused(patch(recovery, Map.of("replacement_vehicle_id", busy.toString())), 409, "vehicle_id", "vehicle_overlap");
        AssignmentTest.refused(patch(recovery, Map.of("replacement_driver_id", tired.toString())), 409, "driver_id", "driving_10_hours");
        AssignmentTest.refused(patch(recovery, Map.of("replacement_vehicle_id", d.charters.vehicle("maintenance").toString())), 409,
                "vehicle_id", "vehicle_status");
        assertEquals(before, d.counts());
        // nothing changed: the original still runs to its end, the recovery is still open
        assertEquals(OffsetDateTime.parse((String) trip.get("ends_at")).toInstant(),
                OffsetDateTime.parse(d.as("dispatcher").get("/assignments/" + trip.get("id")).path("ends_at")).toInstant());
        assertEquals("open", d.as("dispatcher").get("/recoveries/" + recovery).path("status"));
        // a qualified, rested driver is sent
        Response sent = patch(recovery, Map.of("replacement_driver_id", d.driver().toString(), "status", "dispatched"));
        assertEquals(200, sent.statusCode(), sent::asString);
    }

    @Test
    void a_replacement_before_the_trip_starts_takes_the_whole_window_and_the_original_is_cancelled() {
        UUID driver = d.driver();
        String id = d.assign(assignmentBody(d.charters.charter("booked"), driver, d.charters.vehicle("active"),
                "2028-01-10T08:00:00Z", "2028-01-10T12:00:00Z")).path("id");
        Response r = d.as("dispatcher").contentType("application/json")
                .body(Map.of("assignment_id", id, "reason", "driver_unavailable")).post("/recoveries");
        assertEquals(201, r.statusCode(), r::asString);
        UUID other = d.driver();
        Response sent = patch(r.path("id"), Map.of("replacement_driver_id", other.toString()));
        assertEquals(200, sent.statusCode(), sent::asString);
        Response original = d.as("dispatcher").get("/assignments/" + id);
        assertEquals("cancelled", original.path("status"));
        Response replacement = d.as("dispatcher").get("/assignments/" + sent.path("replacement_assignment_id"));
        assertEquals(other.toString(), replacement.path("driver_id"));
        assertEquals("scheduled", replacement.path("status"));
        assertEquals("2028-01-10T08:00:00Z", replacement.path("starts_at"));
        // the first driver is free for that window again
        assertEquals(201, d.assign(driver, "2028-01-10T08:00:00Z", "2028-01-10T12:00:00Z", null).statusCode());
    }

    @Test
    void a_finished_assignment_cannot_be_recovered_and_bad_patches_are_refused() {
        UUID driver = d.driver();
        String id = d.assign(assignmentBody(d.charters.charter("booked"), driver, d.charters.vehicle("active"),
                "2028-02-10T08:00:00Z", "2028-02-10T12:00:00Z")).path("id");
        String recovery = open(id).path("id");
        assertEquals(400, patch(recovery, Map.of("status", "dispatched")).statusCode());
        assertEquals(400, patch(recovery, Map.of()).statusCode());
        Response same = patch(recovery, Map.of("replacement_driver_id", driver.toString()));
        assertEquals(400, same.statusCode(), same::asString);
        d.as("dispatcher").contentType("application/json").body(Map.of("reason", "client cancelled")).post("/assignments/" + id + "/cancel");
        Response r = open(id);
        assertEquals(409, r.statusCode());
        assertTrue(r.jsonPath().getString("detail").contains("cancelled"));
        assertEquals(404, open(UUID.randomUUID()).statusCode());
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_recovery() {
        var trip = underWay();
        var body = Map.of("assignment_id", trip.get("id"), "reason", "accident");
        Response first = d.as("dispatcher").header("Idempotency-Key", "rec-1").contentType("application/json").body(body).post("/recoveries");
        Response again = d.as("dispatcher").header("Idempotency-Key", "rec-1").contentType("application/json").body(body).post("/recoveries");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals((String) first.path("id"), again.path("id"));
    }
}
