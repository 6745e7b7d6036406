package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coachway.common.testsupport.Await;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of ServiceApp that common's own additions touch: bodies, problems, health. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceAppTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp(r -> r.post("/echo", ctx -> {
            var in = JsonInput.of(ctx);
            String name = in.requiredString("name");
            in.optionalInt("age");
            in.validate();
            ctx.json(Map.of("name", name));
        }, Role.PUBLIC));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        var reply = app.post("/echo", "text/plain", "name=Ann");

        assertEquals(415, reply.status());
        assertTrue(reply.contentType().startsWith(Problems.CONTENT_TYPE));
        assertEquals(Problems.UNSUPPORTED_MEDIA_TYPE, reply.json().path("type").asText());
    }

    @Test
    void malformed_json_is_a_400_problem_with_the_request_id_and_never_a_500() {
        var reply = app.post("/echo", "application/json", "{\"name\":", "X-Request-ID", "req-77");

        assertEquals(400, reply.status());
        assertEquals(Problems.BAD_REQUEST, reply.json().path("type").asText());
        assertEquals("req-77", reply.json().path("request_id").asText());
    }

    @Test
    void invalid_fields_are_a_400_problem_listing_each_field() {
        var reply = app.post("/echo", "application/json; charset=utf-8", "{\"name\":\"\",\"age\":\"A\"}");

        assertEquals(400, reply.status());
        assertEquals(Problems.VALIDATION, reply.json().path("type").asText());
        assertEquals(2, reply.json().path("errors").size());
    }

    @Test
    void a_valid_body_is_handled() {
        var reply = app.post("/echo", "application/json", "{\"name\":\" Ann \"}");

        assertEquals(200, reply.status());
        assertEquals("Ann", reply.json().path("name").asText());
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        var reply = app.get("/nowhere");

        assertEquals(404, reply.status());
        assertEquals(Problems.NOT_FOUND, reply.json().path("type").asText());
    }

    @Test
    void health_with_a_check_that_gives_no_detail_still_answers() {
        var verifier = new com.coachway.common.auth.TokenVerifier(
                new com.coachway.common.auth.JwksKeyProvider(java.net.URI.create("http://127.0.0.1:9/jwks.json"), java.time.Duration.ofMinutes(1)));
        var javalin = ServiceApp.named("health-test").auth(verifier)
                .health("cache", () -> HealthCheck.Result.up(null))
                .health("queue", () -> { throw new IllegalStateException("down"); })
                .build().start(0);
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + javalin.port() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode());
            var body = Json.MAPPER.readTree(response.body());
            assertEquals("unhealthy", body.path("status").asText());
            assertEquals("up", body.path("checks").path("cache").path("status").asText());
            assertEquals("down", body.path("checks").path("queue").path("status").asText());
            assertEquals("IllegalStateException", body.path("checks").path("queue").path("detail").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            javalin.stop();
        }
    }

    @Test
    void a_successful_health_poll_is_logged_at_debug_and_everything_else_at_info() {
        var appender = new ListAppender<ILoggingEvent>();
        var accessLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("access");
        appender.start();
        accessLogger.addAppender(appender);
        try {
            String polled = "poll-" + java.util.UUID.randomUUID();
            String missing = "miss-" + java.util.UUID.randomUUID();
            assertEquals(200, app.get("/health", "X-Request-ID", polled).status());
            assertEquals(404, app.get("/nowhere", "X-Request-ID", missing).status());

            Await.until(java.time.Duration.ofSeconds(5), "the 404 is logged", () -> eventFor(appender, missing) != null);
            assertEquals(Level.INFO, eventFor(appender, missing).getLevel());
            var poll = eventFor(appender, polled);
            assertTrue(poll == null || poll.getLevel() == Level.DEBUG, "a health poll is not an INFO line");
        } finally {
            accessLogger.detachAppender(appender);
        }
    }

    private static ILoggingEvent eventFor(ListAppender<ILoggingEvent> appender, String requestId) {
        return appender.list.stream()
                .filter(e -> e.getArgumentArray() != null)
                .filter(e -> java.util.Arrays.toString(e.getArgumentArray()).contains(requestId))
                .findFirst().orElse(null);
    }
}
