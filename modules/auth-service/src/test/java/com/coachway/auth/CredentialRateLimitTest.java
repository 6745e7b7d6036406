package com.coachway.auth;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Guessing a service client's secret through the gateway is slowed to 60 tries a minute, and
 * spending that budget does not touch the budget of the other credential endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialRateLimitTest {
    AuthFixture auth;

    @BeforeAll
    void start() {
        // the gateway's clock stands still, so the sixty-one tries all fall in one window
        auth = new AuthFixture(Clock.fixed(Instant.parse("2026-05-01T08:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    @Test
    void the_sixty_first_token_request_in_a_minute_is_429_and_login_keeps_its_own_budget() {
        var guess = Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID, "client_secret", "guess");
        for (int i = 1; i <= 60; i++) {
            Response r = auth.svc.api().contentType("application/json").body(guess).post("/token");
            assertEquals(401, r.statusCode(), "guess " + i);
            assertEquals(String.valueOf(60 - i), r.header("X-RateLimit-Remaining-Minute"), "guess " + i);
        }
        auth.svc.api().contentType("application/json").body(guess).post("/token").then()
                .statusCode(429).header("Retry-After", notNullValue());
        // Even the right secret waits for the next window: the limit is on tries, not on failures.
        auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID, "client_secret", AuthFixture.SERVICE_SECRET))
                .post("/token").then().statusCode(429);

        auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD);
    }
}
