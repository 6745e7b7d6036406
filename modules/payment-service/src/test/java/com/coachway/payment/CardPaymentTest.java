package com.coachway.payment;

import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.payment.PaymentPlatform.WEBHOOK_SECRET;
import static com.coachway.payment.PaymentPlatform.chargeRefundedEvent;
import static com.coachway.payment.PaymentPlatform.intentEvent;
import static com.coachway.payment.PaymentPlatform.sign;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Card payments: the real stripe-java SDK against a local fake of Stripe's API, and Stripe's signed webhooks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardPaymentTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform();
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    record Card(UUID client, UUID charter, String paymentId, String intentId) {
    }

    /** A 1000.00 charter of a new client, and a pending card payment of {@code amount} made by the client user. */
    private Card pending(String amount) {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        Response r = pay.asClientUser(client).contentType("application/json")
                .body(Map.of("charter_id", charter.toString(), "amount", new java.math.BigDecimal(amount))).post("/intents");
        r.then().statusCode(201);
        return new Card(client, charter, r.path("payment_id"), r.path("id"));
    }

    private Card succeeded(String amount, long cents) {
        Card c = pending(amount);
        pay.webhook(intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), UUID.fromString(c.paymentId()), cents))
                .then().statusCode(200).body("applied", equalTo(true));
        return c;
    }

    private Response payment(Card c) {
        return pay.as("accountant").get("/payments/" + c.paymentId());
    }

    @Test
    void a_client_user_starts_a_card_payment_as_a_stripe_payment_intent() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        Response r = pay.asClientUser(client).contentType("application/json").body(Map.of("charter_id", charter.toString(), "amount", 250.00))
                .post("/intents");
        r.then().statusCode(201).body("id", startsWith("pi_")).body("client_secret", containsString("_secret_"))
                .body("amount", equalTo(250.00f)).body("currency", equalTo("USD")).body("status", equalTo("pending"));
        String paymentId = r.path("payment_id");

        var created = pay.stripe.requests("POST", "/v1/payment_intents").stream()
                .filter(q -> paymentId.equals(q.form().get("metadata[payment_id]"))).toList();
        assertEquals(1, created.size());
        var form = created.getFirst().form();
        assertEquals("25000", form.get("amount"), "cents");
        assertEquals("usd", form.get("currency"));
        assertEquals(charter.toString(), form.get("metadata[charter_id]"));
        assertEquals("Bearer sk_test_fake", created.getFirst().authorization());
        assertEquals("payment-" + paymentId, created.getFirst().idempotencyKey());

        pay.asClientUser(client).get("/payments/" + paymentId).then().statusCode(200).body("status", equalTo("pending"))
                .body("method", equalTo("card")).body("stripe_payment_intent_id", equalTo(r.path("id")))
                .body("refundable", equalTo(0f)).body("succeeded_at", equalTo(null));
        pay.balance(charter).then().body("paid", equalTo(0f)).body("outstanding", equalTo(1000.00f));
    }

    @Test
    void another_clients_charter_is_not_found_and_more_than_is_owed_is_refused_before_stripe_is_asked() {
        UUID mine = UUID.randomUUID();
        UUID theirCharter = pay.scheduledCharter(UUID.randomUUID(), "1000.00");
        UUID myCharter = pay.scheduledCharter(mine, "1000.00");
        int stripeCalls = pay.stripe.requests().size();
        var before = pay.counts();
        pay.asClientUser(mine).contentType("application/json").body(Map.of("charter_id", theirCharter.toString(), "amount", 10))
                .post("/intents").then().statusCode(404).contentType("application/problem+json");
        pay.asClientUser(mine).contentType("application/json").body(Map.of("charter_id", myCharter.toString(), "amount", 1000.01))
                .post("/intents").then().statusCode(409);
        pay.intent("sales_agent", myCharter, "10.00").then().statusCode(403);
        assertEquals(before, pay.counts());
        assertEquals(stripeCalls, pay.stripe.requests().size());
        pay.intent("accountant", myCharter, "10.00").then().statusCode(201);
    }

    @Test
    void a_signed_payment_intent_succeeded_marks_the_payment_succeeded_and_the_installment_paid() {
        Card c = pending("250.00");
        String event = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), UUID.fromString(c.paymentId()), 25000);
        pay.webhook(event).then().statusCode(200).body("received", equalTo(true)).body("applied", equalTo(true));
        payment(c).then().body("status", equalTo("succeeded")).body("succeeded_at", notNullValue()).body("refundable", equalTo(250.00f));
        pay.schedule(c.charter()).then().body("items[0].installments.status", equalTo(List.of("paid", "open")))
                .body("items[0].installments.paid", equalTo(List.of(250.00f, 0f)));
        pay.balance(c.charter()).then().body("paid", equalTo(250.00f)).body("outstanding", equalTo(750.00f));
        assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'payment.recorded' and payload->>'payment_id' = ?", c.paymentId()).size());
    }

    @Test
    void a_bad_or_stale_signature_is_a_400_and_changes_nothing() {
        Card c = pending("100.00");
        String event = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), UUID.fromString(c.paymentId()), 10000);
        long now = Instant.now().getEpochSecond();
        var before = pay.counts();
        for (String signature : List.of(sign(event, now, "whsec_someone_else"), sign(event, now - 301, WEBHOOK_SECRET),
                sign(event + " ", now, WEBHOOK_SECRET).replace("t=", "t=" ), "t=" + now + ",v1=00", "garbage", "")) {
            pay.webhook(event, signature).then().statusCode(400).contentType("application/problem+json");
        }
        pay.webhook(event, null).then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Stripe-Signature"));
        assertEquals(before, pay.counts());
        payment(c).then().body("status", equalTo("pending"));
        // within the 300 s tolerance it is accepted
        pay.webhook(event, sign(event, now - 200, WEBHOOK_SECRET)).then().statusCode(200).body("applied", equalTo(true));
        payment(c).then().body("status", equalTo("succeeded"));
    }

    @Test
    void the_same_event_twice_counts_once() {
        Card c = pending("100.00");
        String event = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), UUID.fromString(c.paymentId()), 10000);
        pay.webhook(event).then().statusCode(200).body("applied", equalTo(true));
        var after = pay.counts();
        pay.webhook(event).then().statusCode(200).body("applied", equalTo(false));
        assertEquals(after, pay.counts());
        // another event saying the same (Stripe may send one more) moves nothing either
        pay.webhook(intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), UUID.fromString(c.paymentId()), 10000))
                .then().statusCode(200);
        assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'payment.recorded' and payload->>'payment_id' = ?", c.paymentId()).size());
        pay.balance(c.charter()).then().body("paid", equalTo(100.00f));
    }

    @Test
    void events_in_any_order_end_in_the_same_state() {
        // in order: succeeded, then refunded 50.00 (cumulative amount_refunded), then a stale failure of an earlier attempt
        Card inOrder = pending("250.00");
        // out of order: the failure, the refund and an older refund event arrive before the success
        Card outOfOrder = pending("250.00");
        for (Card c : List.of(inOrder, outOfOrder)) {
            UUID pid = UUID.fromString(c.paymentId());
            String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", c.intentId(), pid, 25000);
            String failed = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", c.intentId(), pid, 25000);
            String refunded20 = chargeRefundedEvent("evt_" + UUID.randomUUID(), c.intentId(), 25000, 2000);
            String refunded50 = chargeRefundedEvent("evt_" + UUID.randomUUID(), c.intentId(), 25000, 5000);
            List<String> order = c == inOrder ? List.of(failed, succeeded, refunded20, refunded50)
                    : List.of(refunded50, succeeded, failed, refunded20);
            for (String e : order) pay.webhook(e).then().statusCode(200);
        }
        for (Card c : List.of(inOrder, outOfOrder)) {
            payment(c).then().body("status", equalTo("succeeded")).body("refunded", equalTo(50.00f)).body("refundable", equalTo(200.00f));
            pay.balance(c.charter()).then().body("paid", equalTo(250.00f)).body("refunded", equalTo(50.00f)).body("outstanding", equalTo(800.00f));
            assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'payment.recorded' and payload->>'payment_id' = ?", c.paymentId()).size());
            assertEquals(50.0, pay.rows("select coalesce(sum(amount), 0)::float8 as s from payment.refunds where payment_id = ?::uuid", c.paymentId())
                    .getFirst().get("s"));
        }
        // a failure before any success leaves the payment failed, with the card's reason
        Card declined = pending("10.00");
        pay.webhook(intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", declined.intentId(), UUID.fromString(declined.paymentId()), 1000))
                .then().statusCode(200);
        payment(declined).then().body("status", equalTo("failed")).body("failure_message", containsString("declined"));
    }

    @Test
    void a_card_refund_goes_through_stripes_refund_api_and_its_webhook_then_adds_nothing() {
        Card c = succeeded("300.00", 30000);
        Response r = pay.as("accountant").contentType("application/json").body(Map.of("amount", 120.50, "reason", "Trip shortened"))
                .post("/payments/" + c.paymentId() + "/refunds");
        r.then().statusCode(201).body("status", equalTo("succeeded")).body("stripe_refund_id", startsWith("re_"));
        String refundId = r.path("id");
        var sent = pay.stripe.requests("POST", "/v1/refunds").stream().filter(q -> refundId.equals(q.form().get("metadata[refund_id]"))).toList();
        assertEquals(1, sent.size());
        assertEquals(c.intentId(), sent.getFirst().form().get("payment_intent"));
        assertEquals("12050", sent.getFirst().form().get("amount"));
        assertEquals("refund-" + refundId, sent.getFirst().idempotencyKey());
        assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'payment.refunded' and payload->>'refund_id' = ?", refundId).size());

        pay.webhook(chargeRefundedEvent("evt_" + UUID.randomUUID(), c.intentId(), 30000, 12050)).then().statusCode(200);
        payment(c).then().body("refunded", equalTo(120.50f)).body("refundable", equalTo(179.50f));
        assertEquals(1, pay.rows("select 1 from payment.refunds where payment_id = ?::uuid", c.paymentId()).size());

        var before = pay.counts();
        int stripeCalls = pay.stripe.requests().size();
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 179.51)).post("/payments/" + c.paymentId() + "/refunds")
                .then().statusCode(409).body("detail", containsString("179.50"));
        assertEquals(before, pay.counts());
        assertEquals(stripeCalls, pay.stripe.requests().size(), "Stripe is not asked for a refund above the refundable amount");
    }

    @Test
    void a_pending_card_payment_cannot_be_refunded_and_a_refund_stripe_refuses_is_failed_and_not_counted() {
        Card pendingCard = pending("50.00");
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 10)).post("/payments/" + pendingCard.paymentId() + "/refunds")
                .then().statusCode(409).body("detail", containsString("is pending"));

        Card c = succeeded("80.00", 8000);
        pay.stripe.refuseRefunds = "Charge ch_x has been disputed.";
        try {
            pay.as("accountant").contentType("application/json").body(Map.of("amount", 30)).post("/payments/" + c.paymentId() + "/refunds")
                    .then().statusCode(409).body("detail", containsString("disputed"));
        } finally {
            pay.stripe.refuseRefunds = null;
        }
        assertEquals("failed", pay.rows("select status from payment.refunds where payment_id = ?::uuid", c.paymentId()).getFirst().get("status"));
        payment(c).then().body("refunded", equalTo(0f)).body("refundable", equalTo(80.00f));
        assertEquals(0, pay.rows("select 1 from payment.outbox where topic = 'payment.refunded' and payload->>'payment_id' = ?", c.paymentId()).size());
    }

    @Test
    void fifty_concurrent_intents_with_one_key_make_one_payment_and_one_payment_intent() throws Exception {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.00");
        String key = "card-" + UUID.randomUUID();
        String token = pay.platform.portalToken("client", client);
        int intentsBefore = pay.stripe.intentsCreated();
        List<Response> answers = Together.run(50, i -> pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token)
                .header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("charter_id", charter.toString(), "amount", 250)).post("/intents"));
        var answered = new HashSet<String>();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r::asString);
            answered.add(r.path("payment_id") + " " + r.path("id") + " " + r.path("client_secret"));
        }
        assertEquals(1, answered.size(), "one payment, one intent, one secret: " + answered);
        assertEquals(1, pay.rows("select 1 from payment.payments where charter_id = ?::uuid", charter.toString()).size());
        assertEquals(intentsBefore + 1, pay.stripe.intentsCreated(), "Stripe made one PaymentIntent");
        pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("charter_id", charter.toString(), "amount", 251)).post("/intents").then().statusCode(409);
        assertTrue(pay.rows("select 1 from payment.payments where charter_id = ?::uuid", charter.toString()).size() == 1);
    }

    @Test
    void events_of_other_types_or_for_payments_not_ours_are_received_and_change_nothing() {
        var before = pay.counts();
        pay.webhook(intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", "pi_not_ours", UUID.randomUUID(), 100))
                .then().statusCode(200).body("applied", equalTo(false));
        pay.webhook("{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\"}}}")
                .then().statusCode(200).body("applied", equalTo(false));
        assertEquals(before.get("payment.payments"), pay.counts().get("payment.payments"));
        assertEquals(before.get("payment.outbox"), pay.counts().get("payment.outbox"));
        pay.webhook("{\"object\":\"event\"}").then().statusCode(400);
    }
}
