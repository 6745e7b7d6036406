package com.coachway.common.client;

import com.coachway.common.config.Config;
import com.coachway.common.http.Json;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceTokensTest {
    private static final String SECRET = "very-s3cret";
    private final FakeService auth = new FakeService();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock = new Clock();

    /** A clock the test moves by hand. */
    static final class Clock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T08:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private void issueTokens(long expiresIn) {
        auth.answer(r -> Answer.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
                + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
    }

    private ServiceTokens tokens() {
        return new ServiceTokens(auth.uri(), "charter-service", SECRET, clock);
    }

    @Test
    void the_first_call_fetches_a_token_with_the_client_credentials_grant() throws IOException {
        issueTokens(900);

        assertEquals("token-1", tokens().get());

        var request = auth.lastRequest();
        assertEquals("POST", request.method());
        assertEquals("/token", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "charter-service", "client_secret", SECRET),
                Json.MAPPER.readValue(request.body(), Map.class));
    }

    @Test
    void the_token_is_cached_until_a_minute_before_it_expires_then_refreshed() {
        issueTokens(900);
        var tokens = tokens();

        assertEquals("token-1", tokens.get());
        clock.advance(Duration.ofSeconds(839));
        assertEquals("token-1", tokens.get());
        assertEquals(1, auth.requests().size());

        clock.advance(Duration.ofSeconds(1));
        assertEquals("token-2", tokens.get());
        assertEquals("token-2", tokens.get());
        assertEquals(2, auth.requests().size());
    }

    @Test
    void a_short_lived_token_is_refreshed_half_way_rather_than_on_every_call() {
        issueTokens(100);
        var tokens = tokens();

        assertEquals("token-1", tokens.get());
        clock.advance(Duration.ofSeconds(49));
        assertEquals("token-1", tokens.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token-2", tokens.get());
    }

    @Test
    void concurrent_callers_without_a_token_trigger_one_fetch_and_all_get_its_token() throws Exception {
        auth.answer(r -> Answer.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
                + "\",\"token_type\":\"bearer\",\"expires_in\":900}").after(300));
        var tokens = tokens();
        var start = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    seen.add(tokens.get());
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) f.get();
        }

        assertEquals(1, auth.requests().size());
        assertEquals(Set.of("token-1"), seen);
    }

    @Test
    void refused_credentials_are_a_503_naming_the_client_but_never_the_secret() {
        auth.answerAlways(Answer.problem(401, "{\"title\":\"Unauthorized\",\"detail\":\"Unknown client or wrong secret\"}"));

        var e = assertThrows(ServiceCallException.class, () -> tokens().get());

        assertEquals(503, e.status());
        assertEquals("No service token: auth-service refused the client credentials of charter-service (401)", e.detail());
        assertFalse(e.connectionFailed());
        assertFalse(e.toString().contains(SECRET));
    }

    @Test
    void an_unreachable_auth_service_is_a_503() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var tokens = new ServiceTokens(URI.create("http://127.0.0.1:" + closedPort), "charter-service", SECRET, clock);

        var e = assertThrows(ServiceCallException.class, tokens::get);

        assertEquals(503, e.status());
        assertTrue(e.connectionFailed());
        assertTrue(e.detail().startsWith("No service token: auth-service is unavailable"), e.detail());
    }

    @Test
    void an_answer_without_a_bearer_token_and_a_positive_lifetime_is_refused() {
        var tokens = tokens();
        for (String body : new String[]{
                "{\"access_token\":\"t\",\"token_type\":\"mac\",\"expires_in\":900}",
                "{\"access_token\":\"\",\"token_type\":\"bearer\",\"expires_in\":900}",
                "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":0}",
                "{\"access_token\":\"t\",\"token_type\":\"bearer\"}"}) {
            auth.answerAlways(Answer.json(200, body));
            clock.advance(Duration.ofSeconds(2)); // past the pause after a failure

            var e = assertThrows(ServiceCallException.class, tokens::get, body);
            assertEquals(503, e.status(), body);
        }
    }

    @Test
    void when_a_refresh_fails_the_current_token_is_used_until_it_expires() {
        issueTokens(900);
        var tokens = tokens();
        assertEquals("token-1", tokens.get());
        auth.answerAlways(Answer.text(500, "down"));

        clock.advance(Duration.ofSeconds(850));
        assertEquals("token-1", tokens.get());
        clock.advance(Duration.ofSeconds(51));
        assertThrows(ServiceCallException.class, tokens::get);
    }

    @Test
    void after_a_failed_fetch_callers_fail_fast_for_a_moment_instead_of_each_asking_again() {
        auth.answerAlways(Answer.text(503, "down"));
        var tokens = tokens();

        assertThrows(ServiceCallException.class, tokens::get);
        assertThrows(ServiceCallException.class, tokens::get);
        assertEquals(1, auth.requests().size());

        issueTokens(900);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token-1", tokens.get());
    }

    @Test
    void invalidating_the_current_token_fetches_a_new_one_but_invalidating_an_older_one_changes_nothing() {
        issueTokens(900);
        var tokens = tokens();
        assertEquals("token-1", tokens.get());

        tokens.invalidate("token-1");
        assertEquals("token-2", tokens.get());
        tokens.invalidate("token-1");
        assertEquals("token-2", tokens.get());
        assertEquals(2, auth.requests().size());
    }

    @Test
    void from_config_reads_the_auth_url_and_credentials_and_fails_fast_without_a_secret() {
        issueTokens(900);
        var tokens = ServiceTokens.fromConfig(Config.of(Map.of("AUTH_URL", auth.uri().toString(),
                "SERVICE_CLIENT_SECRET", SECRET)), "pricing-service");
        assertEquals("token-1", tokens.get());
        assertTrue(auth.lastRequest().body().contains("\"client_id\":\"pricing-service\""));

        var e = assertThrows(Config.ConfigException.class,
                () -> ServiceTokens.fromConfig(Config.of(Map.of("AUTH_URL", auth.uri().toString())), "pricing-service"));
        assertEquals("Configuration variable SERVICE_CLIENT_SECRET is required but not set", e.getMessage());
    }
}
