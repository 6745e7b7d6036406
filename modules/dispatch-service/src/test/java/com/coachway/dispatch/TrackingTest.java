package com.coachway.dispatch;

import com.coachway.testkit.KeysetPaging;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPS tracking through the gateway: batches stored once each, latest by recorded time, refusals that write nothing, whose trips. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingTest {
    DispatchPlatform cw;
    /** Positions are judged against the server's clock: the tests' times are relative to it (5 min skew and 7 days leave room). */
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    void start() {
        cw = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        cw.close();
    }

    static Map<String, Object> position(UUID vehicleId, Instant at, double lat, double lon) {
        var p = new LinkedHashMap<String, Object>();
        p.put("vehicle_id", vehicleId.toString());
        p.put("lat", lat);
        p.put("lon", lon);
        p.put("speed_mph", 42.5);
        p.put("heading", 180);
        p.put("recorded_at", at.toString());
        return p;
    }

    Response post(RequestSpecification as, List<?> batch) {
        return as.contentType("application/json").body(batch).post("/tracking/locations");
    }

    Response latest(RequestSpecification as, UUID vehicleId) {
        return as.get("/tracking/vehicles/" + vehicleId + "/latest");
    }

    long stored() {
        return cw.platform.count("dispatch.vehicle_position");
    }

    long latestRows() {
        return cw.platform.count("dispatch.vehicle_latest");
    }

    long storedFor(UUID vehicleId) {
        return (long) cw.rows("select count(*) as n from dispatch.vehicle_position where vehicle_id = ?", vehicleId).getFirst().get("n");
    }

    /** A driver on a live assignment of a fresh vehicle from 2 h ago to 4 h ahead: [driver, vehicle, assignment]. */
    UUID[] trip() {
        UUID driver = cw.driver();
        UUID vehicle = cw.charters.vehicle("active");
        Response r = cw.assign(DispatchPlatform.assignmentBody(cw.charters.charter("booked"), driver, vehicle,
                now.minus(2, ChronoUnit.HOURS).toString(), now.plus(4, ChronoUnit.HOURS).toString()));
        assertEquals(201, r.statusCode(), r::asString);
        return new UUID[]{driver, vehicle, UUID.fromString(r.path("id"))};
    }

    // ---- latest by recorded time; stored once ----

    @Test
    void outOfOrderPositionsLeaveLatestAtTheNewestRecordedAt() {
        UUID vehicle = UUID.randomUUID();
        Instant newest = now.minusSeconds(10);
        // newest first within the batch, then a buffered upload of older positions arriving late
        post(cw.as("admin"), List.of(position(vehicle, newest, 40.7, -74.0), position(vehicle, newest.minusSeconds(5), 40.6, -74.1)))
                .then().statusCode(200);
        post(cw.as("service"), List.of(position(vehicle, newest.minusSeconds(600), 41.0, -73.0),
                position(vehicle, newest.minusSeconds(300), 41.1, -73.1))).then().statusCode(200);

        Response r = latest(cw.as("dispatcher"), vehicle);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(newest, Instant.parse(r.path("recorded_at")));
        assertEquals(40.7, r.jsonPath().getDouble("lat"), 1e-9);
        assertEquals(-74.0, r.jsonPath().getDouble("lon"), 1e-9);
        assertEquals(4, storedFor(vehicle));

        // a newer one moves it
        post(cw.as("admin"), List.of(position(vehicle, newest.plusSeconds(5), 40.8, -74.2))).then().statusCode(200);
        assertEquals(newest.plusSeconds(5), Instant.parse(latest(cw.as("dispatcher"), vehicle).path("recorded_at")));
    }

    @Test
    void aRetriedBatchStoresEachPositionOnce() {
        UUID vehicle = UUID.randomUUID();
        var batch = List.of(position(vehicle, now.minusSeconds(15), 40.0, -74.0), position(vehicle, now.minusSeconds(10), 40.1, -74.0),
                position(vehicle, now.minusSeconds(5), 40.2, -74.0));
        Response first = post(cw.as("service"), batch);
        assertEquals(200, first.statusCode(), first::asString);
        assertEquals(3, first.jsonPath().getInt("accepted"));
        assertEquals(0, first.jsonPath().getInt("duplicates"));

        Response retry = post(cw.as("service"), batch);
        assertEquals(200, retry.statusCode(), retry::asString);
        assertEquals(0, retry.jsonPath().getInt("accepted"));
        assertEquals(3, retry.jsonPath().getInt("duplicates"));
        assertEquals(3, storedFor(vehicle));

        // a position repeated within one batch, and one new beside an old one
        Response mixed = post(cw.as("service"), List.of(position(vehicle, now.minusSeconds(1), 40.3, -74.0),
                position(vehicle, now.minusSeconds(1), 40.3, -74.0), position(vehicle, now.minusSeconds(5), 40.2, -74.0)));
        assertEquals(1, mixed.jsonPath().getInt("accepted"));
        assertEquals(2, mixed.jsonPath().getInt("duplicates"));
        assertEquals(4, storedFor(vehicle));
    }

    @Test
    void aFullBatchOf500IsStoredInOneRequest() {
        var batch = new ArrayList<Map<String, Object>>();
        var vehicles = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < 500; i++) batch.add(position(vehicles.get(i % 5), now.minusSeconds(500 - i), 40 + i / 1000.0, -74));
        Response r = post(cw.as("service"), batch);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(500, r.jsonPath().getInt("accepted"));
        for (UUID v : vehicles) {
            assertEquals(100, storedFor(v));
            // the last of each vehicle in the batch is its newest
            Instant newest = now.minusSeconds(500 - (495 + vehicles.indexOf(v)));
            assertEquals(newest, Instant.parse(latest(cw.as("admin"), v).path("recorded_at")));
        }
    }

    // ---- bad input: 400, nothing written ----

    void assertRefusedWritingNothing(Response r, String field) {
        assertEquals(400, r.statusCode(), r::asString);
        if (field != null) assertTrue(r.jsonPath().getList("errors.field").contains(field), r::asString);
    }

    @ParameterizedTest
    @CsvSource({"lat, 91", "lat, -90.0001", "lon, -181", "lon, 180.5", "speed_mph, -1", "speed_mph, 201", "heading, 361",
            "heading, -0.5", "lat, 1e400"})
    void aValueOutOfRangeAnywhereIsA400AndNothingOfTheBatchIsStored(String field, String value) {
        UUID vehicle = UUID.randomUUID();
        long before = stored();
        long latestBefore = latestRows();
        var good = position(vehicle, now.minusSeconds(20), 40.0, -74.0);
        String bad = "{\"vehicle_id\":\"" + vehicle + "\",\"lat\":40,\"lon\":-74,\"recorded_at\":\"" + now.minusSeconds(10) + "\",\""
                + field + "\":" + value + "}";
        String body = "[" + json(good) + "," + (field.equals("lat") ? bad.replace("\"lat\":40,", "") : field.equals("lon")
                ? bad.replace("\"lon\":-74,", "") : bad) + "]";
        Response r = cw.rawAs("service").contentType("application/json").body(body).post("/tracking/locations");
        assertRefusedWritingNothing(r, "[1]." + field);
        assertEquals(before, stored());
        assertEquals(latestBefore, latestRows());
        assertEquals(404, latest(cw.as("admin"), vehicle).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "\"40.1\"", "null"})
    void notANumberIsA400AndNothingIsStored(String value) {
        UUID vehicle = UUID.randomUUID();
        long before = stored();
        String body = "[" + json(position(vehicle, now.minusSeconds(20), 40.0, -74.0)) + ",{\"vehicle_id\":\"" + vehicle
                + "\",\"lat\":" + value + ",\"lon\":-74,\"recorded_at\":\"" + now.minusSeconds(10) + "\"}]";
        Response r = cw.rawAs("service").contentType("application/json").body(body).post("/tracking/locations");
        // NaN and Infinity are not JSON at all: the whole body is refused, before any item is read
        assertRefusedWritingNothing(r, value.contains("N") || value.contains("I") ? null : "[1].lat");
        assertEquals(before, stored());
    }

    @Test
    void aBatchOf501IsA400AndNothingIsStored() {
        UUID vehicle = UUID.randomUUID();
        var batch = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 501; i++) batch.add(position(vehicle, now.minusSeconds(600 - i), 40, -74));
        long before = stored();
        Response r = cw.rawAs("service").contentType("application/json").body(batch).post("/tracking/locations");
        assertEquals(400, r.statusCode(), r::asString);
        assertTrue(r.asString().contains("at most 500 items"), r::asString);
        assertEquals(before, stored());
        assertEquals(0, storedFor(vehicle));
    }

    @Test
    void anEmptyBatchOrABodyThatIsNoArrayIsA400() {
        assertEquals(400, cw.rawAs("service").contentType("application/json").body("[]").post("/tracking/locations").statusCode());
        assertEquals(400, cw.rawAs("service").contentType("application/json")
                .body(json(position(UUID.randomUUID(), now, 40, -74))).post("/tracking/locations").statusCode());
        assertRefusedWritingNothing(cw.rawAs("service").contentType("application/json").body("[1]").post("/tracking/locations"), "[0]");
    }

    @Test
    void aMissingFieldInItem37IsA400NamingItAndNothingIsStored() {
        UUID vehicle = UUID.randomUUID();
        var batch = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 60; i++) batch.add(position(vehicle, now.minusSeconds(100 - i), 40, -74));
        batch.get(37).remove("lat");
        batch.get(41).put("colour", "red");
        long before = stored();
        Response r = cw.rawAs("service").contentType("application/json").body(batch).post("/tracking/locations");
        assertRefusedWritingNothing(r, "[37].lat");
        assertTrue(r.jsonPath().getList("errors.field").contains("[41].colour"), r::asString);
        assertEquals(before, stored());
    }

    @Test
    void aPositionFromTheFutureOrTooOldIsA400() {
        UUID vehicle = UUID.randomUUID();
        long before = stored();
        Response ahead = post(cw.as("service"), List.of(position(vehicle, now.minusSeconds(5), 40, -74),
                position(vehicle, now.plus(20, ChronoUnit.MINUTES), 40, -74)));
        assertRefusedWritingNothing(ahead, "[1].recorded_at");
        Response old = post(cw.as("service"), List.of(position(vehicle, now.minus(8, ChronoUnit.DAYS), 40, -74)));
        assertRefusedWritingNothing(old, "[0].recorded_at");
        Response badTime = cw.rawAs("service").contentType("application/json")
                .body("[{\"vehicle_id\":\"" + vehicle + "\",\"lat\":1,\"lon\":1,\"recorded_at\":\"yesterday\"}]").post("/tracking/locations");
        assertRefusedWritingNothing(badTime, "[0].recorded_at");
        assertEquals(before, stored());
        // a little ahead (a device clock) is fine, and so is a buffered position of days ago
        post(cw.as("service"), List.of(position(vehicle, now.plus(2, ChronoUnit.MINUTES), 40, -74),
                position(vehicle, now.minus(6, ChronoUnit.DAYS), 40, -74))).then().statusCode(200);
        assertEquals(2, storedFor(vehicle));
    }

    @Test
    void anAssignmentIdOfAnotherVehicleIsA400AndAnUnknownOneA404() {
        UUID[] trip = trip();
        var wrong = position(UUID.randomUUID(), now.minusSeconds(5), 40, -74);
        wrong.put("assignment_id", trip[2].toString());
        long before = stored();
        assertRefusedWritingNothing(post(cw.as("service"), List.of(wrong)), "[0].assignment_id");
        var unknown = position(trip[1], now.minusSeconds(5), 40, -74);
        unknown.put("assignment_id", UUID.randomUUID().toString());
        Response r = post(cw.as("admin"), List.of(unknown));
        assertEquals(404, r.statusCode(), r::asString);
        assertEquals(List.of("[0].assignment_id"), r.jsonPath().getList("errors.field"));
        assertEquals(before, stored());
    }

    // ---- roles and whose trips ----

    @Test
    void onlyDriversServiceAndAdminPostAndNoPortalButDriversRead() {
        var batch = List.of(position(UUID.randomUUID(), now.minusSeconds(5), 40, -74));
        for (String role : List.of("dispatcher", "manager", "sales_agent", "accountant")) {
            assertEquals(403, post(cw.as(role), batch).statusCode(), role);
        }
        assertEquals(403, post(cw.platform.api(DispatchPlatform.ROUTE).auth().oauth2(cw.platform.portalToken("client", UUID.randomUUID())),
                batch).statusCode());
        assertEquals(401, post(cw.platform.api(DispatchPlatform.ROUTE), batch).statusCode());
        UUID vehicle = UUID.randomUUID();
        assertEquals(403, latest(cw.platform.api(DispatchPlatform.ROUTE).auth().oauth2(cw.platform.portalToken("vendor", UUID.randomUUID())),
                vehicle).statusCode());
        for (String role : List.of("dispatcher", "sales_agent", "accountant", "manager", "service")) {
            assertEquals(404, latest(cw.as(role), vehicle).statusCode(), role);
        }
    }

    @Test
    void aDriverPostsForItsOwnTripAndItsAssignmentIsRecorded() {
        UUID[] trip = trip();
        var own = position(trip[1], now.minusSeconds(30), 40.5, -73.5);
        var withId = position(trip[1], now.minusSeconds(20), 40.6, -73.6);
        withId.put("assignment_id", trip[2].toString());
        // an hour before the start is the pre-trip inspection, still the trip
        var early = position(trip[1], now.minus(170, ChronoUnit.MINUTES), 40.4, -73.4);
        Response r = post(cw.asDriver(trip[0]), List.of(own, withId, early));
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(3, r.jsonPath().getInt("accepted"));
        var rows = cw.rows("select assignment_id from dispatch.vehicle_position where vehicle_id = ?", trip[1]);
        assertEquals(3, rows.size());
        rows.forEach(row -> assertEquals(trip[2], row.get("assignment_id")));
        Response mine = latest(cw.asDriver(trip[0]), trip[1]);
        assertEquals(200, mine.statusCode(), mine::asString);
        assertEquals(trip[2].toString(), mine.path("assignment_id"));
    }

    @Test
    void aDriverCannotPostForAnotherDriversAssignmentOrVehicle() {
        UUID[] mine = trip();
        UUID[] theirs = trip();
        long before = stored();

        var theirAssignment = position(mine[1], now.minusSeconds(5), 40, -74);
        theirAssignment.put("assignment_id", theirs[2].toString());
        Response r = post(cw.asDriver(mine[0]), List.of(position(mine[1], now.minusSeconds(6), 40, -74), theirAssignment));
        assertEquals(404, r.statusCode(), r::asString);
        assertEquals(List.of("[1].assignment_id"), r.jsonPath().getList("errors.field"));

        Response theirVehicle = post(cw.asDriver(mine[0]), List.of(position(theirs[1], now.minusSeconds(5), 40, -74)));
        assertEquals(404, theirVehicle.statusCode(), theirVehicle::asString);
        assertEquals(List.of("[0].vehicle_id"), theirVehicle.jsonPath().getList("errors.field"));

        // their own vehicle, but long before the trip (and its hour of grace)
        Response outside = post(cw.asDriver(mine[0]), List.of(position(mine[1], now.minus(4, ChronoUnit.HOURS), 40, -74)));
        assertEquals(404, outside.statusCode(), outside::asString);
        assertEquals(List.of("[0].vehicle_id"), outside.jsonPath().getList("errors.field"));

        // and a driver with no trip at all
        assertEquals(404, post(cw.asDriver(UUID.randomUUID()), List.of(position(mine[1], now.minusSeconds(5), 40, -74))).statusCode());
        assertEquals(before, stored());

        // another driver's vehicle's latest is not shown to this one
        post(cw.asDriver(theirs[0]), List.of(position(theirs[1], now.minusSeconds(5), 40, -74))).then().statusCode(200);
        assertEquals(404, latest(cw.asDriver(mine[0]), theirs[1]).statusCode());
        assertEquals(200, latest(cw.asDriver(theirs[0]), theirs[1]).statusCode());
    }

    @Test
    void aCancelledAssignmentNoLongerLetsItsDriverPost() {
        UUID[] trip = trip();
        cw.as("dispatcher").contentType("application/json").body(Map.of("reason", "bus swapped")).post("/assignments/" + trip[2] + "/cancel")
                .then().statusCode(200);
        Response r = post(cw.asDriver(trip[0]), List.of(position(trip[1], now.minusSeconds(5), 40, -74)));
        assertEquals(404, r.statusCode(), r::asString);
    }

    // ---- track ----

    @Test
    void theTrackIsTheVehiclesPositionsWithinTheWindowOldestFirst() {
        UUID[] trip = trip();
        var batch = new ArrayList<Map<String, Object>>();
        // 2.5 h before the start (outside), then every 10 min from the start for an hour, then one past the end is impossible (future)
        batch.add(position(trip[1], now.minus(150, ChronoUnit.MINUTES), 39.0, -75.0));
        for (int i = 6; i >= 0; i--) batch.add(position(trip[1], now.minus(120 - 10L * i, ChronoUnit.MINUTES), 40 + i / 100.0, -74));
        post(cw.as("service"), batch).then().statusCode(200);
        // another vehicle at the same times is not in this track
        post(cw.as("service"), List.of(position(UUID.randomUUID(), now.minus(100, ChronoUnit.MINUTES), 1, 1))).then().statusCode(200);

        Response all = cw.as("dispatcher").get("/tracking/assignments/" + trip[2] + "/track");
        assertEquals(200, all.statusCode(), all::asString);
        assertEquals(7, all.jsonPath().getInt("total"));
        assertEquals(trip[1].toString(), all.path("vehicle_id"));
        assertEquals(now.minus(2, ChronoUnit.HOURS), Instant.parse(all.path("from")));
        assertEquals(now.plus(4, ChronoUnit.HOURS), Instant.parse(all.path("to")));
        List<String> times = all.jsonPath().getList("items.recorded_at");
        assertEquals(7, times.size());
        for (int i = 0; i < 7; i++) assertEquals(now.minus(120 - 10L * i, ChronoUnit.MINUTES), Instant.parse(times.get(i)));
        assertNull(all.path("next"));

        // from/to narrow it, half-open
        Response part = cw.as("service").queryParam("from", now.minus(110, ChronoUnit.MINUTES).toString())
                .queryParam("to", now.minus(80, ChronoUnit.MINUTES).toString()).get("/tracking/assignments/" + trip[2] + "/track");
        assertEquals(200, part.statusCode(), part::asString);
        assertEquals(3, part.jsonPath().getInt("total"));
        // outside the assignment's window, from/to give nothing
        Response before = cw.as("service").queryParam("from", now.minus(3, ChronoUnit.HOURS).toString())
                .queryParam("to", now.minus(150, ChronoUnit.MINUTES).toString()).get("/tracking/assignments/" + trip[2] + "/track");
        assertEquals(0, before.jsonPath().getInt("total"));

        KeysetPaging.assertWalkMatchesOffsets(() -> cw.as("dispatcher"), "/tracking/assignments/" + trip[2] + "/track", Map.of(), 2,
                "recorded_at");

        // the driver sees its own track, not another's
        assertEquals(200, cw.asDriver(trip[0]).get("/tracking/assignments/" + trip[2] + "/track").statusCode());
        assertEquals(404, cw.asDriver(cw.driver()).get("/tracking/assignments/" + trip[2] + "/track").statusCode());
    }

    @Test
    void trackAndLatestOfWhatDoesNotExistAre404() {
        assertEquals(404, cw.as("dispatcher").get("/tracking/assignments/" + UUID.randomUUID() + "/track").statusCode());
        assertEquals(404, cw.as("dispatcher").get("/tracking/assignments/not-a-uuid/track").statusCode());
        assertEquals(404, latest(cw.as("dispatcher"), UUID.randomUUID()).statusCode());
        assertEquals(400, cw.rawAs("dispatcher").queryParam("from", "today").get("/tracking/assignments/" + UUID.randomUUID() + "/track")
                .statusCode());
        assertEquals(400, cw.rawAs("dispatcher").queryParam("limit", "5001").get("/tracking/assignments/" + UUID.randomUUID() + "/track")
                .statusCode());
    }

    @Test
    void theBoardShowsTheVehiclesLatestPosition() {
        UUID driver = cw.driver();
        UUID vehicle = cw.charters.vehicle("active");
        Instant pickup = now.minus(1, ChronoUnit.HOURS);
        // the board's day is the pickup's (service days are UTC here): between 00:00 and 01:00 that is yesterday
        String day = pickup.toString().substring(0, 10);
        UUID charter = cw.charters.charter("booked", pickup.toString(), 1);
        cw.assign(DispatchPlatform.assignmentBody(charter, driver, vehicle, now.minus(1, ChronoUnit.HOURS).toString(),
                now.plus(5, ChronoUnit.HOURS).toString())).then().statusCode(201);
        post(cw.asDriver(driver), List.of(position(vehicle, now.minusSeconds(30), 42.1, -71.1),
                position(vehicle, now.minusSeconds(90), 42.0, -71.0))).then().statusCode(200);
        Response board = cw.as("dispatcher").queryParam("date", day).get("/board");
        assertEquals(200, board.statusCode(), board::asString);
        Object lat = board.jsonPath().get("charters.find { it.charter_id == '" + charter + "' }.assignments[0].last_position.lat");
        assertEquals(42.1, ((Number) lat).doubleValue(), 1e-5); // REST-assured reads JSON numbers as floats
    }

    private static String json(Object o) {
        try {
            return com.coachway.common.http.Json.MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
