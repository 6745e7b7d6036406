package com.coachway.stack;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.coachway.auth.keys.SigningKey;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.testkit.Platform;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed with the platform's real key, yet refused: a token the revocation model cannot end (no
 * exp, no iat, a lifetime over the 20 minutes services remember a revocation, or a user token
 * without a session id) is 401 at one staff route of every service, through the gateway. The same
 * token without the flaw is accepted, so each refusal is for the flaw and not for the signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedTokensTest {
    /** One staff route per service: kong.yml route and a GET an admin may call. */
    private static final Map<String, List<String>> STAFF_ROUTES = Map.ofEntries(
            Map.entry("auth-service", List.of("/api/v1/auth", "/users")),
            Map.entry("charter-service", List.of("/api/v1/charters", "/charters")),
            Map.entry("client-service", List.of("/api/v1/clients", "/clients")),
            Map.entry("pricing-service", List.of("/api/v1/pricing", "/rates")),
            Map.entry("document-service", List.of("/api/v1/documents", "/documents")),
            Map.entry("payment-service", List.of("/api/v1/payments", "/payments")),
            Map.entry("notification-service", List.of("/api/v1/notifications", "/notifications")),
            Map.entry("vendor-service", List.of("/api/v1/vendors", "/vendors")),
            Map.entry("dispatch-service", List.of("/api/v1/dispatch", "/drivers")),
            Map.entry("finance-service", List.of("/api/v1/finance", "/invoices")),
            Map.entry("sales-service", List.of("/api/v1/sales", "/leads")),
            Map.entry("portals-service", List.of("/api/v1/portals", "/admin/dashboard")),
            Map.entry("change-mgmt-service", List.of("/api/v1/change-mgmt", "/cases")),
            Map.entry("analytics-service", List.of("/api/v1/analytics", "/dashboard")));

    private final RSAPrivateCrtKey key = SigningKey.generate();
    private Platform platform;
    private final TestDocumentStore documents = new TestDocumentStore();
    private DecodedJWT admin;
    private Algorithm algorithm;

    @BeforeAll
    void start() {
        var builder = Platform.builder().env("JWT_PRIVATE_KEY", SigningKey.toPem(key)).env("MONGO_URL", documents.url());
        for (var s : Services.ALL) builder.service(s.host(), STAFF_ROUTES.get(s.host()).getFirst(), s.starter());
        platform = builder.start();
        admin = JWT.decode(platform.adminToken());
        algorithm = Algorithm.RSA256(null, key);
    }

    @AfterAll
    void stop() {
        if (platform != null) platform.close();
        documents.close();
    }

    @Test
    void every_service_has_a_staff_route_in_this_sweep() {
        assertEquals(Services.ALL.stream().map(Services.Spec::host).collect(Collectors.toSet()), STAFF_ROUTES.keySet());
    }

    /** The admin's own sign-in, re-signed: so auth-service, which checks the session, accepts it too. */
    private JWTCreator.Builder adminClaims() {
        Instant now = Instant.now();
        return JWT.create().withKeyId(admin.getKeyId()).withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject(admin.getSubject()).withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(15)))
                .withClaim("typ", "access").withClaim("roles", List.of("admin"))
                .withClaim("email", Platform.ADMIN_EMAIL).withClaim("sid", admin.getClaim("sid").asString());
    }

    private JWTCreator.Builder serviceClaims() {
        Instant now = Instant.now();
        return JWT.create().withKeyId(admin.getKeyId()).withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject("charter-service").withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(15)))
                .withClaim("typ", "access").withClaim("roles", List.of("service"));
    }

    private Map<String, Integer> statusAtEveryService(String token) {
        var statuses = new java.util.TreeMap<String, Integer>();
        STAFF_ROUTES.forEach((host, route) -> {
            Response r = platform.raw(route.get(0)).auth().oauth2(token).get(route.get(1));
            statuses.put(host, r.statusCode());
            if (r.statusCode() == 401) {
                assertTrue(r.contentType().startsWith("application/problem+json"), host + ": " + r.contentType());
            }
        });
        return statuses;
    }

    private void assertRefusedEverywhere(String flaw, UnaryOperator<JWTCreator.Builder> forge, JWTCreator.Builder claims) {
        var failures = new ArrayList<String>();
        statusAtEveryService(forge.apply(claims).sign(algorithm)).forEach((host, status) -> {
            if (status != 401) failures.add(host + " answered " + status);
        });
        assertTrue(failures.isEmpty(), flaw + ": " + failures);
    }

    @Test
    void the_same_token_without_a_flaw_is_accepted_everywhere() {
        statusAtEveryService(adminClaims().sign(algorithm)).forEach((host, status) -> assertEquals(200, status, host));
        statusAtEveryService(serviceClaims().sign(algorithm)).forEach((host, status) -> assertNotEquals(401, status, host));
    }

    @Test
    void a_token_without_exp_is_401_everywhere() {
        assertRefusedEverywhere("no exp", b -> b.withExpiresAt((Instant) null), adminClaims());
        assertRefusedEverywhere("service token, no exp", b -> b.withExpiresAt((Instant) null), serviceClaims());
    }

    @Test
    void a_token_without_iat_is_401_everywhere() {
        assertRefusedEverywhere("no iat", b -> b.withIssuedAt((Instant) null), adminClaims());
    }

    @Test
    void a_token_living_longer_than_twenty_minutes_is_401_everywhere() {
        Instant now = Instant.now();
        assertRefusedEverywhere("21 minutes", b -> b.withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(21))), adminClaims());
        assertRefusedEverywhere("service token, 21 minutes",
                b -> b.withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(21))), serviceClaims());
    }

    @Test
    void a_user_token_without_a_session_id_is_401_everywhere() {
        assertRefusedEverywhere("no sid", b -> b.withClaim("sid", (String) null), adminClaims());
    }
}
