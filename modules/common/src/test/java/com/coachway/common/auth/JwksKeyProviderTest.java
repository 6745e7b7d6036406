package com.coachway.common.auth;

import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import com.coachway.common.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verification keys are exactly those auth-service publishes now, give or take one refresh interval. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JwksKeyProviderTest {
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(10);
    private static final TestKeys A = TestKeys.generate("key-a");
    private static final TestKeys B = TestKeys.generate("key-b");
    private static final TestKeys C = TestKeys.generate("key-c");

    private final FakeService auth = new FakeService();
    private final TestClock clock = new TestClock();
    private final JwksKeyProvider keys = new JwksKeyProvider(URI.create(auth.uri() + "/.well-known/jwks.json"), REFRESH, MIN_REFETCH, clock);
    private final TokenVerifier verifier = new TokenVerifier(keys);

    static final class TestClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-01-05T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private void publish(TestKeys... published) {
        String body = TestKeys.jwks(published);
        auth.answer(r -> Answer.json(200, body));
    }

    private boolean accepted(TestKeys key) {
        return verifier.verify(key.userToken("sales_agent")).isPresent();
    }

    @Test
    void a_key_removed_from_the_jwks_is_refused_after_the_next_refresh_and_the_others_still_work() {
        publish(A, B);
        assertTrue(accepted(A));
        assertTrue(accepted(B));

        publish(B);
        clock.advance(REFRESH.minusSeconds(1));
        assertTrue(accepted(A), "within the refresh interval the last fetched set still holds");

        clock.advance(Duration.ofSeconds(1));
        assertFalse(accepted(A), "the fetch after the interval replaces the set");
        assertTrue(accepted(B));
        assertFalse(accepted(A), "and A stays out");
    }

    @Test
    void an_explicit_refresh_replaces_the_set_at_once() {
        publish(A, B);
        assertTrue(accepted(A));

        publish(B);
        assertTrue(keys.refresh());

        assertFalse(accepted(A));
        assertTrue(accepted(B));
    }

    @Test
    void a_key_added_to_the_jwks_is_fetched_when_a_token_names_it() {
        publish(A);
        assertTrue(accepted(A));
        publish(A, C);
        clock.advance(MIN_REFETCH);

        assertTrue(accepted(C));
        assertEquals(2, auth.requests().size());
    }

    @Test
    void unknown_kids_cause_at_most_one_fetch_per_minimum_interval() {
        publish(A);
        assertTrue(accepted(A));
        for (int i = 0; i < 20; i++) {
            assertFalse(verifier.verify(TestKeys.generate("forged-" + i).userToken("admin")).isPresent());
        }
        assertEquals(1, auth.requests().size(), "no fetch before MIN_REFETCH has passed");

        clock.advance(MIN_REFETCH);
        for (int i = 0; i < 20; i++) {
            assertFalse(verifier.verify(TestKeys.generate("forged-again-" + i).userToken("admin")).isPresent());
        }
        assertEquals(2, auth.requests().size());
    }

    @Test
    void a_failed_fetch_keeps_the_last_good_set() {
        publish(A);
        assertTrue(accepted(A));

        auth.answer(r -> Answer.text(503, "down"));
        clock.advance(REFRESH);
        assertTrue(accepted(A), "auth-service down: its keys are still trusted");
        assertFalse(keys.refresh());

        auth.answer(r -> Answer.json(200, "{\"not_keys\":[]}"));
        clock.advance(REFRESH);
        assertTrue(accepted(A), "a document without a keys array is not a key set");
        assertTrue(auth.requests().size() >= 3);
    }

    @Test
    void an_empty_key_set_is_a_set_and_trusts_nothing() {
        publish(A);
        assertTrue(accepted(A));

        auth.answer(r -> Answer.json(200, "{\"keys\":[]}"));
        assertTrue(keys.refresh());

        assertFalse(accepted(A));
    }
}
