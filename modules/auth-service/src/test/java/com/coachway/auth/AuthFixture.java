package com.coachway.auth;

import com.coachway.auth.keys.SigningKey;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.Rows;
import com.coachway.testkit.ServiceUnderTest;
import io.restassured.response.Response;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service on a fresh database behind the gateway, with a signing key the test knows (so it
 * can forge, expire and tamper with tokens) and a bootstrap admin.
 */
final class AuthFixture implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "admin123";
    static final String SERVICE_ID = "charter-service";
    static final String SERVICE_SECRET = "charter-secret-0123456789";
    static final String GOOD_PASSWORD = "Correct-Horse-42";

    final RSAPrivateCrtKey key = SigningKey.generate();
    final ServiceUnderTest svc;
    /** change-mgmt-service's /audit-events: where the outbox delivers audit.user.* and audit.role.* entries. */
    final AuditTrailReceiver audit = new AuditTrailReceiver();

    AuthFixture() {
        this(Clock.systemUTC());
    }

    /** With the gateway's rate-limit windows counting on {@code gatewayClock}. */
    AuthFixture(Clock gatewayClock) {
        svc = ServiceUnderTest.start("auth-service", "/api/v1/auth", Map.of(
                "CHANGE_MGMT_SERVICE_URL", audit.url(),
                "OUTBOX_POLL_INTERVAL_MS", "100",
                "JWT_PRIVATE_KEY", SigningKey.toPem(key),
                "ADMIN_EMAIL", ADMIN_EMAIL,
                "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "BCRYPT_COST", "4",
                "SERVICE_CLIENTS", SERVICE_ID + ":" + SERVICE_SECRET), AuthService::start, gatewayClock);
    }

    Response login(String email, String password) {
        return svc.api().contentType("application/json")
                .body(Map.of("email", email, "password", password))
                .post("/login");
    }

    /** A full login answer (access + refresh) for a user who must be able to sign in. */
    Response loginOk(String email, String password) {
        Response r = login(email, password);
        assertEquals(200, r.statusCode(), () -> "login failed: " + r.asString());
        return r;
    }

    String adminToken() {
        return loginOk(ADMIN_EMAIL, ADMIN_PASSWORD).path("access_token");
    }

    /** Creates a user with these roles and returns its id; email is unique per call. */
    String createUser(String adminToken, String email, List<String> roles, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "email", email, "full_name", "Test " + roles, "password", GOOD_PASSWORD, "roles", roles));
        body.putAll(extra);
        Response r = svc.api().auth().oauth2(adminToken).contentType("application/json").body(body).post("/users");
        assertEquals(201, r.statusCode(), () -> "create user failed: " + r.asString());
        return r.path("id");
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    long count(String table) {
        return Rows.count(svc.databaseUrl(), table);
    }

    @Override
    public void close() {
        svc.close();
        audit.close();
    }
}
