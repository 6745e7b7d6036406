package com.coachway.sales;

import com.coachway.auth.AuthService;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.Platform;
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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth- and sales-service on one fresh database behind the gateway. notification-service is stood
 * in for by a recording neighbour (it answers 202 to every message), so a test sees exactly which
 * addresses marketing reached. client- and charter-service are absent here (ConversionTest runs
 * the real ones): a conversion in this platform finds them down.
 */
public final class SalesPlatform implements AutoCloseable {
    public static final String SALES = "/api/v1/sales";
    public static final String DEAD = "http://127.0.0.1:9";

    public final RecordingNeighbour notifications = new RecordingNeighbour(202, queued());
    /** change-mgmt-service's /audit-events: where the outbox delivers sales' audit.* rows. */
    public final AuditTrailReceiver audit = new AuditTrailReceiver();
    public final Platform platform;

    public SalesPlatform() {
        this(Map.of());
    }

    public SalesPlatform(Map<String, String> salesEnv) {
        this(salesEnv, java.time.Clock.systemUTC());
    }

    /** @param gatewayClock what the gateway's rate-limit windows count on (a fixed clock holds one window) */
    public SalesPlatform(Map<String, String> salesEnv, java.time.Clock gatewayClock) {
        var env = new HashMap<String, String>(Map.of("OUTBOX_POLL_INTERVAL_MS", "50",
                "NOTIFICATION_SERVICE_URL", notifications.url(),
                "CLIENT_SERVICE_URL", DEAD, "CHARTER_SERVICE_URL", DEAD,
                "PUBLIC_BASE_URL", "https://coachway.example", "CHANGE_MGMT_SERVICE_URL", audit.url()));
        env.putAll(salesEnv);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("sales-service", SALES, SalesService::start, env)
                .gatewayClock(gatewayClock)
                .start();
    }

    static String queued() {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}";
    }

    public RequestSpecification as(String role) {
        return platform.api(SALES).auth().oauth2(platform.token(role));
    }

    public RequestSpecification rawAs(String role) {
        return platform.raw(SALES).auth().oauth2(platform.token(role));
    }

    public RequestSpecification anonymous() {
        return platform.api(SALES);
    }

    public RequestSpecification rawAnonymous() {
        return platform.raw(SALES);
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

    /** A new auth-service user with these roles (made by the admin); answers its id. */
    public String user(List<String> roles) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        Response r = platform.api("/api/v1/auth").auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("email", email, "full_name", "Test " + String.join(" ", roles), "password", Platform.USER_PASSWORD, "roles", roles))
                .post("/users");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A new active agent, of a new auth-service sales_agent; answers its id. */
    public String agent(String name) {
        Response r = as("manager").contentType("application/json")
                .body(Map.of("user_id", user(List.of("sales_agent")), "name", name, "email", name.toLowerCase().replace(' ', '.') + "@coachway-sales.com"))
                .post("/agents");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A signed-in agent: the token of a new sales_agent user and the agent made of it. */
    public record SignedInAgent(String agentId, String userId, String token) {
    }

    public SignedInAgent signedInAgent(String name) {
        String token = platform.tokenForNewUser(List.of("sales_agent"), Map.of());
        String userId = AuditTrailReceiver.actorOf(token);
        Response r = as("manager").contentType("application/json")
                .body(Map.of("user_id", userId, "name", name, "email", name.toLowerCase().replace(' ', '.') + "@coachway-sales.com"))
                .post("/agents");
        assertEquals(201, r.statusCode(), r::asString);
        return new SignedInAgent(r.path("id"), userId, token);
    }

    public RequestSpecification withToken(String token) {
        return platform.api(SALES).auth().oauth2(token);
    }

    /** The outbox's audit rows about this entity. */
    public long auditRows(String entityId) {
        return rows("select 1 from sales.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", entityId).size();
    }

    /** The one audit outbox row of this action about this entity: its id. */
    public String auditOutboxId(String action, String entityId) {
        var r = rows("select id::text as id from sales.outbox where topic = ? and payload->>'entity_id' = ?", "audit." + action, entityId);
        assertEquals(1, r.size(), r::toString);
        return (String) r.getFirst().get("id");
    }

    public void deactivate(String agentId) {
        as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + agentId)
                .then().statusCode(200);
    }

    /** Every active agent out of the rotation, so a test starts from a rotation it controls. */
    public void deactivateAll() {
        execute("update sales.agent set active = false");
    }

    public static Map<String, Object> lead(String name, String email) {
        var l = new LinkedHashMap<String, Object>();
        l.put("name", name);
        l.put("source", "website");
        if (email != null) l.put("email", email);
        return l;
    }

    public Response createLead(Map<String, Object> body) {
        return as("sales_agent").contentType("application/json").body(body).post("/leads");
    }

    /** A new lead; answers it. */
    public Map<String, Object> newLead(Map<String, Object> body) {
        Response r = createLead(body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.as(Map.class);
    }

    public static void await(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(failure.get());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        platform.close();
        notifications.close();
        audit.close();
    }
}
