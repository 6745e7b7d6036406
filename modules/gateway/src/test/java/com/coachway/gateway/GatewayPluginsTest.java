package com.coachway.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GatewayPluginsTest extends GatewayTestBase {

    @Test
    void a_declared_content_length_over_the_route_limit_is_a_413_problem() {
        client().body("x".repeat(2048)).post("/small")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("Request size limit exceeded"));
        client().body("x".repeat(1000)).post("/small").then().statusCode(200);
    }

    @Test
    void a_chunked_body_streaming_past_the_limit_is_cut_off_with_413() throws Exception {
        StringBuilder request = new StringBuilder("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 8; i++) {
            request.append("400\r\n").append("y".repeat(1024)).append("\r\n");
        }
        request.append("0\r\n\r\n");
        RawHttp.Reply reply = RawHttp.exchange(gateway.port(), request.toString());
        assertEquals(413, reply.status());
        assertEquals("application/problem+json", reply.headers().get("content-type"));
        assertTrue(reply.body().contains("\"status\":413"), reply.body());
    }

    @Test
    void a_small_chunked_body_under_the_limit_goes_through() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(gateway.port(), "POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("\"body\":\"hello\""), reply.body());
    }

    @Test
    void the_rate_limit_answers_429_with_kongs_headers_after_the_limit() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            client().get("/limited")
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit-Minute", "3")
                    .header("X-RateLimit-Remaining-Minute", Integer.toString(remaining))
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response limited = client().get("/limited");
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .header("X-RateLimit-Remaining-Minute", "0")
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body("detail", equalTo("API rate limit exceeded"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(50, retryAfter, "the clock stands 10 s into its minute");
        assertEquals(limited.header("RateLimit-Reset"), limited.header("Retry-After"));
        assertEquals(limited.header("X-Request-ID"), limited.jsonPath().getString("request_id"));
    }

    @Test
    void a_route_plugin_overrides_the_service_plugin_of_the_same_name() {
        client().get("/limited-service").then().statusCode(200).header("X-RateLimit-Limit-Minute", "100");
    }

    @Test
    void under_concurrent_requests_exactly_the_limit_succeed() throws Exception {
        int clients = 24;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return client().get("/burst").statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            int limited = 0;
            for (Future<Integer> status : statuses) {
                int s = status.get();
                ok += s == 200 ? 1 : 0;
                limited += s == 429 ? 1 : 0;
            }
            assertEquals(5, ok, "the route allows 5 per hour");
            assertEquals(clients - 5, limited);
        }
    }

    @Test
    void a_cors_preflight_is_answered_by_the_gateway() {
        Response r = client()
                .header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/things");
        r.then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://app.example")
                .header("Access-Control-Allow-Methods", "GET,POST")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin");
        assertNull(r.header("X-Upstream"), "the preflight must not reach the upstream");
        assertEquals("", r.asString());
    }

    @Test
    void a_preflight_from_an_unknown_origin_gets_no_allow_origin() {
        Response r = client()
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/things");
        r.then().statusCode(200);
        assertNull(r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void a_simple_cors_request_gets_allow_and_expose_headers() {
        Response r = client().header("Origin", "http://other.example:8443").get("/api/things");
        r.then().statusCode(200)
                .header("X-Upstream", "echo")
                .header("Access-Control-Allow-Origin", "http://other.example:8443")
                .header("Access-Control-Expose-Headers", "X-Request-ID")
                .header("Access-Control-Allow-Credentials", "true");
        assertTrue(r.headers().getValues("Vary").contains("Origin"));
        Response unknown = client().header("Origin", "http://evil.example").get("/api/things");
        assertNull(unknown.header("Access-Control-Allow-Origin"));
    }

    @Test
    void a_disabled_route_plugin_lets_the_global_one_apply_as_in_kong() {
        Response r = client().header("Origin", "http://app.example").get("/no-cors");
        assertEquals("http://app.example", r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void gateway_errors_carry_cors_headers_so_browsers_can_read_them() {
        Response r = client().header("Origin", "http://app.example").body("x".repeat(4096)).post("/small");
        r.then().statusCode(413).header("Access-Control-Allow-Origin", "http://app.example");
        assertFalse(r.header("X-Request-ID").isEmpty());
    }
}
