package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

class GatewayHeadersTest extends GatewayTestBase {

    @Test
    void kong_forwarding_headers_reach_the_upstream_and_client_sent_ones_are_not_trusted() {
        Response r = client()
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Real-IP", "203.0.113.10")
                .get("/api/items/7?x=1");
        r.then().statusCode(200);
        assertEquals("203.0.113.9, 127.0.0.1", upstreamHeader(r, "X-Forwarded-For"));
        assertEquals("http", upstreamHeader(r, "X-Forwarded-Proto"));
        assertEquals("127.0.0.1", upstreamHeader(r, "X-Forwarded-Host"));
        assertEquals(Integer.toString(gateway.port()), upstreamHeader(r, "X-Forwarded-Port"));
        assertEquals("/api/items/7", upstreamHeader(r, "X-Forwarded-Path"));
        assertEquals("/api/items", upstreamHeader(r, "X-Forwarded-Prefix"));
        assertEquals("127.0.0.1", upstreamHeader(r, "X-Real-IP"));
        assertEquals("1.1 coachway-gateway", upstreamHeader(r, "Via"));
    }

    @Test
    void a_client_sent_forwarded_prefix_is_replaced_and_no_rfc_7239_forwarded_is_added() {
        Response r = client().header("X-Forwarded-Prefix", "/spoofed").get("/api/x");
        assertEquals("/api", upstreamHeader(r, "X-Forwarded-Prefix"));
        assertNull(upstreamHeader(r, "Forwarded"), "Kong does not add RFC 7239 Forwarded");
    }

    @Test
    void the_upstream_host_header_is_the_service_host() {
        assertEquals("echo:8000", upstreamHeader(client().get("/api/x"), "Host"));
        assertEquals("echo:8000", upstreamHeader(client().header("Host", "portal.example:8080").get("/api/x"), "Host"));
    }

    @Test
    void a_request_id_is_generated_sent_upstream_and_echoed() {
        Response r = client().get("/api/x");
        String echoed = r.header("X-Request-ID");
        assertTrue(echoed.matches("[0-9a-f-]{36}"), echoed);
        assertEquals(echoed, upstreamHeader(r, "X-Request-ID"));
    }

    @Test
    void a_client_request_id_is_kept_and_echoed() {
        Response r = client().header("X-Request-ID", "abc-123").get("/api/x");
        assertEquals("abc-123", r.header("X-Request-ID"));
        assertEquals("abc-123", upstreamHeader(r, "X-Request-ID"));
    }

    @Test
    void the_response_carries_the_upstream_date_once() {
        Response r = client().get("/api/x");
        assertEquals(1, r.headers().getValues("Date").size());
        assertFalse(r.headers().hasHeaderWithName("Server"));
    }

    @Test
    void hop_by_hop_headers_are_not_forwarded() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(gateway.port(), """
                GET /api/hop HTTP/1.1\r
                Host: 127.0.0.1\r
                Connection: close, X-Secret-Hop\r
                X-Secret-Hop: do-not-forward\r
                Keep-Alive: timeout=5\r
                Proxy-Authorization: Basic c2VjcmV0\r
                Proxy-Connection: keep-alive\r
                TE: trailers\r
                Trailer: X-Checksum\r
                X-End-To-End: forwarded\r
                \r
                """);
        assertEquals(200, reply.status());
        JsonNode headers = new ObjectMapper().readTree(reply.body()).get("headers");
        for (String hop : new String[] {"x-secret-hop", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer"}) {
            assertNull(headers.get(hop), hop + " reached the upstream");
        }
        assertEquals("forwarded", headers.get("x-end-to-end").get(0).asText());
        assertFalse(headers.has("connection") && headers.get("connection").toString().contains("X-Secret-Hop"));
    }
}
