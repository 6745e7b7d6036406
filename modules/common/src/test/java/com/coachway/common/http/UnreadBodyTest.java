package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that answers before it has read the whole body (a 401 before the handler, Javalin's
 * 413 past the limit) reaches a client that is still sending it. Each client below reads the
 * answer first and only then sends the rest: the order in which a connection closed on unread
 * bytes resets it, so the rest's writes fail ("Broken pipe", "Connection reset") or the read
 * after the answer does.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnreadBodyTest {
    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;
    private static final long LIMIT = MB;
    private static final long FIRST_PART = 64 * KB;
    private static TestApp app;
    private static int port;

    @BeforeAll
    static void start() {
        app = new TestApp(service -> service.maxRequestBytes(LIMIT), r -> {
            r.post("/private", ctx -> ctx.json(Map.of("ok", true)), Role.AUTHENTICATED);
            r.post("/upload", ctx -> ctx.json(Map.of("bytes", ctx.bodyAsBytes().length)), Role.PUBLIC);
        });
        port = URI.create(app.baseUrl()).getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_401_before_a_900_kb_body_was_read_reaches_the_client_whole_and_the_connection_stays_usable() throws Exception {
        long length = 900 * KB;
        try (var client = new RawHttpClient(port)) {
            client.send(head("/private", "Content-Length: " + length));
            client.sendBody(FIRST_PART);
            var reply = client.readResponse();
            assertProblem(reply, 401, Problems.UNAUTHORIZED);

            client.sendBody(length - FIRST_PART);
            assertFalse(reply.headers().containsKey("connection"), "the rest is read, so the connection stays: " + reply.headers());
            assertHealthAnswers(client);
        }
    }

    @Test
    void a_413_for_a_body_over_the_limit_reaches_the_client_whole_and_the_connection_stays_usable() throws Exception {
        long length = LIMIT + 512 * KB;
        try (var client = new RawHttpClient(port)) {
            client.send(head("/upload", "Content-Length: " + length));
            // Javalin reads up to the limit before it refuses, whatever the declared length.
            long firstPart = LIMIT + FIRST_PART;
            client.sendBody(firstPart);
            var reply = client.readResponse();
            assertProblem(reply, 413, Problems.TOO_LARGE);
            assertTrue(reply.body().contains("larger than " + LIMIT + " bytes"), reply.body());

            client.sendBody(length - firstPart);
            assertHealthAnswers(client);
        }
    }

    @Test
    void a_chunked_body_answered_early_is_read_to_its_end_and_the_connection_closes_cleanly() throws Exception {
        try (var client = new RawHttpClient(port)) {
            client.send(head("/private", "Transfer-Encoding: chunked"));
            client.sendChunks(2);
            var reply = client.readResponse();
            assertProblem(reply, 401, Problems.UNAUTHORIZED);
            // The rest of a chunked body is of unknown length: the answer cannot promise to read it all.
            assertEquals("close", reply.headers().get("connection"), reply.headers().toString());

            client.sendChunks(28);
            client.send("0\r\n\r\n");
            assertTrue(client.readsEndOfStream(), "nothing follows the answer");
        }
    }

    @Test
    void past_the_drain_bound_the_answer_says_it_closes_and_the_service_stops_reading() throws Exception {
        long length = 256 * MB;
        try (var client = new RawHttpClient(port)) {
            client.send(head("/private", "Content-Length: " + length));
            client.sendBody(FIRST_PART);
            var reply = client.readResponse();
            assertProblem(reply, 401, Problems.UNAUTHORIZED);
            assertEquals("close", reply.headers().get("connection"), reply.headers().toString());

            long sent = client.sendBodyUntilRefused(length);
            assertTrue(sent < length, "the service read all " + sent + " bytes of a body it had refused");
            assertTrue(sent > LIMIT + ServiceApp.DRAIN_MARGIN_BYTES, "refused after " + sent + " bytes");
        }
    }

    @Test
    void a_client_that_expects_100_continue_is_answered_without_the_go_ahead_and_the_connection_closes() throws Exception {
        try (var client = new RawHttpClient(port)) {
            client.send(head("/private", "Expect: 100-continue\r\nContent-Length: " + 900 * KB));
            var reply = client.readResponse();
            assertProblem(reply, 401, Problems.UNAUTHORIZED);
            assertEquals("close", reply.headers().get("connection"), reply.headers().toString());
            // Never told to go ahead, the client sends nothing, and the service does not wait for it.
            assertTrue(client.readsEndOfStream(), "nothing follows the answer");
        }
    }

    @Test
    void a_body_the_handler_reads_is_answered_and_the_connection_stays_usable() throws Exception {
        long length = 900 * KB;
        try (var client = new RawHttpClient(port)) {
            client.send(head("/upload", "Content-Length: " + length));
            client.sendBody(length);
            var reply = client.readResponse();
            assertEquals(200, reply.status(), reply.toString());
            assertEquals(Json.MAPPER.readTree("{\"bytes\":" + length + "}"), Json.MAPPER.readTree(reply.body()));
            assertFalse(reply.headers().containsKey("connection"), reply.headers().toString());
            assertHealthAnswers(client);
        }
    }

    private static String head(String path, String framing) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    /** The same connection takes another request after the answer. */
    private static void assertHealthAnswers(RawHttpClient client) throws Exception {
        client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        var health = client.readResponse();
        assertEquals(200, health.status(), health.toString());
        assertTrue(client.readsEndOfStream(), "nothing follows the answer");
    }

    private static void assertProblem(RawHttpClient.Reply reply, int status, String type) throws Exception {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.headers().getOrDefault("content-type", "").startsWith(Problems.CONTENT_TYPE), reply.headers().toString());
        var problem = Json.MAPPER.readTree(reply.body());
        assertEquals(status, problem.path("status").asInt(), reply.body());
        assertEquals(type, problem.path("type").asText(), reply.body());
    }
}
