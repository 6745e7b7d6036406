package com.coachway.payment;

import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.AuditTrailReceiver.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static com.coachway.payment.PaymentPlatform.intentEvent;
import static com.coachway.payment.PaymentPlatform.chargeRefundedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every payment that succeeds and every refund that succeeds leaves exactly one entry in the
 * platform audit trail (change-mgmt-service's /audit-events, a recording stand-in here), keyed by
 * its outbox id; a refused or replayed request leaves none, and a 5xx is redelivered under the
 * same key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform();
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    /** The audit outbox rows about {@code entityId}: what a refusal or a replay must not add to. */
    private long auditRows(String entityId) {
        return pay.rows("select 1 from payment.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", entityId).size();
    }

    private String outboxId(String action, String entityId) {
        var rows = pay.rows("select id::text as id from payment.outbox where topic = ? and payload->>'entity_id' = ?",
                "audit." + action, entityId);
        assertEquals(1, rows.size(), () -> "one " + action + " row about " + entityId + ": " + rows);
        return (String) rows.getFirst().get("id");
    }

    private Entry one(String action, String entityId) {
        Entry e = pay.audit.awaitOne(action, entityId);
        assertEquals(outboxId(action, entityId), e.key(), "the Idempotency-Key is the outbox id");
        assertTrue(e.bearer(), "sent with this service's token");
        assertEquals("payment-service", e.body().path("service").asText());
        return e;
    }

    @Test
    void a_manual_payment_and_its_refund_each_leave_one_entry_naming_the_accountant() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        String key = "pay-" + UUID.randomUUID();
        var body = PaymentPlatform.paymentBody(charter, client, "300.00", "check");
        String paymentId = pay.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/payments").then().statusCode(201).extract().path("id");
        String accountant = AuditTrailReceiver.actorOf(pay.token("accountant"));

        var recorded = one("payment.recorded", paymentId).body();
        assertEquals("payment", recorded.path("entity_type").asText());
        assertEquals(accountant, recorded.path("actor").asText());
        assertTrue(recorded.path("from").isNull());
        assertEquals("succeeded", recorded.path("to").asText());
        assertEquals(charter.toString(), recorded.path("details").path("charter_id").asText());
        assertEquals(0, new java.math.BigDecimal("300.00").compareTo(recorded.path("details").path("amount").decimalValue()));
        assertTrue(recorded.hasNonNull("occurred_at"));

        // the same request again under its key answers the first payment and audits nothing
        pay.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body).post("/payments")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.equalTo(paymentId));
        assertEquals(1, auditRows(paymentId));

        String refundKey = "refund-" + UUID.randomUUID();
        var refundBody = Map.of("amount", 50, "reason", "a seat less");
        String refundId = pay.as("accountant").header("Idempotency-Key", refundKey).contentType("application/json").body(refundBody)
                .post("/payments/" + paymentId + "/refunds").then().statusCode(201).extract().path("id");
        var refunded = one("payment.refunded", refundId).body();
        assertEquals("refund", refunded.path("entity_type").asText());
        assertEquals(accountant, refunded.path("actor").asText());
        assertEquals("succeeded", refunded.path("to").asText());
        assertEquals(paymentId, refunded.path("details").path("payment_id").asText());
        assertEquals("a seat less", refunded.path("details").path("reason").asText());

        pay.as("accountant").header("Idempotency-Key", refundKey).contentType("application/json").body(refundBody)
                .post("/payments/" + paymentId + "/refunds").then().statusCode(201);
        assertEquals(1, auditRows(refundId));
        assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'audit.payment.refunded' and payload->'details'->>'payment_id' = ?",
                paymentId).size(), "one refund, one entry");
        assertEquals(1, pay.audit.entries("payment.recorded", paymentId).size());
    }

    @Test
    void a_refused_payment_or_refund_leaves_no_entry() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "200.00");
        long before = pay.rows("select 1 from payment.outbox where topic like 'audit.%'").size();
        pay.pay(charter, client, "200.01", "wire").then().statusCode(409);
        pay.as("dispatcher").contentType("application/json").body(PaymentPlatform.paymentBody(charter, client, "10.00", "wire"))
                .post("/payments").then().statusCode(403);
        assertEquals(before, pay.rows("select 1 from payment.outbox where topic like 'audit.%'").size());

        String paymentId = pay.paid(charter, client, "100.00");
        one("payment.recorded", paymentId);
        long withPayment = pay.rows("select 1 from payment.outbox where topic like 'audit.%'").size();
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 100.01)).post("/payments/" + paymentId + "/refunds")
                .then().statusCode(409);
        pay.as("dispatcher").contentType("application/json").body(Map.of("amount", 1)).post("/payments/" + paymentId + "/refunds")
                .then().statusCode(403);
        assertEquals(withPayment, pay.rows("select 1 from payment.outbox where topic like 'audit.%'").size());
    }

    @Test
    void a_card_payment_is_recorded_by_its_webhook_as_system_once_however_often_stripe_sends_it() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        var intent = pay.asClientUser(client).contentType("application/json")
                .body(Map.of("charter_id", charter.toString(), "amount", new java.math.BigDecimal("250.00"))).post("/intents");
        intent.then().statusCode(201);
        String paymentId = intent.path("payment_id");
        String intentId = intent.path("id");
        assertEquals(0, auditRows(paymentId), "a pending card payment is not money in yet");

        String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", intentId, UUID.fromString(paymentId), 25000);
        pay.webhook(succeeded).then().statusCode(200);
        pay.webhook(succeeded).then().statusCode(200);
        var recorded = one("payment.recorded", paymentId).body();
        assertEquals("system", recorded.path("actor").asText());
        assertEquals("pending", recorded.path("from").asText());
        assertEquals("succeeded", recorded.path("to").asText());
        assertEquals("card", recorded.path("details").path("method").asText());
        // another event of the same success (a refund event says the charge was paid) adds no second entry
        String refunded = chargeRefundedEvent("evt_" + UUID.randomUUID(), intentId, 25000, 2000);
        pay.webhook(refunded).then().statusCode(200);
        pay.webhook(refunded).then().statusCode(200);
        assertEquals(1, auditRows(paymentId));

        var fromStripe = pay.rows("select id::text as id from payment.refunds where payment_id = ?::uuid", paymentId);
        assertEquals(1, fromStripe.size());
        String stripeRefund = (String) fromStripe.getFirst().get("id");
        var entry = one("payment.refunded", stripeRefund).body();
        assertEquals("system", entry.path("actor").asText());
        assertEquals(0, new java.math.BigDecimal("20.00").compareTo(entry.path("details").path("amount").decimalValue()));

        // a card refund asked for through the API names who asked, once (its webhook afterwards adds nothing)
        String refundId = pay.as("accountant").contentType("application/json").body(Map.of("amount", 30))
                .post("/payments/" + paymentId + "/refunds").then().statusCode(201).extract().path("id");
        var byApi = one("payment.refunded", refundId).body();
        assertEquals(AuditTrailReceiver.actorOf(pay.token("accountant")), byApi.path("actor").asText());
        pay.webhook(chargeRefundedEvent("evt_" + UUID.randomUUID(), intentId, 25000, 5000)).then().statusCode(200);
        assertEquals(2, pay.rows("select 1 from payment.outbox where topic = 'audit.payment.refunded' and payload->'details'->>'payment_id' = ?",
                paymentId).size());
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "400.00");
        pay.audit.unavailable(true);
        String paymentId;
        String key;
        try {
            paymentId = pay.paid(charter, client, "40.00");
            key = outboxId("payment.recorded", paymentId);
            pay.audit.awaitAttempt(key);
            awaitRetryScheduled(key);
        } finally {
            pay.audit.unavailable(false);
        }
        // the backoff puts the next attempt 10 s and more away: make it due now instead of waiting it out
        assertEquals(1, pay.execute("update payment.outbox set next_attempt_at = now() where id = ?::uuid and status = 'pending'", key));
        pay.awaitOutbox("audit.payment.recorded", "entity_id", paymentId, "delivered");
        var statuses = pay.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(1, pay.audit.entries("payment.recorded", paymentId).size());
        assertEquals(key, pay.audit.awaitOne("payment.recorded", paymentId).key());
    }

    private void awaitRetryScheduled(String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (pay.rows("select 1 from payment.outbox where id = ?::uuid and status = 'pending' and attempts >= 1"
                + " and last_error like '%503%' and leased_until is null", id).isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no failed attempt recorded for " + id);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
