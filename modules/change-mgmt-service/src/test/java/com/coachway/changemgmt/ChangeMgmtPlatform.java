package com.coachway.changemgmt;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.notification.NotificationService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-, client-, pricing-, charter-, notification- and change-mgmt-service on one fresh database
 * behind the gateway, as in production (charter-service's own neighbours — notifications, payments,
 * finance — stood in for by recording fakes, so the only messages notification-service holds are change-mgmt's), with helpers that make clients and charters
 * through the public API.
 */
public final class ChangeMgmtPlatform implements AutoCloseable {
    public static final String CHANGES = "/api/v1/change-mgmt";
    public static final String CHARTERS = "/api/v1/charters";
    public static final String CLIENTS = "/api/v1/clients";
    public static final String NOTIFICATIONS = "/api/v1/notifications";

    public final Platform platform;
    private final RecordingNeighbour payments = new RecordingNeighbour(201, "{}");
    private final RecordingNeighbour notifications = new RecordingNeighbour(202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}");
    private final RecordingNeighbour finance = new RecordingNeighbour(200, "{\"event_id\":\"e\",\"status\":\"applied\",\"entry_id\":null}");

    public ChangeMgmtPlatform() {
        this(Map.of());
    }

    /** With more (or other) settings for change-mgmt-service, e.g. CHARTER_SERVICE_URL pointing at a stand-in. */
    public ChangeMgmtPlatform(Map<String, String> changeMgmtEnv) {
        var changeMgmt = new HashMap<>(Map.of("OUTBOX_POLL_INTERVAL_MS", "100", "OUTBOX_MAX_ATTEMPTS", "3"));
        changeMgmt.putAll(changeMgmtEnv);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", CLIENTS, ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start, Map.of("OUTBOX_POLL_INTERVAL_MS", "200",
                        "PAYMENT_SERVICE_URL", payments.url(), "NOTIFICATION_SERVICE_URL", notifications.url(),
                        "FINANCE_SERVICE_URL", finance.url()))
                .service("notification-service", NOTIFICATIONS, NotificationService::start)
                .service("change-mgmt-service", CHANGES, ChangeMgmtService::start, changeMgmt)
                .start();
    }

    public RequestSpecification as(String role) {
        return platform.api(CHANGES).auth().oauth2(platform.token(role));
    }

    public RequestSpecification rawAs(String role) {
        return platform.raw(CHANGES).auth().oauth2(platform.token(role));
    }

    public RequestSpecification withToken(String token) {
        return platform.api(CHANGES).auth().oauth2(token);
    }

    public RequestSpecification asClientUser(String clientId) {
        return withToken(platform.portalToken("client", UUID.fromString(clientId)));
    }

    public RequestSpecification asService() {
        return withToken(platform.serviceToken("charter-service"));
    }

    public RequestSpecification rawAsService() {
        return platform.raw(CHANGES).auth().oauth2(platform.serviceToken("charter-service"));
    }

    /** The user id (the token's subject) of a token. */
    public static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!m.find()) throw new IllegalStateException("no sub in " + payload);
        return m.group(1);
    }

    public long count(String table) {
        return platform.count(table);
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    public int execute(String sql, Object... params) {
        return Rows.execute(platform.databaseUrl(), sql, params);
    }

    /** Counts of the tables a refused request must leave alone. */
    /**
     * What this service's own actions write. Audit events other services deliver (charter-service's
     * status changes, auth's role changes) arrive from their outboxes at any time, so only
     * change-mgmt's own are counted.
     */
    public List<Long> written() {
        long ownAudit = ((Number) rows("select count(*) as n from change_mgmt.audit_event where service = 'change-mgmt-service'")
                .getFirst().get("n")).longValue();
        return List.of(count("change_mgmt.change_case"), count("change_mgmt.case_history"), ownAudit, count("change_mgmt.outbox"));
    }

    // ---- records in the other services ----

    public String createClient() {
        var body = Map.of("name", "Tours " + UUID.randomUUID().toString().substring(0, 6), "type", "corporate",
                "email", "t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json").body(body).post("/clients");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A round trip for 40 passengers in one coach_56, 120 miles, 08:00–18:00 on {@code day} (2027). */
    public static Map<String, Object> charterBody(String clientId, String day) {
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
        return body;
    }

    private RequestSpecification charters() {
        return platform.api(CHARTERS).auth().oauth2(platform.token("sales_agent"));
    }

    public String createCharter(String clientId, String day) {
        Response r = charters().contentType("application/json").body(charterBody(clientId, day)).post("/charters");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A charter booked through its quote: its current quote is the accepted one. */
    public String bookedCharter(String clientId, String day) {
        return bookedCharter(clientId, day, null);
    }

    /** Booked through a quote priced with {@code promoCode} (null: none); accepting it counts one use of the code. */
    public String bookedCharter(String clientId, String day, String promoCode) {
        String charter = createCharter(clientId, day);
        Response q = charters().contentType("application/json").body(promoCode == null ? Map.of() : Map.of("promo_code", promoCode))
                .post("/charters/" + charter + "/quotes");
        assertEquals(201, q.statusCode(), q::asString);
        String quote = q.path("id");
        Response s = charters().contentType("application/json").body("{}").post("/quotes/" + quote + "/send");
        assertEquals(200, s.statusCode(), s::asString);
        Response a = charters().contentType("application/json").body("{}").post("/quotes/" + quote + "/accept");
        assertEquals(200, a.statusCode(), a::asString);
        return charter;
    }

    /** A percent promo code for trips from {@code validFrom} to {@code validTo} (inclusive), made by a manager in pricing-service. */
    public String createPromo(String percent, String validFrom, String validTo) {
        String code = "CHG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        Response r = platform.api("/api/v1/pricing").auth().oauth2(platform.token("manager")).contentType("application/json")
                .body(Map.of("code", code, "discount_type", "percent", "discount_value", new java.math.BigDecimal(percent),
                        "valid_from", validFrom, "valid_to", validTo))
                .post("/promo-codes");
        assertEquals(201, r.statusCode(), r::asString);
        return code;
    }

    /** The uses pricing-service has counted for a code. */
    public int promoUses(String code) {
        Response r = platform.api("/api/v1/pricing").auth().oauth2(platform.token("manager")).get("/promo-codes/" + code);
        assertEquals(200, r.statusCode(), r::asString);
        return r.path("uses");
    }

    /** A client whose emails go to {@code email}. */
    public String createClient(String email) {
        var body = Map.of("name", "Tours " + UUID.randomUUID().toString().substring(0, 6), "type", "corporate", "email", email);
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json").body(body).post("/clients");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A contact of the client with this email (null: none), made through client-service's API. */
    public String createContact(String clientId, String name, String email) {
        var body = new HashMap<String, Object>(Map.of("name", name));
        if (email != null) body.put("email", email);
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json").body(body)
                .post("/clients/" + clientId + "/contacts");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A charter of the client with {@code contactId} as its contact. */
    public String createCharter(String clientId, String contactId, String day) {
        var body = charterBody(clientId, day);
        body.put("contact_id", contactId);
        Response r = charters().contentType("application/json").body(body).post("/charters");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** The messages notification-service holds for {@code to}, oldest first. */
    public List<Map<String, Object>> messagesTo(String to) {
        Response r = platform.api(NOTIFICATIONS).auth().oauth2(platform.token("manager")).queryParam("to", to).get("/notifications");
        assertEquals(200, r.statusCode(), r::asString);
        List<Map<String, Object>> items = new java.util.ArrayList<>(r.path("items"));
        java.util.Collections.reverse(items);
        return items;
    }

    /** Waits (at most 20 s) until notification-service holds {@code n} messages for {@code to}; them, oldest first. */
    public List<Map<String, Object>> awaitMessages(String to, int n) {
        return await(() -> {
            var got = messagesTo(to);
            return got.size() >= n ? got : null;
        }, n + " message(s) to " + to + " never arrived: " + messagesTo(to) + "; outbox "
                + rows("select topic, status, attempts, last_error from change_mgmt.outbox where topic = 'notification.requested'"));
    }

    public Response charter(String id) {
        return charters().get("/charters/" + id);
    }

    // ---- cases ----

    public static Map<String, Object> caseBody(String charterId, String type, Map<String, Object> changes) {
        var b = new HashMap<String, Object>();
        b.put("charter_id", charterId);
        b.put("type", type);
        b.put("description", "Requested by phone");
        b.put("requested_changes", changes);
        return b;
    }

    public Map<String, Object> createCase(RequestSpecification as, String charterId, String type, Map<String, Object> changes) {
        Response r = as.contentType("application/json").body(caseBody(charterId, type, changes)).post("/cases");
        assertEquals(201, r.statusCode(), r::asString);
        return r.as(Map.class);
    }

    public Response move(RequestSpecification as, String caseId, String step, String comment) {
        var body = new HashMap<String, Object>();
        if (comment != null) body.put("comment", comment);
        return as.contentType("application/json").body(body).post("/cases/" + caseId + "/" + step);
    }

    /** Waits (polling, at most 20 s) until the case has left {@code implementing}; its final state. */
    public Map<String, Object> awaitImplemented(String caseId) {
        return await(() -> {
            Response r = as("manager").get("/cases/" + caseId);
            return "implementing".equals(r.path("status")) ? null : r.as(Map.class);
        }, "case " + caseId + " never left implementing: " + rows("select status, attempts, last_error from change_mgmt.outbox"));
    }

    public static <T> T await(Supplier<T> probe, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) return v;
            if (System.nanoTime() > deadline) throw new AssertionError(failure);
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
    }
}
