package com.coachway.dispatch;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service and dispatch-service on a fresh database behind the gateway; charter-service is a
 * {@link FakeCharterService}. Service days are UTC calendar days (TZ=UTC, SERVICE_DAY_START=00:00)
 * so hours-of-service cases can be computed by hand. Helpers make the records tests start from.
 */
final class DispatchPlatform implements AutoCloseable {
    static final String ROUTE = "/api/v1/dispatch";
    private static final String TEST_SERVICE_ID = "test-caller";
    private static final String TEST_SERVICE_SECRET = "test-caller-secret-" + UUID.randomUUID();
    private static final String OWN_SECRET = "dispatch-service-secret-" + UUID.randomUUID();

    final Platform platform;
    final FakeCharterService charters = new FakeCharterService();
    private String serviceToken;

    DispatchPlatform() {
        this(Map.of());
    }

    DispatchPlatform(Map<String, String> env) {
        var vars = new HashMap<String, String>();
        vars.put("CHARTER_SERVICE_URL", charters.url());
        vars.put("SERVICE_CLIENT_SECRET", OWN_SECRET);
        vars.put("TZ", "UTC");
        vars.put("SERVICE_DAY_START", "00:00");
        vars.put("OUTBOX_POLL_INTERVAL_MS", "50");
        vars.putAll(env);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start, Map.of("SERVICE_CLIENTS",
                        DispatchService.NAME + ":" + OWN_SECRET + "," + TEST_SERVICE_ID + ":" + TEST_SERVICE_SECRET))
                .service("dispatch-service", ROUTE, DispatchService::start, vars)
                .start();
    }

    RequestSpecification as(String role) {
        return platform.api(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification asDriver(UUID driverId) {
        return platform.api(ROUTE).auth().oauth2(platform.portalToken("driver", driverId));
    }

    RequestSpecification rawAsDriver(UUID driverId) {
        return platform.raw(ROUTE).auth().oauth2(platform.portalToken("driver", driverId));
    }

    String token(String role) {
        if ("service".equals(role)) {
            if (serviceToken == null) serviceToken = serviceToken();
            return serviceToken;
        }
        return "admin".equals(role) ? platform.adminToken() : platform.token(role);
    }

    private String serviceToken() {
        return platform.clientCredentialsToken(TEST_SERVICE_ID, TEST_SERVICE_SECRET);
    }

    // ---- drivers ----

    /** A qualified driver's body: class A, endorsed, licence and medical card valid through 2030. */
    static Map<String, Object> driverBody() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Dana Driver " + UUID.randomUUID().toString().substring(0, 6));
        body.put("phone", "+1 555 0100");
        body.put("email", "dana" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        body.put("license_number", "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        body.put("license_state", "NY");
        body.put("license_class", "A");
        body.put("passenger_endorsement", true);
        body.put("license_expires_on", "2030-12-31");
        body.put("medical_card_expires_on", "2030-12-31");
        return body;
    }

    UUID driver(Map<String, Object> changes) {
        var body = driverBody();
        body.putAll(changes);
        Response r = as("dispatcher").contentType("application/json").body(body).post("/drivers");
        assertEquals(201, r.statusCode(), () -> "registering a driver failed: " + r.asString());
        return UUID.fromString(r.path("id"));
    }

    UUID driver() {
        return driver(Map.of());
    }

    // ---- assignments ----

    static Map<String, Object> assignmentBody(UUID charterId, UUID driverId, UUID vehicleId, String startsAt, String endsAt) {
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", charterId.toString());
        body.put("driver_id", driverId.toString());
        body.put("vehicle_id", vehicleId.toString());
        body.put("starts_at", startsAt);
        body.put("ends_at", endsAt);
        return body;
    }

    Response assign(Map<String, Object> body) {
        return as("dispatcher").contentType("application/json").body(body).post("/assignments");
    }

    /** Assigns the driver on a fresh booked charter and active vehicle for the window; the response. */
    Response assign(UUID driverId, String startsAt, String endsAt, Object drivingHours) {
        var body = assignmentBody(charters.charter("booked"), driverId, charters.vehicle("active"), startsAt, endsAt);
        if (drivingHours != null) body.put("driving_hours", drivingHours);
        return assign(body);
    }

    UUID assigned(UUID driverId, String startsAt, String endsAt, Object drivingHours) {
        Response r = assign(driverId, startsAt, endsAt, drivingHours);
        assertEquals(201, r.statusCode(), () -> "assigning failed: " + r.asString());
        return UUID.fromString(r.path("id"));
    }

    Response event(RequestSpecification as, UUID assignmentId, Map<String, Object> body) {
        return as.contentType("application/json").body(body).post("/assignments/" + assignmentId + "/events");
    }

    // ---- the database, for what the API does not show ----

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    /** Every table's row count: what a refused request must leave as it was. */
    Map<String, Long> counts() {
        var out = new LinkedHashMap<String, Long>();
        for (String t : List.of("dispatch.driver", "dispatch.assignment", "dispatch.trip_event", "dispatch.recovery", "dispatch.outbox")) {
            out.put(t, platform.count(t));
        }
        return out;
    }

    @Override
    public void close() {
        platform.close();
        charters.close();
    }
}
