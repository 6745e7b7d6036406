package com.coachway.common.auth;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.config.Config;
import com.coachway.common.testsupport.Await;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RevokedSessions against a fake auth-service that speaks the wire format of /token and /revocations. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RevokedSessionsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    private final FakeAuth auth = new FakeAuth();
    private RevokedSessions revoked;

    /**
     * auth-service as far as RevokedSessions sees it: /token for the service token, and
     * /revocations answering whatever the test set (by default: nothing ended, until = T0).
     */
    static final class FakeAuth implements AutoCloseable {
        final FakeService server = new FakeService();
        final AtomicReference<Function<FakeService.Request, Answer>> revocations =
                new AtomicReference<>(r -> answer(T0));

        FakeAuth() {
            server.answer(r -> {
                if (r.method().equals("POST") && r.path().equals("/token")) {
                    return Answer.json(200, "{\"access_token\":\"service-token\",\"token_type\":\"bearer\",\"expires_in\":900}");
                }
                if (r.method().equals("GET") && r.path().startsWith("/revocations")) return revocations.get().apply(r);
                return Answer.empty(404);
            });
        }

        void answer(Function<FakeService.Request, Answer> answer) {
            revocations.set(answer);
        }

        /** A 200 in the wire format: items as (session id, revoked_at) pairs. */
        static Answer answer(Instant until, Object... sessionAndTime) {
            var items = new StringBuilder();
            for (int i = 0; i < sessionAndTime.length; i += 2) {
                if (!items.isEmpty()) items.append(',');
                items.append("{\"session_id\":\"").append(sessionAndTime[i]).append("\",\"user_id\":\"").append(UUID.randomUUID())
                        .append("\",\"revoked_at\":\"").append(sessionAndTime[i + 1]).append("\"}");
            }
            return Answer.json(200, "{\"items\":[" + items + "],\"until\":\"" + until + "\"}");
        }

        /** Always answers the sessions in {@code ended} (read at each poll) as ended just now. */
        void answerEndedNow(java.util.Collection<String> ended) {
            answer(r -> {
                var pairs = new java.util.ArrayList<Object>();
                for (String sid : ended) {
                    pairs.add(sid);
                    pairs.add(Instant.now());
                }
                return answer(Instant.now(), pairs.toArray());
            });
        }

        List<FakeService.Request> polls() {
            return server.requests().stream().filter(r -> r.path().startsWith("/revocations")).toList();
        }

        /** The since a poll asked with, or null when it asked without. */
        static Instant since(FakeService.Request poll) {
            int at = poll.path().indexOf("?since=");
            return at < 0 ? null : Instant.parse(URLDecoder.decode(poll.path().substring(at + 7), StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @AfterEach
    void stop() {
        if (revoked != null) revoked.close();
        auth.close();
    }

    private RevokedSessions fromConfig(Map<String, String> extra) {
        var vars = new java.util.HashMap<>(Map.of("AUTH_URL", auth.server.uri().toString(), "SERVICE_CLIENT_SECRET", "s3cret"));
        vars.putAll(extra);
        revoked = RevokedSessions.fromConfig(Config.of(vars), "charter-service");
        return revoked;
    }

    /** Polling every {@code interval}, with a fixed token: for the tests of the background thread. */
    private RevokedSessions polling(URI authUrl, Duration interval) {
        revoked = new RevokedSessions("test-service", ServiceClient.builder("auth-service", authUrl).token(() -> "service-token").build(), interval);
        return revoked;
    }

    @Test
    void a_poll_asks_with_the_service_token_and_remembers_the_sessions_listed() {
        UUID ended = UUID.randomUUID();
        auth.answer(r -> FakeAuth.answer(T0, ended, T0.minusSeconds(3)));
        var sessions = fromConfig(Map.of());

        assertTrue(sessions.enabled());
        assertFalse(sessions.isRevoked(ended));
        assertTrue(sessions.pollOnce());

        assertTrue(sessions.isRevoked(ended));
        assertFalse(sessions.isRevoked(UUID.randomUUID()));
        assertFalse(sessions.isRevoked(null));
        var poll = auth.polls().getFirst();
        assertEquals("Bearer service-token", poll.header("Authorization"));
        assertTrue(auth.server.requests().getFirst().body().contains("\"client_id\":\"charter-service\""));
        assertNotNullNow(sessions.lastSuccess());
    }

    private static void assertNotNullNow(Instant t) {
        assertTrue(t != null && !t.isAfter(Instant.now()), "lastSuccess " + t);
    }

    @Test
    void the_first_poll_asks_for_the_whole_window_and_each_next_one_from_until_minus_the_overlap() {
        var sessions = fromConfig(Map.of());
        auth.answer(r -> FakeAuth.answer(T0));
        sessions.pollOnce();
        auth.answer(r -> FakeAuth.answer(T0.plusSeconds(5)));
        sessions.pollOnce();
        sessions.pollOnce();

        var polls = auth.polls();
        assertNull(FakeAuth.since(polls.get(0)));
        assertEquals(T0.minus(RevokedSessions.OVERLAP), FakeAuth.since(polls.get(1)));
        assertEquals(T0.plusSeconds(5).minus(RevokedSessions.OVERLAP), FakeAuth.since(polls.get(2)));
    }

    @Test
    void a_session_listed_again_stays_revoked_once_and_sessions_older_than_twenty_minutes_are_forgotten() {
        UUID early = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        var sessions = fromConfig(Map.of());
        auth.answer(r -> FakeAuth.answer(T0, early, T0.minusSeconds(60), later, T0.minusSeconds(1)));
        sessions.pollOnce();
        auth.answer(r -> FakeAuth.answer(T0.plusSeconds(5), later, T0.minusSeconds(1)));
        sessions.pollOnce();
        assertEquals(2, sessions.size());

        // By auth-service's clock, 'early' ended more than 20 minutes ago, 'later' just under.
        Instant until = T0.minusSeconds(60).plus(RevokedSessions.RETENTION).plusSeconds(1);
        auth.answer(r -> FakeAuth.answer(until));
        sessions.pollOnce();

        assertFalse(sessions.isRevoked(early));
        assertTrue(sessions.isRevoked(later));
        assertEquals(1, sessions.size());
    }

    @Test
    void while_auth_service_fails_the_known_sessions_stay_revoked_and_polling_resumes_later() {
        UUID ended = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        var sessions = fromConfig(Map.of());
        auth.answer(r -> FakeAuth.answer(T0, ended, T0));
        assertTrue(sessions.pollOnce());

        for (Answer failure : List.of(Answer.text(503, "down"), Answer.problem(500, "{\"title\":\"oops\"}"),
                Answer.json(200, "{\"items\":[]}"), Answer.json(200, "not json"), Answer.json(200, "{}"))) {
            auth.answer(r -> failure);
            assertFalse(sessions.pollOnce(), failure.toString());
            assertTrue(sessions.isRevoked(ended), failure.toString());
        }

        auth.answer(r -> FakeAuth.answer(T0.plusSeconds(30), next, T0.plusSeconds(20)));
        assertTrue(sessions.pollOnce());
        assertTrue(sessions.isRevoked(ended));
        assertTrue(sessions.isRevoked(next));
        // it asks from the last answer it could read
        assertEquals(T0.minus(RevokedSessions.OVERLAP), FakeAuth.since(auth.polls().getLast()));
    }

    @Test
    void an_auth_service_nobody_listens_for_is_a_failed_poll_not_an_exception() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var sessions = polling(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1));

        assertFalse(sessions.pollOnce());
        assertNull(sessions.lastSuccess());
    }

    @Test
    void the_background_thread_picks_up_revocations_as_they_happen() {
        List<String> ended = new CopyOnWriteArrayList<>();
        auth.answerEndedNow(ended);
        var sessions = polling(auth.server.uri(), Duration.ofMillis(50)).start();
        Await.until(Duration.ofSeconds(10), "the first poll", () -> sessions.lastSuccess() != null);

        UUID sid = UUID.randomUUID();
        ended.add(sid.toString());

        Await.until(Duration.ofSeconds(10), "the session is known to have ended", () -> sessions.isRevoked(sid));
        assertTrue(auth.polls().size() >= 2);
    }

    @Test
    void the_background_thread_keeps_going_through_an_outage() {
        UUID sid = UUID.randomUUID();
        auth.answer(r -> Answer.text(503, "down"));
        var sessions = polling(auth.server.uri(), Duration.ofMillis(50)).start();
        Await.until(Duration.ofSeconds(10), "a few failed polls", () -> auth.polls().size() >= 3);

        auth.answer(r -> FakeAuth.answer(Instant.now(), sid, Instant.now()));

        Await.until(Duration.ofSeconds(10), "the session is known to have ended", () -> sessions.isRevoked(sid));
        assertTrue(sessions.running());
    }

    @Test
    void close_stops_the_thread_promptly_even_in_the_middle_of_a_slow_poll() {
        auth.answer(r -> FakeAuth.answer(Instant.now()).after(30_000));
        var sessions = polling(auth.server.uri(), Duration.ofSeconds(1)).start();
        Await.until(Duration.ofSeconds(10), "a poll is in flight", () -> !auth.polls().isEmpty());
        assertTrue(sessions.running());

        long started = System.nanoTime();
        sessions.close();

        assertFalse(sessions.running());
        // generous: the answer would take 30 s, the close grace is 2 s
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "close took too long");
        assertFalse(sessions.pollOnce());
        assertThrows(IllegalStateException.class, sessions::start);
        sessions.close(); // twice is fine
    }

    @Test
    void close_stops_an_idle_thread_and_no_poll_follows() {
        var sessions = polling(auth.server.uri(), Duration.ofMillis(50)).start();
        Await.until(Duration.ofSeconds(10), "the first poll", () -> sessions.lastSuccess() != null);

        sessions.close();

        assertFalse(sessions.running());
        int polls = auth.polls().size();
        assertFalse(sessions.pollOnce());
        assertEquals(polls, auth.polls().size());
    }

    @Test
    void without_a_client_secret_it_is_off_and_never_asks() {
        revoked = RevokedSessions.fromConfig(Config.of(Map.of("AUTH_URL", auth.server.uri().toString())), "pricing-service");

        assertFalse(revoked.enabled());
        revoked.start();
        assertFalse(revoked.running());
        assertFalse(revoked.pollOnce());
        assertFalse(revoked.isRevoked(UUID.randomUUID()));
        assertTrue(auth.server.requests().isEmpty());
    }

    @Test
    void the_poll_interval_is_read_from_config_with_a_minimum_of_one_second() {
        assertTrue(fromConfig(Map.of("REVOCATION_POLL_SECONDS", "1")).toString().contains("every 1 s"));
        revoked.close();
        assertTrue(fromConfig(Map.of()).toString().contains("every 5 s"));
        revoked.close();
        var e = assertThrows(Config.ConfigException.class, () -> fromConfig(Map.of("REVOCATION_POLL_SECONDS", "0")));
        assertTrue(e.getMessage().contains("REVOCATION_POLL_SECONDS"));
    }
}
