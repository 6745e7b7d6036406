package com.coachway.charter;

import com.coachway.auth.AuthService;
import com.coachway.client.ClientService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-, client-, pricing- and charter-service on one fresh database behind the gateway, as in
 * production (notification-, payment- and finance-service stood in for by fakes that record what they are asked), with helpers that build the records charter tests start from (clients, contacts,
 * charters, quotes, vehicles) through the public API.
 */
final class CharterPlatform implements AutoCloseable {
    static final String CHARTERS = "/api/v1/charters";
    static final String CLIENTS = "/api/v1/clients";
    static final String PRICING = "/api/v1/pricing";

    final Platform platform;
    /** Where the outbox delivers payment.schedule_requested (unless a test names another PAYMENT_SERVICE_URL). */
    final RecordingNeighbour payments = new RecordingNeighbour(201, "{}");
    /** Where charter-service's outbox delivers the emails it asks for. */
    final RecordingNeighbour notifications = new RecordingNeighbour(202, "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"status\":\"queued\"}");
    /** Where charter-service's outbox delivers charter.status_changed and vendor_payment.changed (finance-service). */
    final RecordingNeighbour finance = new RecordingNeighbour(200, FINANCE_APPLIED);
    /** change-mgmt-service's /audit-events: where the outbox delivers audit.charter.* and audit.vendor_payment.*. */
    final AuditTrailReceiver audit = new AuditTrailReceiver();
    static final String FINANCE_APPLIED = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"status\":\"applied\",\"entry_id\":\""
            + UUID.randomUUID() + "\"}";

    CharterPlatform() {
        this(Map.of());
    }

    /** With more variables for charter-service, e.g. PRICING_SERVICE_URL of a fake in front of pricing. */
    CharterPlatform(Map<String, String> charterEnv) {
        var env = new HashMap<String, String>(Map.of("QUOTE_EXPIRY_INTERVAL_SECONDS", "1", "OUTBOX_POLL_INTERVAL_MS", "100",
                "PAYMENT_SERVICE_URL", payments.url(), "NOTIFICATION_SERVICE_URL", notifications.url(),
                "FINANCE_SERVICE_URL", finance.url(), "CHANGE_MGMT_SERVICE_URL", audit.url()));
        env.putAll(charterEnv);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", CLIENTS, ClientService::start)
                .service("pricing-service", PRICING, PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start, env)
                .start();
    }

    /** A request to charter-service as a fresh user with this role, validated against openapi.yaml. */
    RequestSpecification as(String role) {
        return platform.api(CHARTERS).auth().oauth2(platform.token(role));
    }

    /** As {@link #as}, for requests that break the contract on purpose; responses are still validated. */
    RequestSpecification rawAs(String role) {
        return platform.raw(CHARTERS).auth().oauth2(platform.token(role));
    }

    /** As charter-service's own service credentials: how vendor- and dispatch-service call it. */
    RequestSpecification asService() {
        return platform.api(CHARTERS).auth().oauth2(platform.serviceToken("charter-service"));
    }

    RequestSpecification rawAsService() {
        return platform.raw(CHARTERS).auth().oauth2(platform.serviceToken("charter-service"));
    }

    RequestSpecification asClientUser(String clientId) {
        return platform.api(CHARTERS).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    RequestSpecification rawAsClientUser(String clientId) {
        return platform.raw(CHARTERS).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    long count(String table) {
        return platform.count(table);
    }

    // ---- clients ----

    String createClient() {
        return createClient(Map.of());
    }

    String createClient(Map<String, Object> extra) {
        var body = new HashMap<String, Object>(Map.of("name", "Acme Tours " + UUID.randomUUID().toString().substring(0, 6),
                "type", "corporate", "email", "acme-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        body.putAll(extra);
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json").body(body).post("/clients");
        assertEquals(201, r.statusCode(), () -> "creating a client failed: " + r.asString());
        return r.path("id");
    }

    String createContact(String clientId, String email) {
        var body = new HashMap<String, Object>(Map.of("name", "Carla Contact"));
        if (email != null) body.put("email", email);
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(body).post("/clients/" + clientId + "/contacts");
        assertEquals(201, r.statusCode(), () -> "creating a contact failed: " + r.asString());
        return r.path("id");
    }

    Response getClient(String clientId) {
        return platform.api(CLIENTS).auth().oauth2(platform.adminToken()).get("/clients/" + clientId);
    }

    // ---- charters ----

    /** A valid one-day charter for 40 passengers in one coach_56, 120 miles, on the given day of 2027. */
    static Map<String, Object> charterBody(String clientId, String day) {
        var body = new LinkedHashMap<String, Object>();
        body.put("client_id", clientId);
        body.put("trip_type", "round_trip");
        body.put("passenger_count", 40);
        body.put("pickup_at", day + "T08:00:00-04:00");
        body.put("return_at", day + "T18:00:00-04:00");
        body.put("stops", List.of(
                Map.of("sequence", 1, "address", "1 Main St, Springfield", "depart_at", day + "T08:00:00-04:00"),
                Map.of("sequence", 2, "address", "Science Museum, Boston", "arrive_at", day + "T10:30:00-04:00",
                        "depart_at", day + "T16:00:00-04:00", "lat", 42.367714, "lon", -71.070782)));
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)));
        body.put("amenities", List.of("wifi"));
        body.put("miles", 120);
        body.put("notes", "Field trip");
        return body;
    }

    Response postCharter(Map<String, Object> body) {
        return as("sales_agent").contentType("application/json").body(body).post("/charters");
    }

    String createCharter(String clientId, String day) {
        return createCharter(charterBody(clientId, day));
    }

    String createCharter(Map<String, Object> body) {
        Response r = postCharter(body);
        assertEquals(201, r.statusCode(), () -> "creating a charter failed: " + r.asString());
        return r.path("id");
    }

    Response getCharter(String id) {
        return as("sales_agent").get("/charters/" + id);
    }

    int version(String charterId) {
        return getCharter(charterId).path("version");
    }

    Response setStatus(String charterId, String status) {
        return as("dispatcher").contentType("application/json").body(Map.of("status", status)).post("/charters/" + charterId + "/status");
    }

    // ---- quotes ----

    String createQuote(String charterId) {
        Response r = as("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes");
        assertEquals(201, r.statusCode(), () -> "creating a quote failed: " + r.asString());
        return r.path("id");
    }

    Response send(String quoteId) {
        return as("sales_agent").contentType("application/json").body("{}").post("/quotes/" + quoteId + "/send");
    }

    Response accept(String quoteId) {
        return as("sales_agent").contentType("application/json").body("{}").post("/quotes/" + quoteId + "/accept");
    }

    /** A charter with a sent quote: the charter is quoted. Returns the quote id. */
    String sentQuote(String charterId) {
        String quoteId = createQuote(charterId);
        Response r = send(quoteId);
        assertEquals(200, r.statusCode(), () -> "sending a quote failed: " + r.asString());
        return quoteId;
    }

    /** A booked charter: its quote sent and accepted. Returns the charter id. */
    String bookedCharter(String clientId, String day) {
        String charterId = createCharter(clientId, day);
        Response r = accept(sentQuote(charterId));
        assertEquals(200, r.statusCode(), () -> "accepting a quote failed: " + r.asString());
        return charterId;
    }

    // ---- vehicles ----

    static String vin() {
        String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var sb = new StringBuilder();
        var rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 17; i++) sb.append(chars.charAt(rnd.nextInt(chars.length())));
        return sb.toString();
    }

