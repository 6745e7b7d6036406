package com.coachway.common.client;

import com.coachway.common.auth.Role;
import com.coachway.common.http.Problems;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import com.coachway.common.testsupport.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ServiceClient used from a ServiceApp handler, the way services use it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceClientInAHandlerTest {
    private static FakeService pricing;
    private static TestApp app;

    @BeforeAll
    static void start() {
        pricing = new FakeService();
        var client = ServiceClient.builder("pricing-service", pricing.uri()).token(() -> "service-token").build();
        app = new TestApp(r -> {
            r.get("/forwarding", ctx -> ctx.json(client.forwardingCaller(ctx).get("/rates", JsonNode.class)), Role.PUBLIC);
            r.get("/as-service", ctx -> ctx.json(client.get("/rates", JsonNode.class)), Role.PUBLIC);
        });
    }

    @BeforeEach
    void forgetRequests() {
        pricing.reset();
    }

    @AfterAll
    static void stop() {
        app.close();
        pricing.close();
    }

    @Test
    void forwarding_the_caller_sends_the_incoming_bearer_token_and_request_id_on() {
        pricing.answerAlways(Answer.json(200, "{\"ok\":true}"));

        var reply = app.get("/forwarding", "Authorization", "Bearer user-token", "X-Request-ID", "gw-abc-1");

        assertEquals(200, reply.status());
        assertEquals("Bearer user-token", pricing.lastRequest().header("Authorization"));
        assertEquals("gw-abc-1", pricing.lastRequest().header("X-Request-ID"));
    }

    @Test
    void forwarding_without_an_incoming_token_is_a_401() {
        var reply = app.get("/forwarding");

        assertEquals(401, reply.status());
        assertEquals(0, pricing.requests().size());
    }

    @Test
    void a_call_made_while_handling_a_request_carries_that_requests_id_even_with_a_service_token() {
        pricing.answerAlways(Answer.json(200, "{}"));

        app.get("/as-service", "X-Request-ID", "gw-abc-2");

        assertEquals("Bearer service-token", pricing.lastRequest().header("Authorization"));
        assertEquals("gw-abc-2", pricing.lastRequest().header("X-Request-ID"));
    }

    @Test
    void an_unavailable_service_the_handler_did_not_map_is_answered_as_a_503_problem() {
        pricing.answerAlways(Answer.text(500, "boom"));

        var reply = app.get("/as-service");

        assertEquals(503, reply.status());
        assertTrue(reply.contentType().startsWith(Problems.CONTENT_TYPE), reply.contentType());
        assertEquals(Problems.UNAVAILABLE, reply.json().path("type").asText());
        assertEquals("pricing-service is unavailable; try again shortly", reply.json().path("detail").asText());
    }

    @Test
    void a_rejection_the_handler_did_not_map_is_a_502_not_the_other_services_answer_passed_off_as_ours() {
        pricing.answerAlways(Answer.problem(404, "{\"detail\":\"Rate not found\"}"));

        var reply = app.get("/as-service");

        assertEquals(502, reply.status());
        assertEquals(Problems.UPSTREAM, reply.json().path("type").asText());
        assertEquals("pricing-service rejected a request we made (404); quote the request id when reporting it",
                reply.json().path("detail").asText());
    }
}
