package com.coachway.common.outbox;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.Json;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboxForwarderTest {
    private final FakeService finance = new FakeService();

    @AfterEach
    void stop() {
        finance.close();
    }

    private OutboxEvent event() throws Exception {
        return new OutboxEvent(UUID.randomUUID(), "payment.recorded",
                Json.MAPPER.readTree("{\"payment_id\":\"p-1\",\"amount\":125.50}"), 1, OffsetDateTime.now());
    }

    @Test
    void posts_the_payload_as_it_is_to_the_path_with_the_event_id_as_the_key() throws Exception {
        finance.answerAlways(Answer.json(200, "{\"status\":\"applied\"}"));
        var event = event();
        OutboxForwarder.to(ServiceClient.builder("finance-service", finance.uri()).token(() -> "t").build(),
                "/events/payment-recorded").handle(event);
        var request = finance.lastRequest();
        assertEquals("POST", request.method());
        assertEquals("/events/payment-recorded", request.path());
        assertEquals(event.id().toString(), request.header("Idempotency-Key"));
        assertEquals("Bearer t", request.header("Authorization"));
        assertEquals(event.payload(), Json.MAPPER.readTree(request.body()));
    }

    @Test
    void a_refusal_throws_so_the_worker_tries_again() throws Exception {
        finance.answerAlways(Answer.problem(503, "{\"type\":\"about:blank\",\"title\":\"Unavailable\",\"status\":503}"));
        var forwarder = OutboxForwarder.to(ServiceClient.builder("finance-service", finance.uri()).build(), "/events/x");
        var event = event();
        assertThrows(ServiceCallException.class, () -> forwarder.handle(event));
    }
}
