package com.coachway.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.auth.RevokedSessionsTest.FakeAuth;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.Json;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.testsupport.Await;
import com.coachway.common.testsupport.FakeService;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServiceApp.revokedSessions: a session auth-service ended is refused like any bad token, and the poller lives with the server. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RevokedSessionsInServiceAppTest {
    private static final KeyPair KEYS = keys();
    private final FakeAuth auth = new FakeAuth();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private Javalin app;

    record Reply(int status, JsonNode json) {
    }

    private static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RSAKeyProvider KEY_PROVIDER = new RSAKeyProvider() {
        @Override
        public RSAPublicKey getPublicKeyById(String keyId) {
            return (RSAPublicKey) KEYS.getPublic();
        }

        @Override
        public RSAPrivateKey getPrivateKey() {
            return (RSAPrivateKey) KEYS.getPrivate();
        }

        @Override
        public String getPrivateKeyId() {
            return "test-key";
        }
    };

    @AfterEach
    void stop() {
        if (app != null) app.stop();
        auth.close();
    }

    /** An access token as auth-service signs them; {@code sid} null for a service token. */
    private static String token(String subject, List<String> roles, UUID sid) {
        var builder = JWT.create().withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject(subject).withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(900))
                .withClaim("typ", "access").withClaim("roles", roles);
        if (sid != null) builder.withClaim("sid", sid.toString());
        return builder.sign(Algorithm.RSA256(KEY_PROVIDER));
    }

    private static String userToken(UUID sid) {
        return token(UUID.randomUUID().toString(), List.of("sales_agent"), sid);
    }

    private RevokedSessions startApp() {
        auth.answerEndedNow(ended);
        var revoked = new RevokedSessions("test-service", ServiceClient.builder("auth-service", auth.server.uri())
                .token(() -> "service-token").build(), Duration.ofMillis(50));
        app = ServiceApp.named("revocation-test")
                .auth(new TokenVerifier(KEY_PROVIDER))
                .revokedSessions(revoked)
                .routes(r -> r.get("/me", ctx -> ctx.result(ServiceApp.caller(ctx).subject()), Role.AUTHENTICATED))
                .build().start(0);
        return revoked;
    }

    private Reply get(String path, String token) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
            if (token != null) request.header("Authorization", "Bearer " + token);
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Reply(response.statusCode(), json ? Json.MAPPER.readTree(response.body()) : null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_token_whose_session_ended_gets_the_same_401_as_a_bad_token_and_other_tokens_still_work() {
        var revoked = startApp();
        UUID signedOut = UUID.randomUUID();
        String token = userToken(signedOut);
        String other = userToken(UUID.randomUUID());
        String service = token("charter-service", List.of("service"), null);
        assertEquals(200, get("/me", token).status());

        ended.add(signedOut.toString());
        Await.until(Duration.ofSeconds(10), "the session is known to have ended", () -> revoked.isRevoked(signedOut));

        Reply refused = get("/me", token);
        Reply bad = get("/me", "not-a-token");
        assertEquals(401, refused.status());
        assertEquals(bad.json().path("type"), refused.json().path("type"));
        assertEquals(bad.json().path("title"), refused.json().path("title"));
        assertEquals(bad.json().path("detail"), refused.json().path("detail"));
        assertEquals(200, get("/me", other).status());
        assertEquals(200, get("/me", service).status());
    }

    @Test
    void health_says_revocation_is_on_and_stays_up_while_auth_service_fails() {
        var revoked = startApp();
        Await.until(Duration.ofSeconds(10), "the first poll", () -> revoked.lastSuccess() != null);
        auth.answer(r -> FakeService.Answer.text(503, "down"));
        Await.until(Duration.ofSeconds(10), "a failed poll", () -> revoked.status().contains("since"));

        var health = get("/health", null);
        assertEquals(200, health.status());
        assertEquals("up", health.json().path("checks").path("token_revocation").path("status").asText());
        assertTrue(health.json().path("checks").path("token_revocation").path("detail").asText()
                .startsWith("on, no answer from auth-service since "));
    }

    @Test
    void the_poller_stops_with_the_server() {
        var revoked = startApp();
        Await.until(Duration.ofSeconds(10), "the first poll", () -> revoked.lastSuccess() != null);
        var health = get("/health", null);
        assertEquals(200, health.status());
        assertEquals("up", health.json().path("checks").path("token_revocation").path("status").asText());
        assertEquals("on", health.json().path("checks").path("token_revocation").path("detail").asText());
        assertTrue(revoked.running());

        app.stop();
        app = null;

        assertFalse(revoked.running());
    }

    @Test
    void health_says_revocation_is_off_when_it_is() {
        app = ServiceApp.named("revocation-off-test")
                .auth(new TokenVerifier(KEY_PROVIDER))
                .revokedSessions(RevokedSessions.off())
                .routes(r -> r.get("/me", ctx -> ctx.result("ok"), Role.AUTHENTICATED))
                .build().start(0);

        assertEquals("off", get("/health", null).json().path("checks").path("token_revocation").path("detail").asText());
        assertEquals(200, get("/me", userToken(UUID.randomUUID())).status());
        assertTrue(auth.server.requests().isEmpty());
    }

    @Test
    void the_poller_does_not_start_before_the_server_does() {
        var revoked = new RevokedSessions("test-service", ServiceClient.builder("auth-service", auth.server.uri())
                .token(() -> "service-token").build(), Duration.ofMillis(50));
        ServiceApp.named("never-started").auth(new TokenVerifier(KEY_PROVIDER)).revokedSessions(revoked).build();

        assertFalse(revoked.running());
        revoked.close();
    }
}
