package com.coachway.vendor;

import com.coachway.auth.AuthService;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth- and vendor-service on one fresh database behind the gateway, on a clock the test moves.
 * charter-service and notification-service are stood in for by recording neighbours; a test says
 * what charter-service answers with {@link #charterIs}. Helpers build vendors (compliant or
 * not), bid requests and bids through the public API.
 */
final class VendorPlatform implements AutoCloseable {
    static final String VENDORS = "/api/v1/vendors";
    /** 2027-03-01 12:00 UTC: 07:00 in New York, so "today" there is 2027-03-01. */
    static final Instant START = Instant.parse("2027-03-01T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    static final String TEST_SERVICE = "test-service";
    private static final String TEST_SERVICE_SECRET = "test-service-secret-" + UUID.randomUUID();

    final MovableClock clock = new MovableClock(START);
    final Platform platform;
    final RecordingNeighbour charters = new RecordingNeighbour(404, problem(404, "Charter not found"));
    final RecordingNeighbour notifications = new RecordingNeighbour(202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}");
    /** change-mgmt-service's /audit-events: where the outbox delivers audit.bid.awarded. */
    final AuditTrailReceiver audit = new AuditTrailReceiver();

    VendorPlatform() {
        String vendorSecret = "vendor-service-secret-" + UUID.randomUUID();
        platform = Platform.builder()
                // our own service client besides vendor-service's, to call as another service would
                .service("auth-service", "/api/v1/auth", AuthService::start,
                        Map.of("SERVICE_CLIENTS", "vendor-service:" + vendorSecret + "," + TEST_SERVICE + ":" + TEST_SERVICE_SECRET))
                .service("vendor-service", VENDORS, c -> VendorService.start(c, clock),
                        Map.of("SERVICE_CLIENT_SECRET", vendorSecret, "OUTBOX_POLL_INTERVAL_MS", "50",
                                "CHARTER_SERVICE_URL", charters.url(), "NOTIFICATION_SERVICE_URL", notifications.url(),
                                "CHANGE_MGMT_SERVICE_URL", audit.url()))
                .start();
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"request_id\":\"t\"}";
    }

    RequestSpecification as(String role) {
        return platform.api(VENDORS).auth().oauth2(platform.token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(VENDORS).auth().oauth2(platform.token(role));
    }

    RequestSpecification asVendorUser(String vendorId) {
        return platform.api(VENDORS).auth().oauth2(platform.portalToken("vendor", UUID.fromString(vendorId)));
    }

    RequestSpecification rawAsVendorUser(String vendorId) {
        return platform.raw(VENDORS).auth().oauth2(platform.portalToken("vendor", UUID.fromString(vendorId)));
    }

    RequestSpecification asService() {
        return platform.api(VENDORS).auth().oauth2(platform.clientCredentialsToken(TEST_SERVICE, TEST_SERVICE_SECRET));
    }

    long count(String table) {
        return platform.count(table);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    // ---- charter-service, as the neighbour answers ----

    /** From now on charter-service answers every call with this charter (GET /charters/{id} and the award alike). */
    void charterIs(String charterId, String status, String vendorId) {
        var c = new LinkedHashMap<String, Object>();
        c.put("id", charterId);
        c.put("reference", "CW-2027-" + (10000 + Math.abs(charterId.hashCode() % 90000)));
        c.put("client_id", UUID.randomUUID().toString());
        c.put("status", status);
        c.put("passenger_count", 40);
        c.put("pickup_at", "2027-03-20T08:00:00-04:00");
        c.put("return_at", "2027-03-21T18:00:00-04:00");
        c.put("ends_at", "2027-03-21T18:00:00-04:00");
        c.put("vehicles", List.of(Map.of("id", UUID.randomUUID().toString(), "vehicle_type", "coach_56")));
        c.put("vendor_id", vendorId);
        try {
            charters.answer(200, com.coachway.common.http.Json.MAPPER.writeValueAsString(c));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- vendors ----

    static Map<String, Object> vendorBody(String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("legal_name", name + " LLC");
        body.put("dot_number", "1234567");
        body.put("mc_number", "MC-765432");
        body.put("email", "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example.com");
        body.put("phone", "+16175550100");
        body.put("address", "1 Depot Rd, Worcester, MA");
        body.put("service_states", List.of("MA", "NH"));
        body.put("fleet_size", 12);
        return body;
    }

    String createVendor(Map<String, Object> body) {
        Response r = as("manager").contentType("application/json").body(body).post("/vendors");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    String createVendor() {
        return createVendor(vendorBody("Bay State Coaches " + UUID.randomUUID().toString().substring(0, 6)));
    }

    Response setStatus(String vendorId, String status) {
        int version = as("manager").get("/vendors/" + vendorId).path("version");
        return as("manager").contentType("application/json").body(Map.of("version", version, "status", status))
                .patch("/vendors/" + vendorId);
    }

    Response file(String vendorId, Map<String, Object> document) {
        return as("dispatcher").contentType("application/json").body(document).post("/vendors/" + vendorId + "/compliance-documents");
    }

    static Map<String, Object> paper(String kind, LocalDate expiresOn, String coverage) {
        var d = new HashMap<String, Object>();
        d.put("kind", kind);
        d.put("issued_on", TODAY.minusYears(1).toString());
        if (expiresOn != null) d.put("expires_on", expiresOn.toString());
        if (coverage != null) d.put("coverage_amount", new java.math.BigDecimal(coverage));
        return d;
    }

    /** Files the three required papers, valid for a year (liability at exactly $5,000,000.00). */
    void makeCompliant(String vendorId) {
        file(vendorId, paper("liability_insurance", TODAY.plusYears(1), "5000000.00")).then().statusCode(201);
        file(vendorId, paper("operating_authority", TODAY.plusYears(1), null)).then().statusCode(201);
        file(vendorId, paper("w9", null, null)).then().statusCode(201);
    }

    /** An approved vendor with its three required papers. */
    String approvedCompliantVendor() {
        String id = createVendor();
        makeCompliant(id);
        setStatus(id, "approved").then().statusCode(200);
        return id;
    }

    // ---- bidding ----

    static String at(Duration fromStart) {
        return START.plus(fromStart).toString();
    }

    /** An open bid request for a new booked charter, answering by START + 2 days. Returns its id. */
    String openRequest() {
        String charterId = UUID.randomUUID().toString();
        charterIs(charterId, "booked", null);
        Response r = as("dispatcher").contentType("application/json")
                .body(Map.of("charter_id", charterId, "vehicle_type", "coach_56", "quantity", 1, "respond_by", at(Duration.ofDays(2))))
                .post("/bid-requests");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    Response bid(String vendorId, String requestId, String amount) {
        return asVendorUser(vendorId).contentType("application/json")
                .body(Map.of("amount", new java.math.BigDecimal(amount), "vehicle_type", "coach_56"))
                .post("/bid-requests/" + requestId + "/bids");
    }

    Response award(String requestId, String bidId) {
        return as("dispatcher").contentType("application/json").body(Map.of("bid_id", bidId)).post("/bid-requests/" + requestId + "/award");
    }

    /** Waits (polling, at most 20 s) until the outbox has no pending row of {@code topic}. */
    void awaitDelivered(String topic) {
        await(() -> rows("select 1 from vendor.outbox where topic = ? and status <> 'delivered'", topic).isEmpty(),
                () -> "outbox " + topic + " not delivered: " + rows("select status, attempts, last_error from vendor.outbox where topic = ?", topic));
    }

    static void await(Supplier<Boolean> condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError(failure.get());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        platform.close();
        charters.close();
        notifications.close();
        audit.close();
    }
}
