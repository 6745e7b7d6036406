package com.coachway.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.coachway.auth.keys.SigningKey;
import com.coachway.common.auth.TokenVerifier;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every protected route refuses every kind of bad token with 401, and wrong roles with 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenSecurityTest {
    AuthFixture auth;
    String adminToken;
    String adminId;
    String agentToken;

    /** method, path, and a body that would be valid for an admin. */
    record Call(String method, String path, String body) {
    }

    List<Call> protectedCalls;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        var login = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD);
        adminToken = login.path("access_token");
        adminId = login.path("user.id");
        String agentEmail = AuthFixture.uniqueEmail("agent");
        auth.createUser(adminToken, agentEmail, List.of("sales_agent"), Map.of());
        agentToken = auth.loginOk(agentEmail, AuthFixture.GOOD_PASSWORD).path("access_token");
        protectedCalls = List.of(
                new Call("GET", "/me", null),
                new Call("POST", "/me/password", "{\"current_password\":\"admin123\",\"new_password\":\"Another-Pass-77\"}"),
                new Call("GET", "/users", null),
                new Call("POST", "/users", "{\"email\":\"x@example.com\",\"full_name\":\"X\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"]}"),
                new Call("GET", "/users/" + adminId, null),
                new Call("PATCH", "/users/" + adminId, "{\"version\":1,\"full_name\":\"Y\"}"),
                new Call("DELETE", "/users/" + adminId, null),
                new Call("GET", "/roles", null),
                new Call("POST", "/roles", "{\"name\":\"auditor\",\"permissions\":[]}"),
                new Call("PUT", "/roles/dispatcher/permissions", "{\"permissions\":[]}"),
                new Call("GET", "/permissions", null));
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private io.restassured.response.Response send(Call call, Function<RequestSpecification, RequestSpecification> auth) {
        var req = auth.apply(this.auth.svc.raw());
        if (call.body() != null) req = req.contentType("application/json").body(call.body());
        return req.request(call.method(), call.path());
    }

    private void assertAll401(String label, Function<RequestSpecification, RequestSpecification> authz) {
        for (Call call : protectedCalls) {
            var r = send(call, authz);
            assertEquals(401, r.statusCode(), () -> label + ": " + call.method() + " " + call.path() + " answered " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            assertEquals("Bearer", r.header("WWW-Authenticate"));
        }
    }

    private String sign(Map<String, Object> claims, Instant expires, Algorithm alg, String kid) {
        var b = JWT.create().withKeyId(kid).withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject(adminId).withClaim("typ", "access").withClaim("roles", List.of("admin"))
                .withIssuedAt(Instant.now().minusSeconds(7200)).withExpiresAt(expires);
        claims.forEach((k, v) -> b.withClaim(k, v.toString()));
        return b.sign(alg);
    }

    private String kid() {
        return JWT.decode(adminToken).getKeyId();
    }

    @Test
    void no_token_or_a_non_bearer_header_is_401() {
        assertAll401("no token", r -> r);
        assertAll401("basic auth", r -> r.header("Authorization", "Basic YWRtaW46YWRtaW4xMjM="));
        assertAll401("garbage", r -> r.header("Authorization", "Bearer not.a.jwt"));
        assertAll401("empty bearer", r -> r.header("Authorization", "Bearer "));
    }

    @Test
    void a_tampered_token_is_401() {
        String[] parts = adminToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\"", "\"admin\",\"manager\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertAll401("tampered", r -> r.auth().oauth2(tampered));
    }

    @Test
    void an_expired_token_signed_with_the_real_key_is_401() {
        String expired = sign(Map.of(), Instant.now().minusSeconds(60), Algorithm.RSA256(null, auth.key), kid());
        assertAll401("expired", r -> r.auth().oauth2(expired));
    }

    @Test
    void an_alg_none_token_is_401() {
        String none = sign(Map.of(), Instant.now().plusSeconds(600), Algorithm.none(), kid());
        assertAll401("alg none", r -> r.auth().oauth2(none));
    }

    @Test
    void a_token_signed_with_a_foreign_key_is_401_even_with_our_kid() {
        var foreign = SigningKey.generate();
        String forged = sign(Map.of(), Instant.now().plusSeconds(600), Algorithm.RSA256(null, (RSAPrivateKey) foreign), kid());
        assertAll401("foreign key", r -> r.auth().oauth2(forged));
    }

    @Test
    void a_refresh_token_is_not_an_access_token() {
        String refresh = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD).path("refresh_token");
        assertAll401("refresh as access", r -> r.auth().oauth2(refresh));
    }

    @Test
    void a_real_key_token_without_a_live_session_is_401_at_auth_service() {
        // correctly signed and unexpired, but its session id names no sign-in
        String orphan = sign(Map.of("sid", "0190a000-0000-7000-8000-000000000000"), Instant.now().plusSeconds(600),
                Algorithm.RSA256(null, auth.key), kid());
        auth.svc.raw().auth().oauth2(orphan).get("/me").then().statusCode(401);
    }

    @Test
    void a_sales_agent_is_403_on_user_and_role_administration_but_may_see_itself() {
        for (Call call : protectedCalls) {
            if (call.path().startsWith("/me")) continue;
            var r = send(call, req -> req.auth().oauth2(agentToken));
            assertEquals(403, r.statusCode(), () -> call.method() + " " + call.path() + " answered " + r.asString());
        }
        auth.svc.api().auth().oauth2(agentToken).get("/me").then().statusCode(200)
                .body("roles", equalTo(List.of("sales_agent")));
    }

    @Test
    void tokens_name_the_published_key_which_health_reports_too() {
        assertEquals(kid(), auth.svc.api().get("/.well-known/jwks.json").path("keys[0].kid"));
        assertEquals(kid(), auth.svc.api().get("/health").path("signing_key_id"));
    }
}