    static String plate() {
        return "CW " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static Map<String, Object> vehicleBody(String type, int capacity) {
        return new LinkedHashMap<>(Map.of("vehicle_type", type, "capacity", capacity, "make", "MCI", "model", "J4500",
                "year", 2022, "plate", plate(), "vin", vin(), "amenities", List.of("wifi", "restroom")));
    }

    String createVehicle(String type, int capacity) {
        Response r = as("dispatcher").contentType("application/json").body(vehicleBody(type, capacity)).post("/vehicles");
        assertEquals(201, r.statusCode(), () -> "creating a vehicle failed: " + r.asString());
        return r.path("id");
    }

    Response assign(String charterId, String lineId, String vehicleId) {
        var body = new HashMap<String, Object>();
        body.put("vehicle_id", vehicleId);
        return as("dispatcher").contentType("application/json").body(body).put("/charters/" + charterId + "/vehicles/" + lineId);
    }

    String firstLine(String charterId) {
        return getCharter(charterId).path("vehicles[0].id");
    }

    // ---- direct database access, for what the API does not show (outbox rows) or cannot do (time travel) ----

    /** Runs a statement straight on the database, e.g. a trigger that makes a step fail; returns the rows it changed. */
    int execute(String sql, Object... params) {
        return Rows.execute(platform.databaseUrl(), sql, params);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    /**
     * Accepts the quote while a trigger makes the booking's last write (its outbox row) fail as a
     * transient conflict would, after pricing counted the promo use: the accept answers 409.
     */
    void acceptFailingAtCommit(String charterId, String quoteId) {
        String trigger = "fail_" + charterId.replace("-", "");
        execute("create function charter." + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.payload->>'charter_id' = '" + charterId + "' then raise exception 'test: commit fails' using errcode = 'serialization_failure'; end if; "
                + "return new; end $$");
        execute("create trigger " + trigger + " before insert on charter.outbox for each row execute function charter." + trigger + "()");
        try {
            accept(quoteId).then().statusCode(409);
        } finally {
            execute("drop trigger " + trigger + " on charter.outbox");
            execute("drop function charter." + trigger + "()");
        }
    }

    /**
     * Waits (polling, at most 20 s) until the outbox has delivered the event of {@code topic} whose
     * payload has {@code key} = {@code value}: what a request asks for after its answer.
     */
    void awaitOutboxDelivered(String topic, String key, String value) {
        awaitOutbox(topic, key, value, "delivered");
    }

    /** As {@link #awaitOutboxDelivered}, for any final status (delivered, failed). */
    void awaitOutbox(String topic, String key, String value, String status) {
        String sql = "select 1 from charter.outbox where topic = ? and payload->>'" + key + "' = ? and status = ?";
        awaitRow(sql, () -> "the outbox did not reach " + status + " for " + topic + " with " + key + " " + value + ": "
                + rows("select status, attempts, last_error from charter.outbox where topic = ? and payload->>'" + key + "' = ?", topic, value),
                topic, value, status);
    }

    /** Waits (polling, at most 20 s) until {@code sql} finds a row. */
    void awaitRow(String sql, java.util.function.Supplier<String> failure, Object... params) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rows(sql, params).isEmpty()) {
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
        payments.close();
        notifications.close();
        finance.close();
        audit.close();
    }
}
