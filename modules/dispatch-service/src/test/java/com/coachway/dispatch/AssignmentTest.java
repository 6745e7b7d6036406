package com.coachway.dispatch;

import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.dispatch.DispatchPlatform.assignmentBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentTest {
    DispatchPlatform d;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        d.close();
    }

    static void refused(Response r, int status, String field, String rule) {
        assertEquals(status, r.statusCode(), r::asString);
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertEquals(List.of(field), r.jsonPath().getList("errors.field"), r::asString);
        assertEquals(List.of(rule), r.jsonPath().getList("errors.message"), r::asString);
        assertTrue(r.jsonPath().getString("detail").startsWith(rule + ": "), r::asString);
    }

    @Test
    void a_qualified_driver_and_an_active_vehicle_are_assigned_to_a_booked_charter() {
        UUID driver = d.driver();
        UUID charter = d.charters.charter("confirmed");
        UUID vehicle = d.charters.vehicle("active");
        d.charters.forget();
        Response r = d.assign(assignmentBody(charter, driver, vehicle, "2027-07-01T08:00:00Z", "2027-07-01T12:00:00Z"));
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals("/assignments/" + r.path("id"), r.header("Location"));
        assertEquals("scheduled", r.path("status"));
        assertEquals(charter.toString(), r.path("charter_id"));
        assertEquals(null, (Object) r.path("driving_hours"));
        // charter and vehicle were read from charter-service with the service's own token
        var paths = d.charters.requests().stream().map(q -> q.method() + " " + q.path()).toList();
        assertEquals(List.of("GET /charters/" + charter, "GET /vehicles/" + vehicle), paths);
        assertTrue(d.charters.requests().stream().allMatch(q -> q.bearer()));
        assertEquals(r.path("id"), (String) d.as("manager").get("/assignments/" + r.path("id")).path("id"));
    }

    @Test
    void an_unqualified_driver_is_refused_naming_the_failed_rule() {
        var before = d.counts();
        String start = "2027-07-02T08:00:00Z";
        String end = "2027-07-02T12:00:00Z";
        refused(d.assign(d.driver(Map.of("license_class", "C")), start, end, null), 409, "driver_id", "license_class");
        refused(d.assign(d.driver(Map.of("passenger_endorsement", false)), start, end, null), 409, "driver_id", "passenger_endorsement");
        refused(d.assign(d.driver(Map.of("license_expires_on", "2027-07-01")), start, end, null), 409, "driver_id", "license_expired");
        refused(d.assign(d.driver(Map.of("medical_card_expires_on", "2027-07-01")), start, end, null), 409, "driver_id",
                "medical_card_expired");
        refused(d.assign(d.driver(Map.of("status", "suspended")), start, end, null), 409, "driver_id", "driver_status");
        var after = d.counts();
        assertEquals(before.get("dispatch.assignment"), after.get("dispatch.assignment"));
        // papers expiring on the assignment's end day are still valid that day
        assertEquals(201, d.assign(d.driver(Map.of("license_expires_on", "2027-07-02", "medical_card_expires_on", "2027-07-02")),
                start, end, null).statusCode());
    }

    @Test
    void the_charter_must_be_booked_or_confirmed_and_the_vehicle_active() {
        UUID driver = d.driver();
        String s = "2027-07-03T08:00:00Z";
        String e = "2027-07-03T10:00:00Z";
        var before = d.counts();
        for (String status : List.of("quoted", "in_progress", "completed", "cancelled")) {
            refused(d.assign(assignmentBody(d.charters.charter(status), driver, d.charters.vehicle("active"), s, e)), 409, "charter_id",
                    "charter_status");
        }
        refused(d.assign(assignmentBody(d.charters.charter("booked"), driver, d.charters.vehicle("maintenance"), s, e)), 409,
                "vehicle_id", "vehicle_status");
        Response noCharter = d.assign(assignmentBody(UUID.randomUUID(), driver, d.charters.vehicle("active"), s, e));
        assertEquals(404, noCharter.statusCode());
        assertTrue(noCharter.jsonPath().getString("detail").contains("Charter"));
        Response noVehicle = d.assign(assignmentBody(d.charters.charter("booked"), driver, UUID.randomUUID(), s, e));
        assertEquals(404, noVehicle.statusCode());
        assertTrue(noVehicle.jsonPath().getString("detail").contains("Vehicle"));
        Response noDriver = d.assign(assignmentBody(d.charters.charter("booked"), UUID.randomUUID(), d.charters.vehicle("active"), s, e));
        assertEquals(404, noDriver.statusCode());
        assertTrue(noDriver.jsonPath().getString("detail").contains("Driver"));
        assertEquals(before, d.counts());
    }

    @Test
    void overlapping_windows_of_a_driver_or_a_vehicle_are_refused_and_back_to_back_ones_are_not() {
        UUID driver = d.driver();
        UUID vehicle = d.charters.vehicle("active");
        UUID first = UUID.fromString(d.assign(assignmentBody(d.charters.charter("booked"), driver, vehicle,
                "2027-07-04T08:00:00Z", "2027-07-04T12:00:00Z")).path("id"));
        Response sameDriver = d.assign(assignmentBody(d.charters.charter("booked"), driver, d.charters.vehicle("active"),
                "2027-07-04T11:59:00Z", "2027-07-04T13:00:00Z"));
        refused(sameDriver, 409, "driver_id", "driver_overlap");
        assertTrue(sameDriver.jsonPath().getString("detail").contains(first.toString()));
        Response sameVehicle = d.assign(assignmentBody(d.charters.charter("booked"), d.driver(), vehicle,
                "2027-07-04T07:00:00Z", "2027-07-04T08:01:00Z"));
        refused(sameVehicle, 409, "vehicle_id", "vehicle_overlap");
        assertEquals(201, d.assign(assignmentBody(d.charters.charter("booked"), driver, vehicle,
                "2027-07-04T12:00:00Z", "2027-07-04T14:00:00Z")).statusCode());
        assertEquals(201, d.assign(assignmentBody(d.charters.charter("booked"), d.driver(), vehicle,
                "2027-07-04T06:00:00Z", "2027-07-04T08:00:00Z")).statusCode());
    }

    @Test
    void twenty_concurrent_requests_for_one_driver_and_window_give_exactly_one_assignment() throws Exception {
        UUID driver = d.driver();
        var bodies = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 20; i++) {
            bodies.add(assignmentBody(d.charters.charter("booked"), driver, d.charters.vehicle("active"),
                    "2027-07-05T08:00:00Z", "2027-07-05T12:00:00Z"));
        }
        d.token("dispatcher");
        List<Response> answers = Together.run(20, i -> d.assign(bodies.get(i)));
        var codes = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, Collections.frequency(codes, 201), codes::toString);
        assertEquals(19, Collections.frequency(codes, 409), codes::toString);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals(List.of("driver_overlap"), r.jsonPath().getList("errors.message"), r::asString));
        assertEquals(1L, d.rows("select count(*) as n from dispatch.assignment where driver_id = ?", driver).getFirst().get("n"));
    }

    @Test
    void concurrent_requests_for_one_vehicle_and_window_give_exactly_one_assignment() throws Exception {
        UUID vehicle = d.charters.vehicle("active");
        var bodies = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 10; i++) {
            bodies.add(assignmentBody(d.charters.charter("booked"), d.driver(), vehicle, "2027-07-06T08:00:00Z", "2027-07-06T12:00:00Z"));
        }
        List<Response> answers = Together.run(10, i -> d.assign(bodies.get(i)));
        var codes = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, Collections.frequency(codes, 201), codes::toString);
        assertEquals(9, Collections.frequency(codes, 409), codes::toString);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals(List.of("vehicle_overlap"), r.jsonPath().getList("errors.message"), r::asString));
    }

    @Test
    void ten_hours_of_driving_are_assigned_and_ten_hours_one_minute_are_refused() {
        assertEquals(201, d.assign(d.driver(), "2027-07-07T06:00:00Z", "2027-07-07T16:00:00Z", null).statusCode());
        refused(d.assign(d.driver(), "2027-07-07T06:00:00Z", "2027-07-07T16:01:00Z", null), 409, "driver_id", "driving_10_hours");
        // the same window with 9.5 h of it driving is fine
        Response planned = d.assign(d.driver(), "2027-07-07T06:00:00Z", "2027-07-07T16:01:00Z", 9.5);
        assertEquals(201, planned.statusCode(), planned::asString);
        assertEquals(9.5f, (Float) planned.path("driving_hours"));
    }

    @Test
    void seventy_hours_in_eight_days_are_enforced_at_the_edge() {
        UUID driver = d.driver();
        d.assigned(driver, "2027-08-01T06:00:00Z", "2027-08-01T15:00:00Z", null);
        for (int day = 2; day <= 7; day++) {
            d.assigned(driver, "2027-08-0%dT06:00:00Z".formatted(day), "2027-08-0%dT16:00:00Z".formatted(day), null);
        }
        // 69 h on days 1–7: day 8 takes 1 h, not 1 h 01 min
        refused(d.assign(driver, "2027-08-08T06:00:00Z", "2027-08-08T07:01:00Z", null), 409, "driver_id", "on_duty_70_hours_8_days");
        assertEquals(201, d.assign(driver, "2027-08-08T06:00:00Z", "2027-08-08T07:00:00Z", null).statusCode());
    }

    @Test
    void a_cancelled_assignment_frees_the_driver_and_the_vehicle() {
        UUID driver = d.driver();
        UUID vehicle = d.charters.vehicle("active");
        var body = assignmentBody(d.charters.charter("booked"), driver, vehicle, "2027-07-08T08:00:00Z", "2027-07-08T12:00:00Z");
        String id = d.assign(body).path("id");
        Response cancelled = d.as("dispatcher").contentType("application/json").body(Map.of("reason", "client changed plans"))
                .post("/assignments/" + id + "/cancel");
        assertEquals(200, cancelled.statusCode(), cancelled::asString);
        assertEquals("cancelled", cancelled.path("status"));
        assertEquals("client changed plans", cancelled.path("cancel_reason"));
        assertEquals(201, d.assign(body).statusCode());
        // cancelling twice: 409 naming the status
        Response again = d.as("dispatcher").contentType("application/json").body(Map.of("reason", "again"))
                .post("/assignments/" + id + "/cancel");
        assertEquals(409, again.statusCode());
        assertTrue(again.jsonPath().getString("detail").contains("cancelled"));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_assignment() {
        var body = assignmentBody(d.charters.charter("booked"), d.driver(), d.charters.vehicle("active"),
                "2027-07-09T08:00:00Z", "2027-07-09T12:00:00Z");
        String key = "assign-" + UUID.randomUUID();
        Response first = d.as("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(body).post("/assignments");
        Response again = d.as("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(body).post("/assignments");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, again.statusCode(), again::asString);
        assertEquals((String) first.path("id"), again.path("id"));
        var other = new java.util.LinkedHashMap<>(body);
        other.put("ends_at", "2027-07-09T13:00:00Z");
        Response reused = d.as("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(other).post("/assignments");
        assertEquals(409, reused.statusCode());
    }

    @Test
    void lists_filter_by_day_driver_and_charter_and_page_by_cursor() {
        UUID driver = d.driver();
        UUID charter = d.charters.charter("booked");
        for (int h = 0; h < 5; h++) {
            d.assign(assignmentBody(charter, driver, d.charters.vehicle("active"),
                    "2027-09-01T%02d:00:00Z".formatted(6 + 2 * h), "2027-09-01T%02d:00:00Z".formatted(7 + 2 * h)));
        }
        d.assigned(driver, "2027-09-02T06:00:00Z", "2027-09-02T07:00:00Z", null);
        Response day = d.as("dispatcher").queryParam("date", "2027-09-01").queryParam("driver_id", driver.toString()).get("/assignments");
        assertEquals(5, day.jsonPath().getInt("total"));
        assertEquals(5, d.as("dispatcher").queryParam("charter_id", charter.toString()).get("/assignments").jsonPath().getInt("total"));
        KeysetPaging.assertWalkMatchesOffsets(() -> d.as("dispatcher"), "/assignments", Map.of("driver_id", driver.toString()), 2, "id");
        KeysetPaging.assertBadCursorsRefused(() -> d.as("dispatcher"), "/assignments", Map.of("driver_id", driver.toString()));
    }

    @Test
    void a_driver_user_sees_only_its_own_assignments() {
        UUID mine = d.driver();
        UUID theirs = d.driver();
        UUID own = d.assigned(mine, "2027-09-10T06:00:00Z", "2027-09-10T08:00:00Z", null);
        UUID other = d.assigned(theirs, "2027-09-10T06:00:00Z", "2027-09-10T08:00:00Z", null);
        assertEquals(200, d.asDriver(mine).get("/assignments/" + own).statusCode());
        assertEquals(404, d.asDriver(mine).get("/assignments/" + other).statusCode());
        Response list = d.asDriver(mine).queryParam("driver_id", theirs.toString()).get("/assignments");
        assertEquals(0, list.jsonPath().getInt("total"));
        assertEquals(List.of(own.toString()), d.asDriver(mine).get("/assignments").jsonPath().getList("items.id"));
        // a driver user cannot assign
        assertEquals(403, d.asDriver(mine).contentType("application/json")
                .body(assignmentBody(d.charters.charter("booked"), mine, d.charters.vehicle("active"), "2027-09-11T06:00:00Z",
                        "2027-09-11T07:00:00Z")).post("/assignments").statusCode());
    }

    @Test
    void charter_service_down_is_a_503_and_nothing_is_written() {
        var body = assignmentBody(d.charters.charter("booked"), d.driver(), d.charters.vehicle("active"),
                "2027-07-10T08:00:00Z", "2027-07-10T12:00:00Z");
        var before = d.counts();
        d.charters.down = true;
        try {
            Response r = d.assign(body);
            assertEquals(503, r.statusCode(), r::asString);
            assertTrue(r.header("Retry-After") != null);
        } finally {
            d.charters.down = false;
        }
        assertEquals(before, d.counts());
    }
}
