package com.coachway.charter;

import com.coachway.auth.AuthService;
import com.coachway.client.ClientService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Services that verify access tokens offline stop honouring a session within seconds of
 * auth-service ending it (they poll its /revocations), rather than when the token expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationTest {
    static final String AUTH = "/api/v1/auth";
    /** Far longer than a 1-second poll needs: only a hang fails this, never a slow machine. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    Platform platform;

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .env("REVOCATION_POLL_SECONDS", "1")
                .service("auth-service", AUTH, AuthService::start)
                .service("client-service", CharterPlatform.CLIENTS, ClientService::start)
                .service("pricing-service", CharterPlatform.PRICING, PricingService::start)
                .service("charter-service", CharterPlatform.CHARTERS, CharterService::start)
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    /** A new sales agent; returns its id and email. */
    private Map<String, String> newSalesAgent() {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        Response r = platform.api(AUTH).auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("email", email, "full_name", "Sam Sales", "password", Platform.USER_PASSWORD,
                        "roles", List.of("sales_agent")))
                .post("/users");
        assertEquals(201, r.statusCode(), r::asString);
        return Map.of("id", r.path("id"), "email", email);
    }

    /** A sign-in: access_token, refresh_token, … */
    private Response login(String email) {
        Response r = platform.api(AUTH).contentType("application/json")
                .body(Map.of("email", email, "password", Platform.USER_PASSWORD)).post("/login");
        assertEquals(200, r.statusCode(), r::asString);
        return r;
    }

    private int listCharters(String token) {
        return platform.api(CharterPlatform.CHARTERS).auth().oauth2(token).get("/charters").statusCode();
    }

    /** Asks again and again until {@code path} on {@code route} answers {@code status} to {@code token}, or the deadline passes. */
    private void awaitStatus(String route, String path, String token, int status) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Response r = platform.api(route).auth().oauth2(token).get(path);
            if (r.statusCode() == status) {
                if (status == 401) r.then().contentType("application/problem+json")
                        .body("detail", equalTo("The token is invalid, expired or revoked"));
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(route + path + " still answers " + r.statusCode() + " after " + DEADLINE + ", expected " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Test
    void a_deactivated_users_token_is_refused_by_every_service_within_seconds() {
        var agent = newSalesAgent();
        String token = login(agent.get("email")).path("access_token");
        assertEquals(200, listCharters(token));
        platform.api(CharterPlatform.CLIENTS).auth().oauth2(token).get("/clients").then().statusCode(200);
        platform.api(CharterPlatform.PRICING).auth().oauth2(token).get("/amenities").then().statusCode(200);

        platform.api(AUTH).auth().oauth2(platform.adminToken()).delete("/users/" + agent.get("id")).then().statusCode(204);

        awaitStatus(CharterPlatform.CHARTERS, "/charters", token, 401);
        awaitStatus(CharterPlatform.CLIENTS, "/clients", token, 401);
        awaitStatus(CharterPlatform.PRICING, "/amenities", token, 401);
        // and others are not affected
        assertEquals(200, listCharters(platform.token("sales_agent")));
    }

    @Test
    void signing_out_ends_that_sessions_access_token_but_not_the_users_other_sessions() {
        var agent = newSalesAgent();
        Response leaving = login(agent.get("email"));
        Response staying = login(agent.get("email"));
        assertEquals(200, listCharters(leaving.path("access_token")));

        platform.api(AUTH).contentType("application/json").body(Map.of("refresh_token", leaving.path("refresh_token")))
                .post("/logout").then().statusCode(204);

        awaitStatus(CharterPlatform.CHARTERS, "/charters", leaving.path("access_token"), 401);
        assertEquals(200, listCharters(staying.path("access_token")));
    }

    @Test
    void health_says_token_revocation_is_on() {
        for (String route : List.of(CharterPlatform.CHARTERS, CharterPlatform.CLIENTS, CharterPlatform.PRICING)) {
            platform.api(route).get("/health").then().statusCode(200)
                    .body("checks.token_revocation.status", equalTo("up"))
                    .body("checks.token_revocation.detail", startsWith("on"));
        }
    }
}
