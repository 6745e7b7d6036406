package com.coachway.dispatch;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.dispatch.DispatchPlatform.assignmentBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint refuses what it cannot take with a documented problem+json 4xx and writes
 * nothing: malformed and wrong-typed bodies, missing and unknown fields, unknown ids, the wrong
 * role. Responses are checked against the contract (requests are sent raw, breaking it on purpose).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    DispatchPlatform d;
    String driver;
    String assignment;
    String recovery;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
        driver = d.driver().toString();
        assignment = d.assign(assignmentBody(d.charters.charter("booked"), UUID.fromString(driver), d.charters.vehicle("active"),
                "2027-12-01T08:00:00Z", "2027-12-01T12:00:00Z")).path("id");
        recovery = d.as("dispatcher").contentType("application/json").body(Map.of("assignment_id", assignment, "reason", "other"))
                .post("/recoveries").path("id");
    }

    @AfterAll
    void stop() {
        d.close();
    }

    record Case(String method, String path, String body, int status, String field) {
    }

    List<Case> cases() {
        String a = "/assignments/" + assignment;
        var out = new ArrayList<Case>();
        for (String[] op : new String[][]{{"POST", "/drivers"}, {"PATCH", "/drivers/" + driver}, {"POST", "/assignments"},
                {"POST", a + "/cancel"}, {"POST", a + "/events"}, {"POST", "/recoveries"}, {"PATCH", "/recoveries/" + recovery}}) {
            out.add(new Case(op[0], op[1], "{", 400, null));
            out.add(new Case(op[0], op[1], "[]", 400, null));
            out.add(new Case(op[0], op[1], "{\"unknown_field\": 1}", 400, null));
        }
        var driverBody = DispatchPlatform.driverBody();
        out.add(new Case("POST", "/drivers", "{}", 400, "name"));
        out.add(new Case("POST", "/drivers", json(with(driverBody, "license_class", "D")), 400, "license_class"));
        out.add(new Case("POST", "/drivers", json(with(driverBody, "passenger_endorsement", "yes")), 400, "passenger_endorsement"));
        out.add(new Case("POST", "/drivers", json(with(driverBody, "license_expires_on", "2030-02-30")), 400, "license_expires_on"));
        out.add(new Case("POST", "/drivers", json(with(driverBody, "license_state", "New York")), 400, "license_state"));
        out.add(new Case("POST", "/drivers", json(with(driverBody, "email", "not-an-email")), 400, "email"));
        out.add(new Case("PATCH", "/drivers/" + driver, "{\"name\": \"X\"}", 400, "version"));
        out.add(new Case("PATCH", "/drivers/" + UUID.randomUUID(), "{\"version\": 1, \"name\": \"X\"}", 404, null));
        var assign = assignmentBody(UUID.randomUUID(), UUID.fromString(driver), UUID.randomUUID(), "2027-12-02T08:00:00Z", "2027-12-02T12:00:00Z");
        out.add(new Case("POST", "/assignments", "{}", 400, "charter_id"));
        out.add(new Case("POST", "/assignments", json(with(assign, "driver_id", "42")), 400, "driver_id"));
        out.add(new Case("POST", "/assignments", json(with(assign, "starts_at", "tomorrow")), 400, "starts_at"));
        out.add(new Case("POST", "/assignments", json(with(assign, "ends_at", "2027-12-02T07:00:00Z")), 400, "ends_at"));
        out.add(new Case("POST", "/assignments", json(with(assign, "ends_at", "2027-12-03T08:01:00Z")), 400, "ends_at"));
        out.add(new Case("POST", "/assignments", json(with(assign, "driving_hours", 4.5)), 400, "driving_hours"));
        out.add(new Case("POST", "/assignments", json(with(assign, "driving_hours", -1)), 400, "driving_hours"));
        out.add(new Case("POST", "/assignments", json(with(assign, "driving_hours", 1.001)), 400, "driving_hours"));
        out.add(new Case("POST", a + "/cancel", "{}", 400, "reason"));
        out.add(new Case("POST", "/assignments/" + UUID.randomUUID() + "/cancel", "{\"reason\": \"x\"}", 404, null));
        out.add(new Case("POST", a + "/events", "{}", 400, "type"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"teleported\"}", 400, "type"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"delay\"}", 400, "delay_minutes"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"incident\", \"lat\": 91, \"lon\": 0}", 400, "lat"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"incident\", \"lat\": 40, \"lon\": -181}", 400, "lon"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"incident\", \"lat\": 40}", 400, "lon"));
        out.add(new Case("POST", a + "/events", "{\"type\": \"departed\"}", 409, null));
        out.add(new Case("POST", "/assignments/" + UUID.randomUUID() + "/events", "{\"type\": \"en_route\"}", 404, null));
        out.add(new Case("POST", "/recoveries", "{\"assignment_id\": \"" + assignment + "\"}", 400, "reason"));
        out.add(new Case("POST", "/recoveries", "{\"assignment_id\": \"" + assignment + "\", \"reason\": \"aliens\"}", 400, "reason"));
        out.add(new Case("POST", "/recoveries", "{\"assignment_id\": \"" + UUID.randomUUID() + "\", \"reason\": \"other\"}", 404, null));
        out.add(new Case("PATCH", "/recoveries/" + recovery, "{}", 400, "status"));
        out.add(new Case("PATCH", "/recoveries/" + recovery, "{\"status\": \"open\"}", 400, "status"));
        out.add(new Case("PATCH", "/recoveries/" + recovery, "{\"status\": \"dispatched\"}", 400, "replacement_vehicle_id"));
        out.add(new Case("PATCH", "/recoveries/" + recovery, "{\"replacement_driver_id\": \"" + UUID.randomUUID() + "\"}", 404, null));
        out.add(new Case("PATCH", "/recoveries/" + UUID.randomUUID(), "{\"status\": \"resolved\"}", 404, null));
        for (String get : List.of("/drivers/" + UUID.randomUUID(), "/drivers/not-an-id", "/assignments/" + UUID.randomUUID(),
                "/assignments/" + UUID.randomUUID() + "/events", "/recoveries/" + UUID.randomUUID())) {
            out.add(new Case("GET", get, null, 404, null));
        }
        out.add(new Case("GET", "/assignments?date=2027-02-30", null, 400, "date"));
        out.add(new Case("GET", "/assignments?driver_id=x", null, 400, "driver_id"));
        out.add(new Case("GET", "/assignments?status=lost", null, 400, "status"));
        out.add(new Case("GET", "/drivers?limit=0", null, 400, "limit"));
        out.add(new Case("GET", "/recoveries?status=closed", null, 400, "status"));
        out.add(new Case("GET", "/board?date=yesterday", null, 400, "date"));
        return out;
    }

    @Test
    void bad_input_to_every_endpoint_is_a_documented_4xx_that_writes_nothing() {
        var before = d.counts();
        var findings = new ArrayList<String>();
        for (Case c : cases()) {
            var spec = d.rawAs("admin");
            if (c.body() != null) spec = spec.contentType("application/json").body(c.body());
            Response r = spec.request(c.method(), c.path());
            String label = c.method() + " " + c.path() + " " + c.body() + " → " + r.statusCode() + " " + r.asString();
            if (r.statusCode() != c.status()) findings.add(label + " (expected " + c.status() + ")");
            else if (!r.contentType().startsWith("application/problem+json")) findings.add(label + " not problem+json");
            else if (c.field() != null && !r.jsonPath().getList("errors.field").contains(c.field())) findings.add(label + " does not name " + c.field());
        }
        assertTrue(findings.isEmpty(), String.join("\n", findings));
        assertEquals(before, d.counts());
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Response r = d.rawAs("dispatcher").contentType("text/plain").body("name=x").post("/drivers");
        assertEquals(415, r.statusCode(), r::asString);
    }

    @Test
    void the_wrong_role_is_403_and_no_token_401() {
        var before = d.counts();
        var cases = List.of(
                new Case("POST", "/drivers", json(DispatchPlatform.driverBody()), 403, "accountant"),
                new Case("POST", "/assignments", "{}", 403, "sales_agent"),
                new Case("POST", "/assignments/" + assignment + "/cancel", "{\"reason\": \"x\"}", 403, "accountant"),
                new Case("POST", "/recoveries", "{}", 403, "sales_agent"),
                new Case("PATCH", "/recoveries/" + recovery, "{\"status\": \"resolved\"}", 403, "accountant"),
                new Case("GET", "/board?date=2027-12-01", null, 403, "service"),
                new Case("GET", "/assignments", null, 403, "service"),
                new Case("GET", "/recoveries", null, 403, "client"));
        for (Case c : cases) {
            var spec = "client".equals(c.field())
                    ? d.platform.raw(DispatchPlatform.ROUTE).auth().oauth2(d.platform.portalToken("client", UUID.randomUUID()))
                    : d.rawAs(c.field());
            if (c.body() != null) spec = spec.contentType("application/json").body(c.body());
            Response r = spec.request(c.method(), c.path());
            assertEquals(c.status(), r.statusCode(), () -> c + " → " + r.asString());
        }
        assertEquals(401, d.platform.raw(DispatchPlatform.ROUTE).get("/assignments").statusCode());
        assertEquals(401, d.platform.raw(DispatchPlatform.ROUTE).auth().oauth2("garbage").get("/drivers").statusCode());
        assertEquals(before, d.counts());
    }

    @Test
    void another_drivers_assignment_does_not_exist_for_a_driver_user() {
        var before = d.counts();
        var other = d.rawAsDriver(d.driver());
        assertEquals(404, other.get("/assignments/" + assignment).statusCode());
        assertEquals(404, d.rawAsDriver(d.driver()).contentType("application/json").body("{\"type\": \"en_route\"}")
                .post("/assignments/" + assignment + "/events").statusCode());
        assertEquals(before.get("dispatch.trip_event"), d.counts().get("dispatch.trip_event"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var out = new java.util.LinkedHashMap<>(body);
        out.put(key, value);
        return out;
    }

    private static String json(Map<String, Object> body) {
        try {
            return com.coachway.common.http.Json.MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
