package com.coachway.auth;

import com.coachway.testkit.Together;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.coachway.common.auth.JwksKeyProvider;
import com.coachway.common.auth.TokenVerifier;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTest {
    AuthFixture auth;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    @Test
    void the_bootstrap_admin_signs_in_and_sees_itself_at_me() {
        Response login = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD);
        login.then().body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .body("user.email", equalTo(AuthFixture.ADMIN_EMAIL))
                .body("user.roles", hasItem("admin"))
                .header("Cache-Control", "no-store");
        String token = login.path("access_token");
        auth.svc.api().auth().oauth2(token).get("/me").then().statusCode(200)
                .body("email", equalTo(AuthFixture.ADMIN_EMAIL))
                .body("roles", hasItem("admin"))
                .body("active", equalTo(true))
                .body("last_login_at", notNullValue());
    }

    @Test
    void email_is_matched_whatever_its_case() {
        auth.loginOk("ADMIN@Example.COM", AuthFixture.ADMIN_PASSWORD);
    }

    @Test
    void the_jwks_published_through_the_gateway_verifies_the_access_token() {
        String token = auth.adminToken();
        var keys = new JwksKeyProvider(URI.create(auth.svc.gatewayUrl() + "/.well-known/jwks.json"), Duration.ofSeconds(1));
        var caller = new TokenVerifier(keys).verify(token).orElseThrow();
        assertTrue(caller.isAdmin());
        assertEquals(AuthFixture.ADMIN_EMAIL, caller.email());
        auth.svc.api().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kid", equalTo(JWT.decode(token).getKeyId()))
                .body("keys[0].alg", equalTo("RS256"));
    }

    @Test
    void wrong_password_and_unknown_email_get_the_same_401() {
        Response wrong = auth.login(AuthFixture.ADMIN_EMAIL, "not-the-password");
        Response unknown = auth.login("nobody@example.com", "not-the-password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(withoutRequestId(wrong), withoutRequestId(unknown));
        assertEquals("application/problem+json", wrong.contentType().split(";")[0]);
    }

    @Test
    void health_and_contract_answer_through_the_gateway() {
        auth.svc.api().get("/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("service", equalTo("auth-service"))
                .body("checks.database.status", equalTo("up"));
        auth.svc.raw().get("/openapi.yaml").then().statusCode(200);
    }

    @Test
    void malformed_or_incomplete_login_bodies_are_400_problems() {
        for (String body : List.of("{", "[]", "\"text\"", "{}", "{\"email\":\"a@b.co\"}",
                "{\"email\":42,\"password\":\"x\"}", "{\"email\":\"a@b.co\",\"password\":[\"x\"]}",
                "{\"email\":\"a@b.co\",\"password\":\"x\",\"remember\":true}",
                "{\"email\":\"a@b.co\",\"email\":\"c@d.co\",\"password\":\"x\"}",
                "{\"email\":\"" + "a".repeat(300) + "@b.co\",\"password\":\"x\"}")) {
            auth.svc.raw().contentType("application/json").body(body).post("/login").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("request_id", notNullValue());
        }
        auth.svc.raw().contentType("application/json").post("/login").then().statusCode(400);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        auth.svc.raw().contentType("text/plain").body("email=admin").post("/login").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknown_paths_and_methods_are_problem_json() {
        auth.svc.raw().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_request_id_is_echoed_end_to_end() {
        auth.svc.raw().header("X-Request-ID", "trace-abc-123").get("/health").then()
                .header("X-Request-ID", "trace-abc-123");
        Response r = auth.login("nobody@example.com", "whatever-it-is");
        assertEquals(r.header("X-Request-ID"), r.path("request_id"));
    }

    @Test
    void twenty_concurrent_logins_all_succeed() throws Exception {
        List<Integer> codes = Together.run(20, i -> auth.login(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200), codes);
    }

    @Test
    void a_service_client_gets_a_service_token_and_wrong_secrets_get_401() {
        Response ok = auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID,
                        "client_secret", AuthFixture.SERVICE_SECRET))
                .post("/token");
        ok.then().statusCode(200).body("token_type", equalTo("bearer"));
        var decoded = JWT.decode(ok.<String>path("access_token"));
        assertEquals(List.of("service"), decoded.getClaim("roles").asList(String.class));
        assertEquals(AuthFixture.SERVICE_ID, decoded.getSubject());
        // a service token is a valid token, but no user: /me is forbidden, user admin too
        auth.svc.api().auth().oauth2(ok.path("access_token")).get("/me").then().statusCode(403);
        auth.svc.api().auth().oauth2(ok.path("access_token")).get("/users").then().statusCode(403);

        auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID, "client_secret", "wrong-secret-xxxxxxxx"))
                .post("/token").then().statusCode(401);
        auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "wrong-secret-xxxxxxxx"))
                .post("/token").then().statusCode(401);
        auth.svc.raw().contentType("application/json")
                .body(Map.of("grant_type", "password", "client_id", AuthFixture.SERVICE_ID, "client_secret", AuthFixture.SERVICE_SECRET))
                .post("/token").then().statusCode(400);
    }

    @Test
    void an_hs256_token_signed_with_the_public_key_is_refused() {
        // the classic algorithm-confusion attack: HMAC keyed with the published RSA modulus
        String forged = JWT.create().withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject("00000000-0000-0000-0000-000000000000").withClaim("typ", "access")
                .withClaim("roles", List.of("admin"))
                .sign(Algorithm.HMAC256(auth.key.getModulus().toByteArray()));
        auth.svc.api().auth().oauth2(forged).get("/users").then().statusCode(401);
    }

    private static Map<String, Object> withoutRequestId(Response r) {
        Map<String, Object> body = new java.util.HashMap<>(r.jsonPath().getMap("$"));
        body.remove("request_id");
        return body;
    }
}
