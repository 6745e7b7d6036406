package com.coachway.common.db;

import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.config.Config;
import com.coachway.common.http.Json;
import com.coachway.common.http.Problems;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.testsupport.Await;
import com.coachway.common.testsupport.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that hangs (PostgreSQL frozen with SIGSTOP, not stopped: connections stay open and
 * simply never answer) is a quick 503 with Retry-After, /health says "database" is down, and
 * everything answers again by itself once it thaws. The server is this class's own, so freezing
 * it cannot stall other tests; it is always thawed in a finally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrozenDatabaseTest {
    /**
     * A hang guard, not a speed assertion: without the timeouts a request waited 10 s and more.
     * The real durations are printed; the requirement is ≤ 3 s for a request and ≤ 2 s for /health.
     */
    private static final Duration HANG_GUARD = Duration.ofSeconds(6);

    private Path dataDir;
    private EmbeddedPostgres pg;
    private Database db;
    private Database impatient;
    private Javalin app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    record Reply(int status, String contentType, String retryAfter, JsonNode json, long millis) {
    }

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("frozen-pg");
        pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
        String url = pg.getJdbcUrl("postgres", "postgres") + "&password=postgres";
        db = Database.connect(Config.of(Map.of("DATABASE_URL", url, "DB_POOL_SIZE", "3")), "frozen", "frozen-test");
        impatient = Database.connect(Config.of(Map.of("DATABASE_URL", url, "DB_POOL_SIZE", "1",
                "DB_STATEMENT_TIMEOUT_MS", "200", "DB_SOCKET_TIMEOUT_MS", "5000")), "frozen", "impatient-test");
        app = ServiceApp.named("frozen-test")
                .auth(new TokenVerifier(TestKeys.generate("k").provider()))
                .health("database", db.health())
                .routes(r -> {
                    r.get("/things", ctx -> ctx.json(Map.of("count", db.dsl().fetchCount(table("frozen.things")))), Role.PUBLIC);
                    r.get("/slow", ctx -> ctx.json(Map.of("slept", impatient.dsl().fetchValue("select pg_sleep(2)::text"))), Role.PUBLIC);
                })
                .build().start(0);
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) app.stop();
        if (db != null) db.close();
        if (impatient != null) impatient.close();
        if (pg != null) pg.close();
    }

    private Reply get(String path) {
        long start = System.nanoTime();
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .timeout(HANG_GUARD).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), Json.MAPPER.readTree(response.body()), millis);
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " did not answer within the hang guard of " + HANG_GUARD, e);
        }
    }

    /** The postmaster and every process it forked (backends, checkpointer, wal writer, ...). */
    private List<Long> serverProcesses() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        var pids = new ArrayList<Long>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private void signal(String signal) throws Exception {
        // the postmaster first, so that it forks nothing new while its children are signalled
        var command = new ArrayList<>(List.of("kill", "-" + signal));
        serverProcesses().forEach(pid -> command.add(String.valueOf(pid)));
        var kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes());
        assertEquals(0, kill.waitFor(), () -> String.join(" ", command) + ": " + out);
    }

    @Test
    void a_frozen_database_is_a_quick_503_naming_the_database_and_everything_recovers_when_it_thaws() throws Exception {
        assertEquals(200, get("/things").status());
        assertEquals(200, get("/health").status());

        signal("STOP");
        // /health first: the first call after the freeze gets the connection used a moment ago,
        // which Hikari lends without a liveness check (its 0.5 s alive-bypass window); health
        // bounds its own wait, while a request there would wait for the socket timeout (18 s),
        // as any query in flight at the moment of a freeze does. Every later request finds no
        // live connection and is refused within the connect timeout.
        Reply health;
        Reply first;
        Reply second;
        try {
            health = get("/health");
            first = get("/things");
            second = get("/things");
        } finally {
            signal("CONT");
        }
        System.out.printf("frozen database: /health %d in %d ms; requests %d in %d ms, %d in %d ms%n",
                health.status(), health.millis(), first.status(), first.millis(), second.status(), second.millis());

        assertEquals(503, health.status());
        assertEquals("unhealthy", health.json().path("status").asText());
        assertEquals("down", health.json().path("checks").path("database").path("status").asText());
        assertTrue(health.json().path("checks").path("database").path("detail").asText().contains("did not answer"),
                health.json().toString());
        for (Reply r : List.of(first, second)) {
            assertEquals(503, r.status(), r.json().toString());
            assertTrue(r.contentType().startsWith(Problems.CONTENT_TYPE), r.contentType());
            assertEquals(Problems.UNAVAILABLE, r.json().path("type").asText());
            assertNotNull(r.retryAfter(), "a 503 says when to retry");
        }

        // thawed: no restart, the pool reconnects by itself
        Await.until(Duration.ofSeconds(30), "requests succeed again", () -> get("/things").status() == 200);
        assertEquals(3, get("/things").json().path("count").asInt());
        Await.until(Duration.ofSeconds(10), "health is up again", () -> get("/health").status() == 200);
    }

    @Test
    void pooled_connections_run_with_the_statement_timeout() {
        assertEquals("15s", db.dsl().fetchValue("show statement_timeout"));
    }

    @Test
    void a_query_longer_than_the_statement_timeout_is_cut_and_answered_503_with_retry_after() {
        Reply slow = get("/slow");

        assertEquals(503, slow.status(), slow.json().toString());
        assertEquals(Problems.UNAVAILABLE, slow.json().path("type").asText());
        assertNotNull(slow.retryAfter());
    }
}
