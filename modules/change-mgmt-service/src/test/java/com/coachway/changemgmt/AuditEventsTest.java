package com.coachway.changemgmt;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import com.coachway.testkit.Together;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform audit trail through the gateway: exactly once per Idempotency-Key, append-only in
 * the database, filtered and keyset-paged. Also what a case does when its neighbours are down
 * (charter- and pricing-service are recording fakes here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventsTest {
    private static final String CHANGES = ChangeMgmtPlatform.CHANGES;
    private final RecordingNeighbour charters = new RecordingNeighbour(404, problem(404, "Charter not found"));
    private final RecordingNeighbour pricing = new RecordingNeighbour(503, problem(503, "down"));
    private Platform platform;

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("change-mgmt-service", CHANGES, ChangeMgmtService::start, Map.of("CHARTER_SERVICE_URL", charters.url(),
                        "PRICING_SERVICE_URL", pricing.url(), "OUTBOX_POLL_INTERVAL_MS", "100"))
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
        charters.close();
        pricing.close();
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"request_id\":\"t\"}";
    }

    private RequestSpecification asService() {
        return platform.api(CHANGES).auth().oauth2(platform.serviceToken("auth-service"));
    }

    private RequestSpecification rawAsService() {
        return platform.raw(CHANGES).auth().oauth2(platform.serviceToken("auth-service"));
    }

    private RequestSpecification as(String role) {
        // portal users carry the record they belong to
        String token = List.of("client", "vendor", "driver").contains(role) ? platform.portalToken(role, PORTAL_RECORD) : platform.token(role);
        return platform.api(CHANGES).auth().oauth2(token);
    }

    private static final UUID PORTAL_RECORD = UUID.randomUUID();

    private long rows() {
        return platform.count("change_mgmt.audit_event");
    }

    static Map<String, Object> event(String entityId, String action, String actor, String at) {
        var b = new HashMap<String, Object>();
        // the caller's own name: asService() posts with auth-service's token
        b.put("service", "auth-service");
        b.put("action", action);
        b.put("entity_type", "charter");
        b.put("entity_id", entityId);
        b.put("actor", actor);
        b.put("occurred_at", at);
        b.put("from", "booked");
        b.put("to", "cancelled");
        b.put("details", Map.of("reason", "client asked", "amount", 12.5));
        return b;
    }

    private Response post(String key, Map<String, Object> body) {
        return asService().header("Idempotency-Key", key).contentType("application/json").body(body).post("/audit-events");
    }

    @Test
    void anEventIsRecordedOncePerKey() {
        String key = UUID.randomUUID().toString();
        String entity = UUID.randomUUID().toString();
        var body = event(entity, "charter.status_changed", "service:charter-service", "2026-11-20T10:00:00Z");
        long before = rows();
        Response first = post(key, body);
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(key, first.path("id"));
        assertEquals("recorded", first.path("status"));
        Response again = post(key, body);
        assertEquals(200, again.statusCode(), again::asString);
        assertEquals("duplicate", again.path("status"));
        assertEquals(before + 1, rows());

        Response got = as("accountant").queryParam("entity_type", "charter").queryParam("entity_id", entity).get("/audit-events");
        assertEquals(200, got.statusCode(), got::asString);
        assertEquals(1, (int) got.path("total"));
        assertEquals(key, got.path("items[0].id"));
        assertEquals("booked", got.path("items[0].from"));
        assertEquals("cancelled", got.path("items[0].to"));
        assertEquals("client asked", got.path("items[0].details.reason"));
        assertTrue(got.path("items[0].received_at") != null);
    }

    @Test
    void concurrentDuplicatesLeaveOneRow() throws Exception {
        String key = UUID.randomUUID().toString();
        var body = event(UUID.randomUUID().toString(), "payment.recorded", "system", "2026-11-21T10:00:00Z");
        asService(); // the service token, fetched before the race
        long before = rows();
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 12; i++) calls.add(() -> post(key, body));
        List<Integer> codes = Together.statusCodes(calls);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(11, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(before + 1, rows());
    }

    @Test
    void theTableIsAppendOnly() throws SQLException {
        // a case, so that its history has a row to refuse changing
        String charter = UUID.randomUUID().toString();
        charters.answer("/charters/" + charter, 200, charterJson(charter, UUID.randomUUID().toString()));
        String caseId = as("manager").contentType("application/json")
                .body(ChangeMgmtPlatform.caseBody(charter, "other", Map.of("note", "n"))).post("/cases").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, event("x-1", "user.deactivated", "system", "2026-11-22T10:00:00Z")).statusCode());
        try (var c = DriverManager.getConnection(platform.databaseUrl())) {
            for (String sql : List.of("update change_mgmt.audit_event set actor = 'someone else' where id = '" + key + "'",
                    "delete from change_mgmt.audit_event where id = '" + key + "'",
                    "truncate change_mgmt.audit_event",
                    "update change_mgmt.case_history set actor = 'x' where case_id = '" + caseId + "'",
                    "delete from change_mgmt.case_history where case_id = '" + caseId + "'",
                    "truncate change_mgmt.case_history cascade")) {
                var e = assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only"), e::getMessage);
            }
        }
        assertEquals("system", Rows.query(platform.databaseUrl(), "select actor from change_mgmt.audit_event where id = ?::uuid", key)
                .getFirst().get("actor"));
    }

    @Test
    void filtersAndKeysetPaging() {
        String entity = UUID.randomUUID().toString();
        String actor = UUID.randomUUID().toString();
        var keys = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            assertEquals(201, post(key, event(entity, i % 2 == 0 ? "bid.awarded" : "charter.vendor_awarded", actor,
                    "2026-11-2" + (i + 1) + "T10:00:00Z")).statusCode());
        }
        var seen = new ArrayList<String>();
        String after = null;
        do {
            var req = as("manager").queryParam("actor", actor).queryParam("limit", 2);
            if (after != null) req = req.queryParam("after", after);
            Response r = req.get("/audit-events");
            assertEquals(200, r.statusCode(), r::asString);
            assertEquals(5, (int) r.path("total"));
            seen.addAll(r.path("items.id"));
            after = r.path("next");
        } while (after != null);
        // newest first
        assertEquals(List.of(keys.get(4), keys.get(3), keys.get(2), keys.get(1), keys.get(0)), seen);
        assertEquals(3, (int) as("admin").queryParam("entity_id", entity).queryParam("action", "bid.awarded").get("/audit-events").path("total"));
        assertEquals(5, (int) as("admin").queryParam("entity_id", entity).queryParam("service", "auth-service").get("/audit-events").path("total"));
        assertEquals(2, (int) as("admin").queryParam("entity_id", entity).queryParam("from", "2026-11-22T00:00:00Z")
                .queryParam("to", "2026-11-24T00:00:00Z").get("/audit-events").path("total"));
        assertEquals(0, (int) as("admin").queryParam("entity_id", entity).queryParam("service", "charter-service").get("/audit-events").path("total"));
        assertEquals(400, platform.raw(CHANGES).auth().oauth2(platform.token("admin")).queryParam("from", "yesterday").get("/audit-events").statusCode());
        assertEquals(400, platform.raw(CHANGES).auth().oauth2(platform.token("admin")).queryParam("after", "garbage").get("/audit-events").statusCode());
        assertEquals(400, platform.raw(CHANGES).auth().oauth2(platform.token("admin")).queryParam("entity_type", "Bad Type").get("/audit-events").statusCode());
    }

    @Test
    void badEventsAre400AndWriteNothing() {
        long before = rows();
        var good = event("e-1", "user.roles_changed", "system", "2026-11-23T10:00:00Z");
        var cases = new ArrayList<Map<String, Object>>();
        for (String missing : List.of("service", "action", "entity_type", "entity_id", "actor", "occurred_at")) {
            var b = new HashMap<>(good);
            b.remove(missing);
            cases.add(b);
        }
        for (var bad : List.<Map.Entry<String, Object>>of(Map.entry("service", "Charter Service"), Map.entry("action", "nodot"),
                Map.entry("action", "a.b".repeat(30)), Map.entry("entity_type", "Charter"), Map.entry("entity_id", ""),
                Map.entry("actor", 42), Map.entry("occurred_at", "not a time"), Map.entry("from", "x".repeat(201)),
                Map.entry("details", "not an object"), Map.entry("extra", true))) {
            var b = new HashMap<>(good);
            b.put(bad.getKey(), bad.getValue());
            cases.add(b);
        }
        for (var b : cases) {
            Response r = rawAsService().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(b)
                    .post("/audit-events");
            assertEquals(400, r.statusCode(), b + " → " + r.asString());
        }
        Response noKey = rawAsService().contentType("application/json").body(good).post("/audit-events");
        assertEquals(400, noKey.statusCode(), noKey::asString);
        Response notUuid = rawAsService().header("Idempotency-Key", "event-1").contentType("application/json").body(good).post("/audit-events");
        assertEquals(400, notUuid.statusCode(), notUuid::asString);
        Response malformed = rawAsService().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("{\"service\":").post("/audit-events");
        assertEquals(400, malformed.statusCode(), malformed::asString);
        assertEquals(415, rawAsService().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("text/plain").body("x")
                .post("/audit-events").statusCode());
        assertEquals(before, rows());
    }

    @Test
    void aServiceCannotWriteAnEventInAnotherServicesName() {
        long before = rows();
        String key = UUID.randomUUID().toString();
        var forged = event(UUID.randomUUID().toString(), "payment.recorded", "service:payment-service", "2026-11-24T10:00:00Z");
        forged.put("service", "payment-service");
        Response r = post(key, forged);
        assertEquals(403, r.statusCode(), r::asString);
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertTrue(r.<String>path("detail").contains("payment-service"), r::asString);
        assertEquals(before, rows());
        // the key was not spent: the same event in the caller's own name is recorded under it
        forged.put("service", "auth-service");
        assertEquals(201, post(key, forged).statusCode());
        assertEquals(before + 1, rows());
        // the actor stays the producer's word (the user it acted for)
        assertEquals("service:payment-service", as("admin").queryParam("entity_id", forged.get("entity_id")).get("/audit-events")
                .path("items[0].actor"));
    }

    @Test
    void onlyServicesPostAndOnlyAdminsManagersAccountantsRead() {
        long before = rows();
        var body = event("e-2", "user.deactivated", "system", "2026-11-23T10:00:00Z");
        for (String role : List.of("admin", "manager", "accountant", "dispatcher", "client")) {
            Response r = as(role).header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(body)
                    .post("/audit-events");
            assertEquals(403, r.statusCode(), role + ": " + r.asString());
        }
        for (String role : List.of("sales_agent", "dispatcher", "driver", "vendor")) {
            assertEquals(403, as(role).get("/audit-events").statusCode(), role);
        }
        assertEquals(403, asService().get("/audit-events").statusCode());
        assertEquals(401, platform.api(CHANGES).header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(body).post("/audit-events").statusCode());
        assertEquals(before, rows());
    }

    // ---- cases when the neighbours say no or are down ----

    private static String charterJson(String id, String clientId) {
        return "{\"id\":\"" + id + "\",\"reference\":\"CW-2027-00001\",\"client_id\":\"" + clientId + "\",\"status\":\"booked\","
                + "\"trip_type\":\"round_trip\",\"passenger_count\":40,\"pickup_at\":\"2027-05-01T08:00:00-04:00\","
                + "\"return_at\":\"2027-05-01T18:00:00-04:00\",\"ends_at\":\"2027-05-01T18:00:00-04:00\","
                + "\"stops\":[{\"sequence\":1,\"address\":\"A\",\"depart_at\":\"2027-05-01T08:00:00-04:00\"},"
                + "{\"sequence\":2,\"address\":\"B\",\"arrive_at\":\"2027-05-01T10:00:00-04:00\"}],"
                + "\"vehicles\":[{\"vehicle_type\":\"coach_56\"}],\"amenities\":[],\"miles\":100,"
                + "\"current_quote\":{\"subtotal\":2000.00,\"tax\":165.00,\"total\":2165.00,\"promo_code\":null},\"version\":3}";
    }

    private List<Long> written() {
        return List.of(platform.count("change_mgmt.change_case"), platform.count("change_mgmt.case_history"), rows(),
                platform.count("change_mgmt.outbox"));
    }

    @Test
    void pricingDownIs503AndNothingIsWritten() {
        String charter = UUID.randomUUID().toString();
        charters.answer("/charters/" + charter, 200, charterJson(charter, UUID.randomUUID().toString()));
        var before = written();
        Response r = as("sales_agent").contentType("application/json")
                .body(ChangeMgmtPlatform.caseBody(charter, "passenger_count_change", Map.of("passengers", 30))).post("/cases");
        assertEquals(503, r.statusCode(), r::asString);
        assertEquals(before, written());
        assertTrue(pricing.requests().stream().anyMatch(q -> q.path().equals("/calculate")));
    }

    @Test
    void charterServiceDownIs503AndNothingIsWritten() {
        String charter = UUID.randomUUID().toString();
        charters.answer("/charters/" + charter, 503, problem(503, "down"));
        var before = written();
        Response r = as("sales_agent").contentType("application/json")
                .body(ChangeMgmtPlatform.caseBody(charter, "other", Map.of("note", "n"))).post("/cases");
        assertEquals(503, r.statusCode(), r::asString);
        assertEquals(before, written());
    }

    @Test
    void anOtherCaseNeedsNoPriceAndTheCharterIsReadWithTheCallersToken() {
        String charter = UUID.randomUUID().toString();
        charters.answer("/charters/" + charter, 200, charterJson(charter, UUID.randomUUID().toString()));
        String token = platform.token("dispatcher");
        Response r = platform.api(CHANGES).auth().oauth2(token).contentType("application/json")
                .body(ChangeMgmtPlatform.caseBody(charter, "other", Map.of("note", "n"))).post("/cases");
        assertEquals(201, r.statusCode(), r::asString);
        assertNull(r.path("price_delta"));
        assertTrue(charters.requests().stream().anyMatch(q -> q.path().equals("/charters/" + charter) && ("Bearer " + token).equals(q.authorization())),
                charters.requests()::toString);
    }
}
