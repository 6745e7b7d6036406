package com.coachway.dispatch;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.dispatch.DispatchPlatform.assignmentBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TripEventTest {
    DispatchPlatform d;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        d.close();
    }

    record Trip(UUID charter, UUID driver, UUID assignment) {
    }

    Trip trip(String charterStatus, int vehicles) {
        UUID charter = d.charters.charter(charterStatus, "2027-10-01T08:00:00Z", vehicles);
        UUID driver = d.driver();
        String id = d.assign(assignmentBody(charter, driver, d.charters.vehicle("active"),
                "2027-10-01T08:00:00Z", "2027-10-01T12:00:00Z")).path("id");
        return new Trip(charter, driver, UUID.fromString(id));
    }

    Response post(Trip t, String type) {
        return d.event(d.asDriver(t.driver()), t.assignment(), Map.of("type", type));
    }

    List<String> charterCalls(UUID charter) {
        return d.charters.requests().stream().filter(r -> r.method().equals("POST") && r.path().contains(charter.toString()))
                .map(r -> r.body().replaceAll("[^a-z_]", "").replace("status", "")).toList();
    }

    @Test
    void a_driver_moves_the_trip_to_completed_and_the_charter_follows_after_commit() {
        Trip t = trip("booked", 1);
        for (String type : List.of("en_route", "arrived_pickup", "departed")) {
            Response r = post(t, type);
            assertEquals(201, r.statusCode(), r::asString);
            assertEquals(type, r.path("status_after"));
        }
        // departed: a booked charter is confirmed first, then in progress
        Eventually.until("the charter is in progress", () -> "in_progress".equals(d.charters.status(t.charter())));
        assertEquals(List.of("confirmed", "in_progress"), charterCalls(t.charter()));
        assertEquals(201, d.event(d.asDriver(t.driver()), t.assignment(), Map.of("type", "delay", "delay_minutes", 10,
                "note", "traffic on I-87", "lat", 41.5, "lon", -74.0)).statusCode());
        assertEquals(201, post(t, "arrived_destination").statusCode());
        assertEquals(201, post(t, "completed").statusCode());
        Eventually.until("the charter is completed", () -> "completed".equals(d.charters.status(t.charter())));
        assertEquals(List.of("confirmed", "in_progress", "completed"), charterCalls(t.charter()));
        // each call carried the outbox event id (and the step) as its Idempotency-Key, with the service's token
        d.charters.requests().stream().filter(r -> r.method().equals("POST") && r.path().contains(t.charter().toString()))
                .forEach(r -> {
                    assertTrue(r.idempotencyKey() != null && r.idempotencyKey().contains(":"), r::toString);
                    assertTrue(r.bearer());
                });
        assertEquals("completed", d.as("dispatcher").get("/assignments/" + t.assignment()).path("status"));
        Response events = d.asDriver(t.driver()).get("/assignments/" + t.assignment() + "/events");
        assertEquals(List.of("en_route", "arrived_pickup", "departed", "delay", "arrived_destination", "completed"),
                events.jsonPath().getList("items.type"));
        assertEquals(List.of("en_route", "arrived_pickup", "departed", "departed", "arrived_destination", "completed"),
                events.jsonPath().getList("items.status_after"));
        assertEquals(10, events.jsonPath().getInt("items[3].delay_minutes"));
    }

    @Test
    void illegal_moves_are_409_naming_the_current_status_and_write_nothing() {
        Trip t = trip("confirmed", 1);
        var before = d.counts();
        Response skip = post(t, "departed");
        assertEquals(409, skip.statusCode());
        assertTrue(skip.jsonPath().getString("detail").contains("scheduled"), skip::asString);
        assertEquals(201, post(t, "en_route").statusCode());
        Response back = post(t, "en_route");
        assertEquals(409, back.statusCode());
        assertTrue(back.jsonPath().getString("detail").contains("en_route"));
        assertEquals(before.get("dispatch.trip_event") + 1, d.counts().get("dispatch.trip_event"));
    }

    @Test
    void a_finished_assignment_takes_no_events() {
        Trip t = trip("confirmed", 1);
        d.as("dispatcher").contentType("application/json").body(Map.of("reason", "client cancelled")).post("/assignments/" + t.assignment() + "/cancel");
        Response r = d.event(d.as("dispatcher"), t.assignment(), Map.of("type", "incident", "note", "x"));
        assertEquals(409, r.statusCode());
        assertTrue(r.jsonPath().getString("detail").contains("cancelled"));
    }

    @Test
    void a_driver_posts_only_for_its_own_assignments_and_a_dispatcher_for_any() {
        Trip mine = trip("confirmed", 1);
        Trip theirs = trip("confirmed", 1);
        var before = d.counts();
        assertEquals(404, d.event(d.asDriver(mine.driver()), theirs.assignment(), Map.of("type", "en_route")).statusCode());
        assertEquals(404, d.asDriver(mine.driver()).get("/assignments/" + theirs.assignment() + "/events").statusCode());
        assertEquals(before, d.counts());
        assertEquals(201, d.event(d.as("dispatcher"), theirs.assignment(), Map.of("type", "en_route")).statusCode());
        // staff who do not dispatch read events but do not post them
        assertEquals(403, d.event(d.as("accountant"), theirs.assignment(), Map.of("type", "arrived_pickup")).statusCode());
        assertEquals(200, d.as("accountant").get("/assignments/" + theirs.assignment() + "/events").statusCode());
    }

    @Test
    void a_charter_of_two_vehicles_is_completed_when_both_trips_are() {
        UUID charter = d.charters.charter("confirmed", "2027-10-02T08:00:00Z", 2);
        var trips = new java.util.ArrayList<Trip>();
        for (int i = 0; i < 2; i++) {
            UUID driver = d.driver();
            String id = d.assign(assignmentBody(charter, driver, d.charters.vehicle("active"), "2027-10-02T08:00:00Z",
                    "2027-10-02T12:00:00Z")).path("id");
            trips.add(new Trip(charter, driver, UUID.fromString(id)));
        }
        for (Trip t : trips) {
            for (String type : List.of("en_route", "arrived_pickup", "departed", "arrived_destination")) {
                assertEquals(201, post(t, type).statusCode());
            }
        }
        Eventually.until("the charter is in progress", () -> "in_progress".equals(d.charters.status(charter)));
        assertEquals(201, post(trips.get(0), "completed").statusCode());
        assertEquals(0L, d.rows("select count(*) as n from dispatch.outbox where payload->>'charter_id' = ? and payload->>'status' = 'completed'",
                charter.toString()).getFirst().get("n"));
        assertEquals(201, post(trips.get(1), "completed").statusCode());
        Eventually.until("the charter is completed", () -> "completed".equals(d.charters.status(charter)));
    }

    @Test
    void a_charter_already_there_or_later_is_left_as_it_is() {
        Trip t = trip("confirmed", 1);
        for (String type : List.of("en_route", "arrived_pickup")) post(t, type);
        d.charters.setStatus(t.charter(), "completed");
        d.charters.forget();
        assertEquals(201, post(t, "departed").statusCode());
        Eventually.until("the charter was read", () -> d.charters.requests().stream()
                .anyMatch(r -> r.method().equals("GET") && r.path().equals("/charters/" + t.charter())));
        Eventually.until("the outbox row is delivered", () -> "delivered".equals(d.rows(
                "select status from dispatch.outbox where payload->>'assignment_id' = ?", t.assignment().toString()).getFirst().get("status")));
        assertEquals(List.of(), charterCalls(t.charter()));
    }
}
