package com.coachway.payment;

import com.coachway.common.http.Json;
import com.coachway.testkit.RecordingNeighbour;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * payment.recorded and payment.refunded reach finance-service (a recording stand-in here; the real
 * receiver is tested in finance-service and in the smoke suite): once each, at its path, with the
 * receiver's body, this service's token and the outbox event id as the Idempotency-Key, and again
 * until finance takes it when it is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceEventsTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform();
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What finance was asked at {@code path} about the event whose body has {@code field} = {@code value}. */
    private List<RecordingNeighbour.Request> sent(String path, String field, String value) {
        return pay.finance.requests().stream()
                .filter(r -> r.path().equals(path) && value.equals(json(r.body()).path(field).asText()))
                .toList();
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertTrue(actual.isNumber(), () -> "amount is a number: " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " vs " + actual);
    }

    @Test
    void a_card_payment_reaches_finance_received_when_stripe_said_it_succeeded() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        var intent = pay.intent("accountant", charter, "300.00");
        intent.then().statusCode(201);
        String paymentId = intent.path("payment_id");
        pay.webhook(PaymentPlatform.intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", intent.path("id"),
                UUID.fromString(paymentId), 30000)).then().statusCode(200);
        pay.awaitOutbox("payment.recorded", "payment_id", paymentId, "delivered");

        var payments = sent("/events/payment-recorded", "payment_id", paymentId);
        assertEquals(1, payments.size(), () -> "one delivery: " + pay.finance.requests());
        JsonNode body = json(payments.getFirst().body());
        assertEquals("card", body.path("method").asText());
        assertAmount("300.00", body.path("amount"));
        // finance books a payment on received_at, which a card payment has only as its success
        assertFalse(body.path("received_at").isNull(), () -> "received_at is set: " + body);
        assertEquals(java.time.OffsetDateTime.parse(body.path("succeeded_at").asText()).toInstant(),
                java.time.OffsetDateTime.parse(body.path("received_at").asText()).toInstant());
    }

    @Test
    void a_recorded_payment_and_its_refund_each_reach_finance_once_with_the_event_id_as_key() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        var paid = pay.as("accountant").contentType("application/json")
                .body(PaymentPlatform.paymentBody(charter, client, "250.00", "check")).post("/payments");
        paid.then().statusCode(201);
        String paymentId = paid.path("id");
        var recorded = pay.awaitOutbox("payment.recorded", "payment_id", paymentId, "delivered");

        var payments = sent("/events/payment-recorded", "payment_id", paymentId);
        assertEquals(1, payments.size(), () -> "one delivery: " + pay.finance.requests());
        var request = payments.getFirst();
        assertEquals("POST", request.method());
        assertEquals(recorded.get("id"), request.idempotencyKey());
        assertTrue(request.bearer(), "finance is called with this service's token");
        JsonNode body = json(request.body());
        assertEquals(Set.of("payment_id", "charter_id", "client_id", "amount", "currency", "method", "reference", "received_at",
                "succeeded_at", "fee"), fields(body));
        assertEquals(charter.toString(), body.path("charter_id").asText());
        assertEquals(client.toString(), body.path("client_id").asText());
        assertAmount("250.00", body.path("amount"));
        assertEquals("USD", body.path("currency").asText());
        assertEquals("check", body.path("method").asText());
        assertEquals(paid.path("reference").toString(), body.path("reference").asText());
        assertEquals(java.time.Instant.parse("2027-03-01T10:00:00Z"), java.time.OffsetDateTime.parse(body.path("received_at").asText()).toInstant());
        assertFalse(body.path("succeeded_at").asText().isEmpty());
        assertTrue(body.get("fee").isNull(), "no fee is known for a manual payment");

        var refund = pay.as("accountant").contentType("application/json").body(Map.of("amount", 40.5, "reason", "One seat less"))
                .post("/payments/" + paymentId + "/refunds");
        refund.then().statusCode(201);
        String refundId = refund.path("id");
        var refunded = pay.awaitOutbox("payment.refunded", "refund_id", refundId, "delivered");

        var refunds = sent("/events/payment-refunded", "refund_id", refundId);
        assertEquals(1, refunds.size(), () -> "one delivery: " + pay.finance.requests());
        assertEquals(refunded.get("id"), refunds.getFirst().idempotencyKey());
        assertTrue(refunds.getFirst().bearer());
        JsonNode r = json(refunds.getFirst().body());
        assertEquals(Set.of("refund_id", "payment_id", "charter_id", "client_id", "amount", "currency", "method", "reason",
                "refunded_at"), fields(r));
        assertEquals(paymentId, r.path("payment_id").asText());
        assertEquals(charter.toString(), r.path("charter_id").asText());
        assertEquals(client.toString(), r.path("client_id").asText());
        assertAmount("40.50", r.path("amount"));
        assertEquals("USD", r.path("currency").asText());
        assertEquals("check", r.path("method").asText());
        assertEquals("One seat less", r.path("reason").asText());
        assertFalse(r.path("refunded_at").asText().isEmpty());
        assertEquals(1, sent("/events/payment-recorded", "payment_id", paymentId).size(), "the payment was not sent again");
    }

    @Test
    void a_503_from_finance_is_retried_under_the_same_key_until_finance_takes_it() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "500.00");
        pay.finance.answer(503, "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"database down\"}");
        String paymentId;
        String eventId;
        try {
            paymentId = pay.paid(charter, client, "125.00");
            eventId = awaitFailedAttempt(paymentId);
            var refused = sent("/events/payment-recorded", "payment_id", paymentId);
            assertFalse(refused.isEmpty());
            assertTrue(refused.stream().allMatch(r -> eventId.equals(r.idempotencyKey())), "every attempt carries the event id");
        } finally {
            pay.finance.answer(200, PaymentPlatform.FINANCE_APPLIED);
        }
        // The next attempt is due after the backoff (10 s and more); make it due now instead of waiting it out.
        assertEquals(1, pay.execute("update payment.outbox set next_attempt_at = now() where id = ?::uuid and status = 'pending'", eventId));
        var row = pay.awaitOutbox("payment.recorded", "payment_id", paymentId, "delivered");
        assertTrue(((Number) row.get("attempts")).intValue() >= 2, () -> "delivered on a later attempt: " + row);
        var taken = sent("/events/payment-recorded", "payment_id", paymentId);
        assertEquals(1, taken.size(), () -> "one delivery once finance is back: " + taken);
        assertEquals(eventId, taken.getFirst().idempotencyKey());
    }

    /** The id of the payment's payment.recorded row once an attempt failed and the next one is scheduled. */
    private String awaitFailedAttempt(String paymentId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            var rows = pay.rows("select id::text as id from payment.outbox where topic = 'payment.recorded' and payload->>'payment_id' = ?"
                    + " and status = 'pending' and attempts >= 1 and last_error like '%503%' and leased_until is null", paymentId);
            if (!rows.isEmpty()) return (String) rows.getFirst().get("id");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no failed attempt recorded: " + pay.rows("select status, attempts, last_error from payment.outbox"
                        + " where payload->>'payment_id' = ?", paymentId));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static Set<String> fields(JsonNode node) {
        var names = new java.util.HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
