package com.coachway.common.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Problems;
import com.coachway.common.http.RequestIds;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceClientTest {
    private static final String TOKEN = "eyJ.secret-token.sig";
    private final FakeService pricing = new FakeService();

    record Quote(UUID charterId, BigDecimal totalAmount) {
    }

    record QuoteRequest(UUID charterId, int passengerCount) {
    }

    @AfterEach
    void stop() {
        pricing.close();
        MDC.clear();
    }

    private ServiceClient client() {
        return ServiceClient.builder("pricing-service", pricing.uri()).token(() -> TOKEN).build();
    }

    @Test
    void a_get_carries_the_bearer_token_the_current_request_id_and_asks_for_json() {
        pricing.answerAlways(Answer.json(200, "{}"));
        MDC.put(RequestIds.MDC_KEY, "req-123");

        client().get("/quotes/1", JsonNode.class);

        var request = pricing.lastRequest();
        assertEquals("GET", request.method());
        assertEquals("/quotes/1", request.path());
        assertEquals("Bearer " + TOKEN, request.header("Authorization"));
        assertEquals("req-123", request.header("X-Request-ID"));
        assertEquals("application/json, application/problem+json", request.header("Accept"));
        assertNull(request.header("Idempotency-Key"));
    }

    @Test
    void outside_a_request_no_request_id_is_sent_and_a_null_token_sends_no_authorization() {
        pricing.answerAlways(Answer.json(200, "{}"));

        client().withToken(() -> null).get("/quotes/1", JsonNode.class);

        assertNull(pricing.lastRequest().header("X-Request-ID"));
        assertNull(pricing.lastRequest().header("Authorization"));
    }

    @Test
    void an_answer_is_read_from_snake_case_json_keeping_decimal_scale_and_ignoring_fields_it_does_not_know() {
        UUID charter = UUID.randomUUID();
        pricing.answerAlways(Answer.json(200, "{\"charter_id\":\"" + charter + "\",\"total_amount\":1250.50,\"added_later\":true}"));

        Quote quote = client().get("/quotes/1", Quote.class);

        assertEquals(charter, quote.charterId());
        assertEquals(new BigDecimal("1250.50"), quote.totalAmount());
    }

    @Test
    void a_list_answer_can_be_read_with_a_type_reference() {
        pricing.answerAlways(Answer.json(200, "[{\"total_amount\":1},{\"total_amount\":2}]"));

        List<Quote> quotes = client().get("/quotes", new TypeReference<>() { });

        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2")), quotes.stream().map(Quote::totalAmount).toList());
    }

    @Test
    void a_post_sends_its_body_as_snake_case_json_with_the_idempotency_key() {
        pricing.answerAlways(Answer.json(201, "{\"total_amount\":10.00}"));
        UUID charter = UUID.randomUUID();

        Quote quote = client().post("/quotes", new QuoteRequest(charter, 40), Quote.class, "key-42");

        var request = pricing.lastRequest();
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("{\"charter_id\":\"" + charter + "\",\"passenger_count\":40}", request.body());
        assertEquals("key-42", request.header("Idempotency-Key"));
        assertEquals(new BigDecimal("10.00"), quote.totalAmount());
    }

    @Test
    void put_patch_and_delete_use_their_methods_and_an_empty_answer_is_null() {
        pricing.answerAlways(Answer.empty(204));
        var client = client();

        assertNull(client.put("/rates/1", Map.of("hourly_rate", 120), Quote.class));
        assertNull(client.patch("/rates/1", Map.of("hourly_rate", 125), Quote.class));
        client.delete("/rates/1");

        assertEquals(List.of("PUT", "PATCH", "DELETE"), pricing.requests().stream().map(FakeService.Request::method).toList());
        assertEquals("{\"hourly_rate\":125}", pricing.requests().get(1).body());
        assertEquals("", pricing.requests().get(2).body());
    }

    @Test
    void a_problem_answer_becomes_an_exception_with_its_status_type_title_detail_and_field_errors() {
        pricing.answerAlways(Answer.problem(400, """
                {"type":"https://coachway.dev/problems/validation","title":"Invalid request","status":400,
                 "detail":"2 fields are invalid","errors":[{"field":"stops[1].address","message":"is required"},
                 {"field":"miles","message":"must be between 0 and 5000"}],"request_id":"r1"}"""));

        var e = assertThrows(ServiceCallException.class, () -> client().post("/calculate", Map.of(), Quote.class));

        assertEquals(400, e.status());
        assertEquals(Problems.VALIDATION, e.type());
        assertEquals("Invalid request", e.title());
        assertEquals("2 fields are invalid", e.detail());
        assertEquals(List.of(new FieldError("stops[1].address", "is required"), new FieldError("miles", "must be between 0 and 5000")), e.errors());
        assertEquals("pricing-service", e.service());
        assertEquals("POST", e.method());
        assertEquals("/calculate", e.path());
        assertFalse(e.isUnavailable());
        assertFalse(e.connectionFailed());
    }

    @Test
    void a_not_found_is_recognisable_so_a_handler_can_answer_with_its_own_404_or_400() {
        pricing.answerAlways(Answer.problem(404, "{\"type\":\"https://coachway.dev/problems/not-found\",\"title\":\"Not found\",\"detail\":\"Rate not found\"}"));

        var e = assertThrows(ServiceCallException.class, () -> client().get("/rates/9", Quote.class));

        assertTrue(e.isNotFound());
        assertEquals("Rate not found", e.detail());
    }

    @Test
    void a_server_error_without_problem_json_is_unavailable_and_maps_to_a_503_naming_the_service() {
        pricing.answerAlways(Answer.text(500, "<html>oops</html>"));

        var e = assertThrows(ServiceCallException.class, () -> client().get("/rates", JsonNode.class));

        assertEquals(500, e.status());
        assertNull(e.type());
        assertEquals("pricing-service answered 500", e.detail());
        assertTrue(e.isUnavailable());
        ApiException mapped = e.unavailable();
        assertEquals(503, mapped.status());
        assertEquals(Problems.UNAVAILABLE, mapped.type());
        assertEquals("pricing-service is unavailable; try again shortly", mapped.detail());
    }

    @Test
    void a_refused_connection_is_a_503_saying_the_service_is_unreachable() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var client = ServiceClient.builder("pricing-service", URI.create("http://127.0.0.1:" + closedPort)).build();

        var e = assertThrows(ServiceCallException.class, () -> client.get("/rates", JsonNode.class));

        assertEquals(503, e.status());
        assertTrue(e.connectionFailed());
        assertTrue(e.isUnavailable());
        assertEquals(Problems.UNAVAILABLE, e.type());
        assertEquals("pricing-service is unreachable at http://127.0.0.1:" + closedPort + " (connection refused)", e.detail());
    }

    @Test
    void an_answer_slower_than_the_request_timeout_is_a_503() {
        pricing.answerAlways(Answer.json(200, "{}").after(2_000));
        var client = ServiceClient.builder("pricing-service", pricing.uri()).requestTimeout(Duration.ofMillis(200)).build();

        var e = assertThrows(ServiceCallException.class, () -> client.get("/slow", JsonNode.class));

        assertEquals(503, e.status());
        assertTrue(e.connectionFailed());
        assertEquals("pricing-service did not answer within 200 ms", e.detail());
    }

    @Test
    void a_success_whose_body_does_not_match_the_expected_type_is_a_502() {
        pricing.answerAlways(Answer.json(200, "{\"total_amount\":\"lots\"}"));

        var e = assertThrows(ServiceCallException.class, () -> client().get("/quotes/1", Quote.class));

        assertEquals(502, e.status());
        assertEquals(Problems.UPSTREAM, e.type());
    }

    @Test
    void the_token_never_appears_in_logs_or_exception_messages() {
        var logger = (Logger) LoggerFactory.getLogger("com.coachway");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            pricing.answer(r -> r.path().equals("/ok") ? Answer.json(200, "{}")
                    : r.path().equals("/bad") ? Answer.json(200, "[1]")
                    : Answer.problem(403, "{\"detail\":\"no\"}"));
            var client = client();
            client.get("/ok", JsonNode.class);
            var forbidden = assertThrows(ServiceCallException.class, () -> client.get("/forbidden", JsonNode.class));
            var unreadable = assertThrows(ServiceCallException.class, () -> client.get("/bad", Quote.class));

            assertFalse(appender.list.isEmpty(), "calls are logged at debug");
            for (ILoggingEvent event : appender.list) {
                assertFalse(event.getFormattedMessage().contains(TOKEN), event.getFormattedMessage());
                assertFalse(event.getFormattedMessage().contains("Authorization"), event.getFormattedMessage());
            }
            assertFalse(forbidden.toString().contains(TOKEN));
            assertFalse(unreadable.toString().contains(TOKEN));
            assertFalse(client.toString().contains(TOKEN));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void a_401_to_a_service_token_gets_a_fresh_token_and_retries_once() {
        try (var auth = new FakeService()) {
            var issued = new java.util.concurrent.atomic.AtomicInteger();
            auth.answer(r -> Answer.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"bearer\",\"expires_in\":900}"));
            pricing.answer(r -> "Bearer token-1".equals(r.header("Authorization"))
                    ? Answer.problem(401, "{\"detail\":\"revoked\"}") : Answer.json(200, "{\"total_amount\":1}"));
            var tokens = new ServiceTokens(auth.uri(), "charter-service", "s3cret");
            var client = ServiceClient.builder("pricing-service", pricing.uri()).token(tokens).build();

            Quote quote = client.post("/quotes", Map.of("a", 1), Quote.class, "key-1");

            assertEquals(new BigDecimal("1"), quote.totalAmount());
            assertEquals(List.of("Bearer token-1", "Bearer token-2"),
                    pricing.requests().stream().map(r -> r.header("Authorization")).toList());
            assertEquals(List.of("key-1", "key-1"), pricing.requests().stream().map(r -> r.header("Idempotency-Key")).toList());
        }
    }

    @Test
    void a_401_to_a_token_that_is_not_a_service_token_is_not_retried() {
        pricing.answerAlways(Answer.problem(401, "{\"detail\":\"expired\"}"));

        var e = assertThrows(ServiceCallException.class, () -> client().get("/quotes", JsonNode.class));

        assertEquals(401, e.status());
        assertEquals(1, pricing.requests().size());
    }

    @Test
    void a_base_uri_with_a_path_prefix_and_trailing_slash_is_joined_with_the_path() {
        pricing.answerAlways(Answer.json(200, "{}"));
        var client = ServiceClient.builder("pricing-service", URI.create(pricing.uri() + "/api/v1/pricing/")).build();

        client.get("/rates?vehicle_type=" + ServiceClient.encode("coach 56&x"), JsonNode.class);

        assertEquals("/api/v1/pricing/rates?vehicle_type=coach%2056%26x", pricing.lastRequest().path());
    }

    @Test
    void a_base_uri_that_is_not_http_or_a_path_without_a_leading_slash_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ServiceClient.builder("x", URI.create("ftp://host")));
        assertThrows(IllegalArgumentException.class, () -> ServiceClient.builder("x", URI.create("/relative")));
        assertThrows(IllegalArgumentException.class, () -> client().get("rates", JsonNode.class));
    }
}
