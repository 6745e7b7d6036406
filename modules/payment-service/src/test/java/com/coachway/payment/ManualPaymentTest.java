package com.coachway.payment;

import com.coachway.common.http.Json;
import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.Together;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.payment.PaymentPlatform.paymentBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payments recorded by accounting, their allocation to the schedule, refunds, balances, who sees what, keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManualPaymentTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform();
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    private static JsonNode json(Object text) {
        try {
            return Json.MAPPER.readTree(text.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_wire_for_the_deposit_pays_the_deposit_installment_and_writes_payment_recorded() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.01");
        Response r = pay.pay(charter, client, "250.00", "wire");
        r.then().statusCode(201).body("status", equalTo("succeeded")).body("method", equalTo("wire"))
                .body("amount", equalTo(250.00f)).body("refunded", equalTo(0f)).body("refundable", equalTo(250.00f))
                .body("currency", equalTo("USD")).body("succeeded_at", notNullValue())
                .body("charter_id", equalTo(charter.toString())).body("client_id", equalTo(client.toString()));
        String id = r.path("id");
        assertEquals("/payments/" + id, r.header("Location"));
        assertTrue(pay.charters.authorizations().stream().allMatch(a -> a != null && a.startsWith("Bearer ")), "charter-service is asked with a token");

        pay.schedule(charter).then().body("items[0].installments.paid", equalTo(List.of(250.00f, 0f)))
                .body("items[0].installments.outstanding", equalTo(List.of(0f, 750.01f)))
                .body("items[0].installments.status", equalTo(List.of("paid", "open")))
                .body("items[0].paid", equalTo(250.00f)).body("items[0].outstanding", equalTo(750.01f));
        pay.balance(charter).then().statusCode(200).body("total", equalTo(1000.01f)).body("paid", equalTo(250.00f))
                .body("refunded", equalTo(0f)).body("outstanding", equalTo(750.01f)).body("currency", equalTo("USD"));

        var rows = pay.rows("select id, payload::text as payload, status from payment.outbox where topic = 'payment.recorded' and payload->>'payment_id' = ?", id);
        assertEquals(1, rows.size());
        pay.awaitOutbox("payment.recorded", "payment_id", id, "delivered");
        JsonNode p = json(rows.getFirst().get("payload"));
        assertEquals(charter.toString(), p.path("charter_id").asText());
        assertEquals(client.toString(), p.path("client_id").asText());
        assertEquals(0, new BigDecimal("250.00").compareTo(p.path("amount").decimalValue()));
        assertEquals("wire", p.path("method").asText());
        assertTrue(p.hasNonNull("received_at") && p.hasNonNull("succeeded_at"));
    }

    @Test
    void payments_go_to_the_oldest_open_installment_and_never_beyond_what_is_owed() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.01");
        pay.paid(charter, client, "300.00");
        pay.schedule(charter).then().body("items[0].installments.paid", equalTo(List.of(250.00f, 50.00f)))
                .body("items[0].installments.status", equalTo(List.of("paid", "partially_paid")))
                .body("items[0].installments.outstanding", equalTo(List.of(0f, 700.01f)));

        var before = pay.counts();
        pay.pay(charter, client, "700.02", "check").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("700.01"));
        assertEquals(before, pay.counts());
        pay.pay(charter, client, "700.01", "check").then().statusCode(201);
        pay.balance(charter).then().body("paid", equalTo(1000.01f)).body("outstanding", equalTo(0f));
        pay.schedule(charter).then().body("items[0].installments.status", equalTo(List.of("paid", "paid")));
        pay.pay(charter, client, "0.01", "cash").then().statusCode(409);
    }

    @Test
    void a_refund_gives_back_part_of_a_payment_never_more_than_is_left_and_takes_from_the_newest_installment() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "1000.01");
        String payment = pay.paid(charter, client, "300.00");
        Response refund = pay.as("accountant").contentType("application/json").body(Map.of("amount", 100, "reason", "Smaller coach"))
                .post("/payments/" + payment + "/refunds");
        refund.then().statusCode(201).body("status", equalTo("succeeded")).body("amount", equalTo(100f)).body("source", equalTo("api"))
                .body("payment_id", equalTo(payment)).body("reason", equalTo("Smaller coach"));
        pay.as("accountant").get("/payments/" + payment).then().body("refunded", equalTo(100.00f)).body("refundable", equalTo(200.00f));
        pay.schedule(charter).then().body("items[0].installments.paid", equalTo(List.of(200.00f, 0f)))
                .body("items[0].installments.status", equalTo(List.of("partially_paid", "open")));
        pay.balance(charter).then().body("paid", equalTo(300.00f)).body("refunded", equalTo(100.00f)).body("outstanding", equalTo(800.01f));

        var before = pay.counts();
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 200.01)).post("/payments/" + payment + "/refunds")
                .then().statusCode(409).body("detail", containsString("200.00"));
        assertEquals(before, pay.counts());
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 200)).post("/payments/" + payment + "/refunds").then().statusCode(201);
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 0.01)).post("/payments/" + payment + "/refunds").then().statusCode(409);
        pay.as("accountant").get("/payments/" + payment + "/refunds").then().statusCode(200).body("total", equalTo(2))
                .body("items.amount", equalTo(List.of(100f, 200f)));

        var events = pay.rows("select payload::text as payload from payment.outbox where topic = 'payment.refunded' and payload->>'payment_id' = ?", payment);
        assertEquals(2, events.size());
        JsonNode first = json(events.getFirst().get("payload"));
        assertEquals(refund.path("id").toString(), first.path("refund_id").asText());
        assertEquals(charter.toString(), first.path("charter_id").asText());
    }

    @Test
    void the_charter_must_exist_be_booked_scheduled_and_belong_to_the_client_and_nothing_is_written_otherwise() {
        UUID client = UUID.randomUUID();
        var before = pay.counts();
        pay.pay(UUID.randomUUID(), client, "10.00", "cash").then().statusCode(404).contentType("application/problem+json");
        UUID quoted = pay.charters.add(client, "quoted");
        pay.pay(quoted, client, "10.00", "cash").then().statusCode(409).body("detail", containsString("is quoted"));
        UUID cancelled = pay.charters.add(client, "cancelled");
        pay.pay(cancelled, client, "10.00", "cash").then().statusCode(409).body("detail", containsString("cancelled"));
        UUID unscheduled = pay.charters.add(client, "booked");
        pay.pay(unscheduled, client, "10.00", "cash").then().statusCode(409).body("detail", containsString("no payment schedule"));
        UUID charter = pay.scheduledCharter(client, "100.00");
        before = pay.counts();
        pay.pay(charter, UUID.randomUUID(), "10.00", "cash").then().statusCode(400).body("errors.field", hasItem("client_id"));
        pay.charters.down = true;
        try {
            pay.pay(charter, client, "10.00", "cash").then().statusCode(503).header("Retry-After", notNullValue())
                    .contentType("application/problem+json").body("detail", containsString("charter-service"));
        } finally {
            pay.charters.down = false;
        }
        assertEquals(before, pay.counts());
    }

    @Test
    void bad_input_on_every_endpoint_is_a_problem_and_writes_nothing() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "100.00");
        String payment = pay.paid(charter, client, "10.00");
        var good = paymentBody(charter, client, "10.00", "wire");
        var before = pay.counts();
        for (Object bad : List.of("{", "[]", "null", Map.of(), with(good, "amount", "10"), with(good, "amount", 0), with(good, "amount", 1.001),
                with(good, "amount", -5), with(good, "method", "card"), with(good, "method", "bitcoin"), with(good, "received_at", "yesterday"),
                with(good, "charter_id", "CW-1"), with(good, "client_id", 7), with(good, "reference", 5), with(good, "extra", 1),
                without(good, "received_at"), without(good, "method"))) {
            var spec = pay.rawAs("accountant").contentType("application/json");
            (bad instanceof String s ? spec.body(s) : spec.body(bad)).post("/payments").then().statusCode(400).contentType("application/problem+json");
        }
        pay.rawAs("accountant").contentType("text/plain").body("amount=10").post("/payments").then().statusCode(415);
        for (Object bad : List.of("{", Map.of(), Map.of("amount", "1"), Map.of("amount", 0), Map.of("amount", 1, "x", 1), Map.of("amount", 0.001))) {
            var spec = pay.rawAs("accountant").contentType("application/json");
            (bad instanceof String s ? spec.body(s) : spec.body(bad)).post("/payments/" + payment + "/refunds").then().statusCode(400);
        }
        pay.rawAs("accountant").contentType("application/json").body(Map.of("amount", 1)).post("/payments/" + UUID.randomUUID() + "/refunds").then().statusCode(404);
        pay.rawAs("accountant").contentType("application/json").body(Map.of("amount", 1)).post("/payments/nope/refunds").then().statusCode(404);
        pay.rawAs("accountant").get("/payments/nope").then().statusCode(404);
        pay.rawAs("accountant").get("/payments/" + UUID.randomUUID()).then().statusCode(404);
        pay.rawAs("accountant").get("/balances/" + UUID.randomUUID()).then().statusCode(404);
        pay.rawAs("accountant").get("/balances/nope").then().statusCode(404);
        pay.rawAs("accountant").queryParam("status", "lost").get("/payments").then().statusCode(400);
        pay.rawAs("accountant").queryParam("charter_id", "x").get("/payments").then().statusCode(400);
        pay.rawAs("accountant").contentType("application/json").body("{").post("/intents").then().statusCode(400);
        pay.rawAs("accountant").contentType("application/json").body(Map.of("charter_id", charter.toString())).post("/intents").then().statusCode(400);
        pay.rawAs("accountant").contentType("application/json").body(Map.of("charter_id", charter.toString(), "amount", "5")).post("/intents").then().statusCode(400);
        pay.rawAs("accountant").contentType("application/json").body(Map.of("amount", 1)).header("Idempotency-Key", "x".repeat(201))
                .post("/payments/" + payment + "/refunds").then().statusCode(400);
        assertEquals(before, pay.counts());
    }

    @Test
    void accounting_records_staff_read_and_a_client_user_sees_only_its_own() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID myCharter = pay.scheduledCharter(mine, "400.00");
        UUID theirCharter = pay.scheduledCharter(theirs, "400.00");
        String myPayment = pay.paid(myCharter, mine, "100.00");
        String theirPayment = pay.paid(theirCharter, theirs, "100.00");
        var body = paymentBody(myCharter, mine, "1.00", "cash");
        var before = pay.counts();
        for (String role : List.of("sales_agent", "dispatcher", "manager", "driver", "vendor")) {
            String token = role.equals("driver") || role.equals("vendor") ? pay.platform.portalToken(role, UUID.randomUUID()) : pay.token(role);
            pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token).contentType("application/json").body(body).post("/payments")
                    .then().statusCode(403).contentType("application/problem+json");
            pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token).contentType("application/json").body(Map.of("amount", 1))
                    .post("/payments/" + myPayment + "/refunds").then().statusCode(403);
        }
        pay.asClientUser(mine).contentType("application/json").body(body).post("/payments").then().statusCode(403);
        pay.asClientUser(mine).contentType("application/json").body(Map.of("amount", 1)).post("/payments/" + myPayment + "/refunds").then().statusCode(403);
        pay.platform.raw(PaymentPlatform.ROUTE).contentType("application/json").body(body).post("/payments").then().statusCode(401);
        assertEquals(before, pay.counts());

        pay.as("admin").contentType("application/json").body(body).post("/payments").then().statusCode(201);
        pay.as("manager").get("/payments/" + theirPayment).then().statusCode(200);
        pay.as("service").get("/balances/" + theirCharter).then().statusCode(200);

        pay.asClientUser(mine).get("/payments/" + myPayment).then().statusCode(200);
        pay.asClientUser(mine).get("/payments/" + theirPayment).then().statusCode(404);
        pay.asClientUser(mine).get("/payments/" + theirPayment + "/refunds").then().statusCode(404);
        pay.asClientUser(mine).get("/balances/" + myCharter).then().statusCode(200).body("paid", equalTo(101.00f));
        pay.asClientUser(mine).get("/balances/" + theirCharter).then().statusCode(404);
        pay.asClientUser(mine).get("/payments").then().statusCode(200).body("total", equalTo(2))
                .body("items.client_id", equalTo(List.of(mine.toString(), mine.toString())));
        pay.asClientUser(mine).queryParam("client_id", theirs.toString()).get("/payments").then().statusCode(200).body("total", equalTo(0));
        pay.as("accountant").queryParam("charter_id", theirCharter.toString()).queryParam("status", "succeeded").get("/payments")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(theirPayment));
    }

    @Test
    void an_idempotency_key_answers_the_first_payment_again_and_refuses_another_body() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "900.00");
        var body = paymentBody(charter, client, "225.00", "ach");
        String key = "pay-" + UUID.randomUUID();
        String first = pay.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body).post("/payments")
                .then().statusCode(201).extract().path("id");
        // the same amount written another way is the same request
        var same = new LinkedHashMap<>(body);
        same.put("amount", 225);
        pay.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(same).post("/payments")
                .then().statusCode(201).body("id", equalTo(first));
        var before = pay.counts();
        pay.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(with(body, "amount", 226)).post("/payments")
                .then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(before, pay.counts());
        pay.balance(charter).then().body("paid", equalTo(225.00f));

        String refundKey = "refund-" + UUID.randomUUID();
        String refund = pay.as("accountant").header("Idempotency-Key", refundKey).contentType("application/json").body(Map.of("amount", 25))
                .post("/payments/" + first + "/refunds").then().statusCode(201).extract().path("id");
        pay.as("accountant").header("Idempotency-Key", refundKey).contentType("application/json").body(Map.of("amount", 25))
                .post("/payments/" + first + "/refunds").then().statusCode(201).body("id", equalTo(refund));
        pay.as("accountant").header("Idempotency-Key", refundKey).contentType("application/json").body(Map.of("amount", 26))
                .post("/payments/" + first + "/refunds").then().statusCode(409);
        pay.balance(charter).then().body("refunded", equalTo(25.00f));
    }

    @Test
    void fifty_concurrent_posts_with_one_key_record_exactly_one_payment() throws Exception {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "5000.00");
        var body = paymentBody(charter, client, "1250.00", "wire");
        String key = "burst-" + UUID.randomUUID();
        String token = pay.token("accountant");
        List<Response> answers = Together.run(50, i -> pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token)
                .header("Idempotency-Key", key).contentType("application/json").body(body).post("/payments"));
        var ids = new HashSet<String>();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r::asString);
            ids.add(r.path("id"));
        }
        assertEquals(1, ids.size(), "every answer is the one payment");
        assertEquals(1, pay.rows("select 1 from payment.payments where charter_id = ?::uuid", charter.toString()).size());
        assertEquals(1, pay.rows("select 1 from payment.outbox where topic = 'payment.recorded' and payload->>'charter_id' = ?", charter.toString()).size());
        pay.balance(charter).then().body("paid", equalTo(1250.00f));
    }

    @Test
    void concurrent_refunds_of_one_payment_never_add_up_to_more_than_it() throws Exception {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "500.00");
        String payment = pay.paid(charter, client, "100.00");
        String token = pay.token("accountant");
        List<Integer> codes = Together.statusCodes(java.util.stream.IntStream.range(0, 10).<java.util.concurrent.Callable<Response>>mapToObj(i ->
                () -> pay.platform.api(PaymentPlatform.ROUTE).auth().oauth2(token).contentType("application/json")
                        .body(Map.of("amount", 40)).post("/payments/" + payment + "/refunds")).toList());
        assertEquals(2, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(8, codes.stream().filter(c -> c == 409).count(), codes::toString);
        pay.as("accountant").get("/payments/" + payment).then().body("refunded", equalTo(80.00f)).body("refundable", equalTo(20.00f));
    }

    @Test
    void the_payment_list_pages_by_cursor_as_by_offset() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "100.00");
        for (int i = 0; i < 7; i++) pay.paid(charter, client, "1.00");
        KeysetPaging.assertWalkMatchesOffsets(() -> pay.as("accountant"), "/payments", Map.of("charter_id", charter.toString()), 3, "id");
        KeysetPaging.assertBadCursorsRefused(() -> pay.rawAs("accountant"), "/payments", Map.of("charter_id", charter.toString()));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        var copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        var copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
