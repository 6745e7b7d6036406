package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An answer the gateway gives before it has read the whole body (here: the /small route's 1 KB
 * limit) reaches a client that is still sending it. The client below reads the answer first and
 * only then sends the rest, the order in which a connection closed on unread bytes resets it
 * every time: the rest's writes fail ("Broken pipe", "Connection reset"), or the read after the
 * answer does.
 */
class GatewayUnreadBodyTest extends GatewayTestBase {
    private static final long MB = 1024 * 1024;

    @Test
    void a_body_refused_for_its_declared_length_is_read_to_its_end_and_the_connection_closes_cleanly() throws Exception {
        long length = 16 * MB;
        try (RawHttp.Client client = new RawHttp.Client(gateway.port())) {
            client.send("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + length + "\r\n\r\n");
            client.sendBody(64 * 1024);
            RawHttp.Reply reply = client.readResponse();
            assertTooLarge(reply, 413);

            client.sendBody(length - 64 * 1024);
            assertTrue(client.readsEndOfStream(), "nothing follows the answer");
            assertSaysItCloses(reply);
        }
    }

    @Test
    void a_chunked_body_cut_off_at_the_limit_is_read_to_its_end_and_the_connection_closes_cleanly() throws Exception {
        try (RawHttp.Client client = new RawHttp.Client(gateway.port())) {
            client.send("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            client.sendChunks(2);
            RawHttp.Reply reply = client.readResponse();
            assertTooLarge(reply, 413);

            client.sendChunks(254);
            client.send("0\r\n\r\n");
            assertTrue(client.readsEndOfStream(), "nothing follows the answer");
            assertSaysItCloses(reply);
        }
    }

    @Test
    void a_client_that_expects_100_continue_is_refused_without_the_go_ahead_and_the_connection_closes() throws Exception {
        try (RawHttp.Client client = new RawHttp.Client(gateway.port())) {
            client.send("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + 16 * MB + "\r\n\r\n");
            // Kong's answer to an oversize body announced with Expect: 100-continue; no 100 comes first.
            RawHttp.Reply reply = client.readResponse();
            assertTooLarge(reply, 417);
            // The client, never told to go ahead, sends nothing: the gateway does not wait for it.
            assertTrue(client.readsEndOfStream(), "nothing follows the answer");
            assertSaysItCloses(reply);
        }
    }

    @Test
    void past_the_discard_limit_the_gateway_stops_reading_and_closes() throws Exception {
        long length = 1024 * MB;
        try (RawHttp.Client client = new RawHttp.Client(gateway.port())) {
            client.send("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + length + "\r\n\r\n");
            client.sendBody(64 * 1024);
            RawHttp.Reply reply = client.readResponse();
            assertTooLarge(reply, 413);
            assertSaysItCloses(reply);

            long sent = client.sendBodyUntilRefused(length);
            assertTrue(sent < length, "the gateway read all " + sent + " bytes of a body it had refused");
            assertTrue(sent > ClientBody.DISCARD_BYTES, "refused after " + sent + " bytes");
        }
    }

    @Test
    void an_answer_after_the_whole_body_keeps_the_connection_open() throws Exception {
        try (RawHttp.Client client = new RawHttp.Client(gateway.port())) {
            String request = "POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2048\r\n\r\n" + "x".repeat(2048);
            client.send(request);
            RawHttp.Reply first = client.readResponse();
            assertEquals(413, first.status());
            assertFalse(first.headers().containsKey("connection"), first.headers().toString());
            client.send("GET /api/things HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(200, client.readResponse().status());
        }
    }

    private static void assertTooLarge(RawHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.headers().get("content-type"));
        assertTrue(reply.body().contains("\"status\":" + status), reply.body());
        assertTrue(reply.body().contains(RequestSizeLimiting.TOO_LARGE), reply.body());
    }

    private static void assertSaysItCloses(RawHttp.Reply reply) {
        assertEquals("close", reply.headers().get("connection"), "the answer says the connection ends after it");
    }
}
