package com.coachway.client;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service and client-service on a fresh database behind the gateway; charter-service is
 * whatever CHARTER_SERVICE_URL names (a fake, or a closed port).
 */
final class ClientFixture implements AutoCloseable {
    /** The list envelope charter-service answers GET /charters with, as its stand-in answers it. */
    static String charterPage(long total) {
        return "{\"items\":[],\"total\":" + total + ",\"limit\":1,\"offset\":0}";
    }

    static final String ROUTE = "/api/v1/clients";

    final Platform platform;

    /** A machine client registered in auth-service, so tests can call with a service token as other services do. */
    static final String TEST_SERVICE_ID = "test-caller";
    private static final String TEST_SERVICE_SECRET = "test-caller-secret-" + UUID.randomUUID();
    private static final String OWN_SECRET = "client-service-secret-" + UUID.randomUUID();

    ClientFixture(String charterServiceUrl) {
        // Our own credentials are set explicitly (the platform would generate them) so that the
        // service-client list handed to auth-service can name a second caller for the tests.
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start, Map.of("SERVICE_CLIENTS",
                        ClientService.NAME + ":" + OWN_SECRET + "," + TEST_SERVICE_ID + ":" + TEST_SERVICE_SECRET))
                .service("client-service", ROUTE, ClientService::start, Map.of(
                        "CHARTER_SERVICE_URL", charterServiceUrl,
                        "SERVICE_CLIENT_SECRET", OWN_SECRET))
                .start();
    }

    /** A service token (role service), as another CoachWay service would hold. */
    String serviceToken() {
        return platform.clientCredentialsToken(TEST_SERVICE_ID, TEST_SERVICE_SECRET);
    }

    /** A request validated against openapi.yaml both ways, as this role (a fresh user per role, cached). */
    RequestSpecification as(String role) {
        return platform.api(ROUTE).auth().oauth2(token(role));
    }

    /** As {@link #as}, for requests that break the contract on purpose (only the response is checked). */
    RequestSpecification rawAs(String role) {
        return platform.raw(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification asPortalUserOf(String clientId) {
        return platform.api(ROUTE).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    RequestSpecification rawAsPortalUserOf(String clientId) {
        return platform.raw(ROUTE).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    private String serviceToken;

    String token(String role) {
        if ("service".equals(role)) {
            if (serviceToken == null) serviceToken = serviceToken();
            return serviceToken;
        }
        return "admin".equals(role) ? platform.adminToken() : platform.token(role);
    }

    /** A valid new client body with a unique email; {@code overrides} replace or add fields. */
    static Map<String, Object> clientBody(Map<String, Object> overrides) {
        var body = new HashMap<String, Object>();
        body.put("name", "Acme Tours " + UUID.randomUUID().toString().substring(0, 6));
        body.put("type", "corporate");
        body.put("email", uniqueEmail("billing"));
        body.putAll(overrides);
        return body;
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Creates a client as a sales agent; returns the 201 answer. */
    Response createClient(Map<String, Object> overrides) {
        Response r = as("sales_agent").contentType("application/json").body(clientBody(overrides)).post("/clients");
        assertEquals(201, r.statusCode(), () -> "creating a client failed: " + r.asString());
        return r;
    }

    String newClientId() {
        return createClient(Map.of()).path("id");
    }

    Response createContact(String clientId, Map<String, Object> body) {
        Response r = as("sales_agent").contentType("application/json").body(body).post("/clients/" + clientId + "/contacts");
        assertEquals(201, r.statusCode(), () -> "creating a contact failed: " + r.asString());
        return r;
    }

    long count(String table) {
        return platform.count(table);
    }

    /** Rows matching a condition, for "exactly one primary" checks straight against the database. */
    long countWhere(String table, String condition) {
        return Rows.scalar(platform.databaseUrl(), Long.class, "select count(*) from " + table + " where " + condition);
    }

    @Override
    public void close() {
        platform.close();
    }
}
