package com.coachway.charter;

import com.coachway.testkit.Together;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coachway.charter.CharterPlatform.charterBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotes: priced through pricing-service, versioned, sent, accepted, rejected, expired. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteFlowTest {
    CharterPlatform cw;
    String clientId;
    String contactEmail;
    String contactId;

    @BeforeAll
    void start() {
        cw = new CharterPlatform();
        clientId = cw.createClient();
        contactEmail = "dana-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        contactId = cw.createContact(clientId, contactEmail);
    }

    @AfterAll
    void stop() {
        cw.close();
    }

    private List<Map<String, Object>> outbox(String topic, String key, String value) {
        return cw.rows("select payload::text as payload, status from charter.outbox where topic = ? and payload->>'" + key + "' = ?", topic, value);
    }

    private static JsonNode json(Object text) {
        try {
            return Json.MAPPER.readTree(text.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_quote_prices_the_charter_through_pricing_and_is_a_draft_valid_for_fourteen_days() {
        String charterId = cw.createCharter(clientId, "2027-05-10");
        Response r = cw.as("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes");
        r.then().statusCode(201)
                .body("version", equalTo(1)).body("status", equalTo("draft")).body("charter_id", equalTo(charterId))
                .body("currency", equalTo("USD")).body("lines.size()", greaterThan(0))
                .body("lines.code", hasItem("amenity.wifi"))
                .body("days", equalTo(1)).body("dot.compliant", notNullValue())
                .body("sent_at", nullValue()).body("promo_code", nullValue());
        assertEquals("/quotes/" + r.path("id"), r.header("Location"));
        BigDecimal total = new BigDecimal(r.path("total").toString());
        BigDecimal sum = new BigDecimal(r.path("subtotal").toString()).subtract(new BigDecimal(r.path("discount").toString()))
                .add(new BigDecimal(r.path("fuel_surcharge").toString())).add(new BigDecimal(r.path("tax").toString()));
        assertEquals(0, total.compareTo(sum), "total = subtotal - discount + fuel + tax");
        assertTrue(total.signum() > 0);
        var validUntil = OffsetDateTime.parse(r.path("valid_until"));
        var expected = OffsetDateTime.parse(r.path("created_at")).plusDays(14);
        assertTrue(Duration.between(expected, validUntil).abs().toSeconds() < 2, validUntil + " vs " + expected);

        cw.getCharter(charterId).then().body("current_quote.id", equalTo(r.path("id"))).body("status", equalTo("inquiry"));
        cw.as("accountant").get("/charters/" + charterId + "/quotes").then().statusCode(200).body("total", equalTo(1));
        cw.as("accountant").get("/quotes/" + r.path("id")).then().statusCode(200).body("total", equalTo(r.path("total")));
    }

    @Test
    void each_new_quote_is_the_next_version_and_supersedes_the_open_ones() {
        String charterId = cw.createCharter(clientId, "2027-05-11");
        String v1 = cw.sentQuote(charterId);
        String v2 = cw.createQuote(charterId);
        cw.as("sales_agent").get("/quotes/" + v1).then().body("status", equalTo("superseded"));
        cw.as("sales_agent").get("/quotes/" + v2).then().body("status", equalTo("draft")).body("version", equalTo(2));
        cw.as("sales_agent").get("/charters/" + charterId + "/quotes").then()
                .body("items.version", equalTo(List.of(2, 1))).body("items.status", equalTo(List.of("draft", "superseded")));
        cw.getCharter(charterId).then().body("current_quote.id", equalTo(v2)).body("status", equalTo("quoted"));
    }

    @Test
    void sending_quotes_the_charter_and_puts_the_email_to_the_contact_in_the_outbox() {
        var body = charterBody(clientId, "2027-05-12");
        body.put("contact_id", contactId);
        String charterId = cw.createCharter(body);
        String quoteId = cw.createQuote(charterId);
        assertEquals(0, outbox("notification.requested", "to", contactEmail).stream()
                .filter(row -> json(row.get("payload")).path("data").path("quote_id").asText().equals(quoteId)).count());

        cw.send(quoteId).then().statusCode(200).body("status", equalTo("sent")).body("sent_to", equalTo(contactEmail))
                .body("sent_at", notNullValue());
        cw.getCharter(charterId).then().body("status", equalTo("quoted")).body("version", equalTo(2));

        var rows = cw.rows("select id::text as id, payload::text as payload, status from charter.outbox where topic = 'notification.requested' and payload->'data'->>'quote_id' = ?", quoteId);
        assertEquals(1, rows.size());
        JsonNode payload = json(rows.getFirst().get("payload"));
        assertEquals("email", payload.path("channel").asText());
        assertEquals(contactEmail, payload.path("to").asText());
        assertEquals("quote_sent", payload.path("template_code").asText());
        assertEquals(charterId, payload.path("data").path("charter_id").asText());
        assertEquals(1, payload.path("data").path("quote_version").asInt());
        assertTrue(payload.path("data").path("reference").asText().startsWith("CW-"));
        assertEquals("Carla Contact", payload.path("data").path("recipient_name").asText());

        cw.send(quoteId).then().statusCode(409).body("detail", containsString("already sent"));
        assertEquals(1, cw.rows("select 1 from charter.outbox where payload->'data'->>'quote_id' = ?", quoteId).size());
    }

    /** Waits (polling, at most 20 s) until the outbox has delivered this event. */
    private void awaitDelivered(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"delivered".equals(cw.rows("select status from charter.outbox where id::text = ?", eventId).getFirst().get("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not delivered: " + cw.rows("select status, attempts, last_error from charter.outbox where id::text = ?", eventId));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void the_outbox_delivers_the_quote_email_to_notification_service_keyed_by_its_event_id() {
        var body = charterBody(clientId, "2027-05-15");
        body.put("contact_id", contactId);
        String quoteId = cw.createQuote(cw.createCharter(body));
        cw.send(quoteId).then().statusCode(200);

        String eventId = cw.rows("select id::text as id from charter.outbox where topic = 'notification.requested' and payload->'data'->>'quote_id' = ?", quoteId)
                .getFirst().get("id").toString();
        awaitDelivered(eventId);
        var received = cw.notifications.requests().stream()
                .filter(r -> quoteId.equals(json(r.body()).path("data").path("quote_id").asText())).toList();
        assertEquals(1, received.size(), "delivered once");
        var request = received.getFirst();
        assertEquals(eventId, request.idempotencyKey(), "the outbox event id is the Idempotency-Key: a redelivery queues nothing twice");
        assertTrue(request.bearer(), "with charter-service's service token");
        assertEquals("POST", request.method());
        assertEquals("/notifications", request.path());
        JsonNode sent = json(request.body());
        assertEquals("email", sent.path("channel").asText());
        assertEquals(contactEmail, sent.path("to").asText());
        assertEquals("quote_sent", sent.path("template_code").asText());
        JsonNode data = sent.path("data");
        for (String variable : List.of("reference", "recipient_name", "quote_version", "client_name", "pickup_at", "total", "currency", "valid_until")) {
            assertTrue(data.hasNonNull(variable), "the quote_sent template's variable " + variable + " is in the data: " + data);
        }
        assertEquals(0, new BigDecimal(cw.as("sales_agent").get("/quotes/" + quoteId).path("total").toString()).compareTo(data.path("total").decimalValue()),
                "the total as quoted");
        assertEquals("delivered", cw.rows("select status from charter.outbox where id::text = ?", eventId).getFirst().get("status"));
    }

    @Test
    void without_a_contact_email_the_quote_goes_to_the_client() {
        String client = cw.createClient();
        String clientEmail = cw.getClient(client).path("email");
        var body = charterBody(client, "2027-05-13");
        body.put("contact_id", cw.createContact(client, null));
        String quoteId = cw.createQuote(cw.createCharter(body));
        cw.send(quoteId).then().statusCode(200).body("sent_to", equalTo(clientEmail));
    }

    @Test
    void accepting_books_the_charter_and_asks_payment_service_for_a_schedule_through_the_outbox() {
        String charterId = cw.createCharter(clientId, "2027-05-14");
        String quoteId = cw.sentQuote(charterId);
        Response accepted = cw.accept(quoteId);
        accepted.then().statusCode(200).body("status", equalTo("accepted")).body("accepted_at", notNullValue());
        cw.getCharter(charterId).then().body("status", equalTo("booked")).body("current_quote.id", equalTo(quoteId));

        var rows = outbox("payment.schedule_requested", "quote_id", quoteId);
        assertEquals(1, rows.size());
        JsonNode p = json(rows.getFirst().get("payload"));
        assertEquals(charterId, p.path("charter_id").asText());
        assertEquals(clientId, p.path("client_id").asText());
        assertEquals(0, new BigDecimal(accepted.path("total").toString()).compareTo(p.path("total").decimalValue()));
        assertEquals("USD", p.path("currency").asText());
        assertEquals(OffsetDateTime.parse("2027-05-14T08:00:00-04:00").toInstant(), OffsetDateTime.parse(p.path("pickup_at").asText()).toInstant());

        cw.accept(quoteId).then().statusCode(409).body("detail", containsString("already accepted"));
        cw.as("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes").then().statusCode(409).body("detail", containsString("is booked"));
        assertEquals(1, outbox("payment.schedule_requested", "quote_id", quoteId).size());

        // The outbox delivers it to payment-service's POST /schedules, the event id as the Idempotency-Key.
        cw.awaitOutboxDelivered("payment.schedule_requested", "quote_id", quoteId);
        String eventId = cw.rows("select id::text as id from charter.outbox where topic = 'payment.schedule_requested' and payload->>'quote_id' = ?",
                quoteId).getFirst().get("id").toString();
        var delivered = cw.payments.requests().stream().filter(r -> eventId.equals(r.idempotencyKey())).toList();
        assertEquals(1, delivered.size(), "delivered once");
        var request = delivered.getFirst();
        assertEquals("POST", request.method());
        assertEquals("/schedules", request.path());
        assertTrue(request.authorization() != null && request.authorization().startsWith("Bearer "), "with charter-service's token");
        JsonNode sent = json(request.body());
        assertEquals(charterId, sent.path("charter_id").asText());
        assertEquals(clientId, sent.path("client_id").asText());
        assertEquals(quoteId, sent.path("quote_id").asText());
        assertEquals(0, p.path("total").decimalValue().compareTo(sent.path("total").decimalValue()));
        assertEquals("USD", sent.path("currency").asText());
        assertEquals(OffsetDateTime.parse("2027-05-14T08:00:00-04:00").toInstant(), OffsetDateTime.parse(sent.path("pickup_at").asText()).toInstant());
        assertTrue(sent.hasNonNull("booked_at"), "the booking time: when the event was written");
    }

    @Test
    void a_draft_cannot_be_accepted_before_it_is_sent() {
        String quoteId = cw.createQuote(cw.createCharter(clientId, "2027-05-15"));
        cw.accept(quoteId).then().statusCode(409).body("detail", containsString("is draft"));
    }

    @Test
    void a_superseded_quote_cannot_be_accepted() {
        String charterId = cw.createCharter(clientId, "2027-05-16");
        String v1 = cw.sentQuote(charterId);
        String v2 = cw.sentQuote(charterId);
        cw.accept(v1).then().statusCode(409).body("detail", containsString("is superseded"));
        cw.accept(v2).then().statusCode(200);
        cw.getCharter(charterId).then().body("status", equalTo("booked"));
    }

    @Test
    void changing_what_a_quote_priced_supersedes_the_open_quotes_so_the_old_price_cannot_be_accepted() {
        String charterId = cw.createCharter(clientId, "2027-05-17");
        String sent = cw.sentQuote(charterId);
        String draft = cw.createQuote(charterId);
        cw.as("sales_agent").contentType("application/json")
                .body(Map.of("version", cw.version(charterId), "passenger_count", 50))
                .patch("/charters/" + charterId).then().statusCode(200).body("passenger_count", equalTo(50));

        cw.as("sales_agent").get("/quotes/" + sent).then().body("status", equalTo("superseded"));
        cw.as("sales_agent").get("/quotes/" + draft).then().body("status", equalTo("superseded"));
        cw.accept(sent).then().statusCode(409).body("detail", containsString("is superseded"));
        cw.getCharter(charterId).then().body("status", equalTo("quoted"));

        String repriced = cw.sentQuote(charterId);
        cw.accept(repriced).then().statusCode(200);
        cw.getCharter(charterId).then().body("status", equalTo("booked")).body("passenger_count", equalTo(50));
    }

    @Test
    void changing_only_notes_or_restating_the_same_trip_keeps_the_sent_quote() {
        String charterId = cw.createCharter(clientId, "2027-05-18");
        String sent = cw.sentQuote(charterId);
        var same = CharterPlatform.charterBody(clientId, "2027-05-18");
        // The same trip written differently: other offsets for the same instants, amenities as before.
        same.put("pickup_at", "2027-05-18T12:00:00Z");
        same.remove("client_id");
        same.put("notes", "Bring the permission slips");
        same.put("version", cw.version(charterId));
        cw.as("sales_agent").contentType("application/json").body(same)
                .patch("/charters/" + charterId).then().statusCode(200).body("notes", equalTo("Bring the permission slips"));

        cw.as("sales_agent").get("/quotes/" + sent).then().body("status", equalTo("sent"));
        cw.accept(sent).then().statusCode(200);
    }

    @Test
    void an_expired_quote_reads_as_expired_at_once_cannot_be_accepted_and_the_job_marks_it() throws Exception {
        String charterId = cw.createCharter(clientId, "2027-05-17");
        String quoteId = cw.sentQuote(charterId);
        // The job runs every second here; pausing it is not needed, since readers see "expired" either way.
        cw.execute("update charter.charter_quotes set valid_until = now() - interval '1 minute' where id = ?::uuid", quoteId);
        cw.as("sales_agent").get("/quotes/" + quoteId).then().body("status", equalTo("expired"));
        cw.accept(quoteId).then().statusCode(409).body("detail", containsString("is expired"));
        cw.as("sales_agent").contentType("application/json").body("{}").post("/quotes/" + quoteId + "/reject").then().statusCode(409).body("detail", containsString("is expired"));
        cw.getCharter(charterId).then().body("status", equalTo("quoted")).body("current_quote.status", equalTo("expired"));
        String stored = null;
        for (int i = 0; i < 50 && !"expired".equals(stored); i++) {
            Thread.sleep(100);
            stored = (String) cw.rows("select status from charter.charter_quotes where id = ?::uuid", quoteId).getFirst().get("status");
        }
        assertEquals("expired", stored);
        assertEquals(0, outbox("payment.schedule_requested", "quote_id", quoteId).size());
    }

    @Test
    void two_concurrent_accepts_of_one_quote_book_the_charter_exactly_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            String charterId = cw.createCharter(clientId, "2027-05-18");
            String quoteId = cw.sentQuote(charterId);
            Callable<Response> accept = () -> cw.platform.raw(CharterPlatform.CHARTERS).auth().oauth2(cw.platform.token("sales_agent"))
                    .post("/quotes/" + quoteId + "/accept");
            List<Integer> codes = Together.statusCodes(List.of(accept, accept));
            assertEquals(List.of(200, 409), codes.stream().sorted().toList(), "round " + round);
            assertEquals(1, outbox("payment.schedule_requested", "quote_id", quoteId).size());
            cw.as("sales_agent").get("/charters/" + charterId + "/history").then().body("items.to_status",
                    equalTo(List.of("inquiry", "quoted", "booked")));
        }
    }

    @Test
    void a_sent_quote_can_be_rejected_once_and_the_charter_stays_quoted() {
        String charterId = cw.createCharter(clientId, "2027-05-19");
        String draft = cw.createQuote(charterId);
        cw.as("sales_agent").contentType("application/json").body("{}").post("/quotes/" + draft + "/reject").then().statusCode(409).body("detail", containsString("is draft"));
        cw.send(draft).then().statusCode(200);
        cw.as("sales_agent").contentType("application/json").body(Map.of("reason", "Too expensive"))
                .post("/quotes/" + draft + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected")).body("reject_reason", equalTo("Too expensive")).body("rejected_at", notNullValue());
        cw.as("sales_agent").contentType("application/json").body("{}").post("/quotes/" + draft + "/reject").then().statusCode(409).body("detail", containsString("already rejected"));
        cw.accept(draft).then().statusCode(409).body("detail", containsString("is rejected"));
        cw.getCharter(charterId).then().body("status", equalTo("quoted"));
        String next = cw.sentQuote(charterId);
        cw.accept(next).then().statusCode(200);
    }

    @Test
    void a_charter_without_miles_is_priced_only_when_hourly() {
        var body = charterBody(clientId, "2027-05-20");
        body.remove("miles");
        String charterId = cw.createCharter(body);
        cw.as("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes").then().statusCode(409).body("detail", containsString("miles"));
        body.put("trip_type", "hourly");
        String hourly = cw.createCharter(body);
        cw.as("sales_agent").contentType("application/json").body("{}").post("/charters/" + hourly + "/quotes").then().statusCode(201);
    }

    @Test
    void a_cancelled_charter_takes_no_quote_and_its_sent_quote_cannot_be_accepted() {
        String charterId = cw.createCharter(clientId, "2027-05-21");
        String quoteId = cw.sentQuote(charterId);
        cw.setStatus(charterId, "cancelled").then().statusCode(200);
        cw.accept(quoteId).then().statusCode(409).body("detail", containsString("charter is cancelled"));
        cw.as("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes").then().statusCode(409).body("detail", containsString("is cancelled"));
    }

    @Test
    void a_promo_code_discounts_the_quote_and_is_redeemed_when_it_is_accepted() {
        String code = "SPRING" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken()).contentType("application/json")
                .body(Map.of("code", code, "discount_type", "percent", "discount_value", 10, "max_uses", 1))
                .post("/promo-codes").then().statusCode(201);

        String charterId = cw.createCharter(clientId, "2027-05-22");
        Response quote = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes");
        quote.then().statusCode(201).body("promo_code", equalTo(code));
        assertTrue(new BigDecimal(quote.path("discount").toString()).signum() > 0);
        String quoteId = quote.path("id");
        cw.send(quoteId).then().statusCode(200);

        // A second charter priced with the same code before the first is accepted: the code's one use goes first come, first served.
        String otherCharter = cw.createCharter(clientId, "2027-05-23");
        String otherQuote = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + otherCharter + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(otherQuote).then().statusCode(200);

        cw.accept(quoteId).then().statusCode(200);
        cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken()).get("/promo-codes/" + code + "/redemptions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].reference", equalTo(quoteId));
        cw.accept(otherQuote).then().statusCode(409).body("detail", containsString(code));
        cw.getCharter(otherCharter).then().body("status", equalTo("quoted"));
        assertEquals(0, outbox("payment.schedule_requested", "quote_id", otherQuote).size());

        cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", "NOSUCHCODE"))
                .post("/charters/" + otherCharter + "/quotes").then().statusCode(400).body("errors.field", hasItem("promo_code"));
    }

    @Test
    void when_an_accept_fails_after_its_promo_use_was_counted_the_use_is_given_back() {
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> pricing =
                () -> cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken());
        String code = "LAST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        pricing.get().contentType("application/json").body(Map.of("code", code, "discount_type", "percent", "discount_value", 5, "max_uses", 1))
                .post("/promo-codes").then().statusCode(201);
        String charterId = cw.createCharter(clientId, "2027-05-25");
        String quoteId = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(quoteId).then().statusCode(200);

        // The booking's last write fails as a transient conflict would, after pricing counted the use.
        cw.acceptFailingAtCommit(charterId, quoteId);
        // The use is given back through the outbox, after the failed accept has answered.
        cw.awaitOutboxDelivered("promo.release_requested", "quote_id", quoteId);

        cw.getCharter(charterId).then().body("status", equalTo("quoted"));
        cw.as("sales_agent").get("/quotes/" + quoteId).then().body("status", equalTo("sent"));
        pricing.get().get("/promo-codes/" + code).then().body("uses", equalTo(0));
        pricing.get().get("/promo-codes/" + code + "/redemptions").then().body("total", equalTo(0));

        cw.accept(quoteId).then().statusCode(200);
        pricing.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));
    }

    @Test
    void a_give_back_delivered_after_a_retry_booked_the_quote_leaves_that_booking_its_use() {
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> pricing =
                () -> cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken());
        String code = "RACE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        pricing.get().contentType("application/json").body(Map.of("code", code, "discount_type", "percent", "discount_value", 5, "max_uses", 1))
                .post("/promo-codes").then().statusCode(201);
        String charterId = cw.createCharter(clientId, "2027-05-26");
        String quoteId = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(quoteId).then().statusCode(200);

        // The first accept fails after pricing counted the use; its give-back is queued but held back an hour.
        String fail = "fail_" + charterId.replace("-", "");
        String delay = "delay_" + charterId.replace("-", "");
        cw.execute("create function charter." + fail + "() returns trigger language plpgsql as $$ begin "
                + "if new.payload->>'charter_id' = '" + charterId + "' then raise exception 'test: commit fails' using errcode = 'serialization_failure'; end if; "
                + "return new; end $$");
        cw.execute("create trigger " + fail + " before insert on charter.outbox for each row execute function charter." + fail + "()");
        cw.execute("create function charter." + delay + "() returns trigger language plpgsql as $$ begin "
                + "if new.topic = 'promo.release_requested' and new.payload->>'quote_id' = '" + quoteId + "' then new.next_attempt_at := now() + interval '1 hour'; end if; "
                + "return new; end $$");
        cw.execute("create trigger " + delay + " before insert on charter.outbox for each row execute function charter." + delay + "()");
        try {
            cw.accept(quoteId).then().statusCode(409);
            cw.execute("drop trigger " + fail + " on charter.outbox");
            // The retry books before the give-back is delivered: pricing counts one use per quote, so still one.
            cw.accept(quoteId).then().statusCode(200).body("status", equalTo("accepted"));
        } finally {
            cw.execute("drop trigger if exists " + fail + " on charter.outbox");
            cw.execute("drop trigger " + delay + " on charter.outbox");
            cw.execute("drop function charter." + fail + "()");
            cw.execute("drop function charter." + delay + "()");
        }
        pricing.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));

        cw.execute("update charter.outbox set next_attempt_at = now() where topic = 'promo.release_requested' and payload->>'quote_id' = ?", quoteId);
        cw.awaitOutboxDelivered("promo.release_requested", "quote_id", quoteId);

        pricing.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));
        pricing.get().get("/promo-codes/" + code + "/redemptions").then().body("total", equalTo(1)).body("items[0].reference", equalTo(quoteId));
        cw.getCharter(charterId).then().body("status", equalTo("booked"));
    }

    @Test
    void an_idempotency_key_makes_a_retried_send_or_accept_answer_the_same_without_doing_it_twice() {
        String charterId = cw.createCharter(clientId, "2027-05-24");
        String quoteId = cw.createQuote(charterId);
        var key = "send-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            cw.as("sales_agent").header("Idempotency-Key", key).contentType("application/json").body("{}").post("/quotes/" + quoteId + "/send").then().statusCode(200)
                    .body("status", equalTo("sent"));
        }
        assertEquals(1, cw.rows("select 1 from charter.outbox where payload->'data'->>'quote_id' = ?", quoteId).size());
        cw.as("sales_agent").header("Idempotency-Key", "other-key").contentType("application/json").body("{}").post("/quotes/" + quoteId + "/send").then().statusCode(409);

        var acceptKey = "accept-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            cw.as("sales_agent").header("Idempotency-Key", acceptKey).contentType("application/json").body("{}").post("/quotes/" + quoteId + "/accept").then().statusCode(200)
                    .body("status", equalTo("accepted"));
        }
        assertEquals(1, outbox("payment.schedule_requested", "quote_id", quoteId).size());
        cw.as("sales_agent").get("/charters/" + charterId + "/history").then().body("total", equalTo(3));
    }

    @Test
    void a_client_user_reads_and_answers_its_own_quotes_only() {
        String mine = cw.createClient();
        String theirs = cw.createClient();
        String myCharter = cw.createCharter(mine, "2027-06-01");
        String myQuote = cw.sentQuote(myCharter);
        String theirQuote = cw.sentQuote(cw.createCharter(theirs, "2027-06-01"));

        cw.asClientUser(mine).get("/quotes/" + myQuote).then().statusCode(200);
        cw.asClientUser(mine).get("/charters/" + myCharter + "/quotes").then().statusCode(200).body("total", equalTo(1));
        cw.asClientUser(mine).get("/quotes/" + theirQuote).then().statusCode(404);
        cw.asClientUser(mine).contentType("application/json").body("{}").post("/quotes/" + theirQuote + "/accept").then().statusCode(404);
        cw.asClientUser(mine).contentType("application/json").body("{}").post("/quotes/" + theirQuote + "/reject").then().statusCode(404);
        cw.asClientUser(mine).contentType("application/json").body("{}").post("/quotes/" + myQuote + "/send").then().statusCode(403);
        cw.asClientUser(mine).contentType("application/json").body("{}").post("/charters/" + myCharter + "/quotes").then().statusCode(403);
        cw.asClientUser(mine).contentType("application/json").body("{}").post("/quotes/" + myQuote + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        cw.as("sales_agent").get("/quotes/" + theirQuote).then().body("status", equalTo("sent"));
        cw.as("sales_agent").get("/charters/" + myCharter + "/history").then()
                .body("items[2].actor_email", containsString("user-"));
    }

    @Test
    void bad_input_on_quote_endpoints_is_400_or_404_and_writes_nothing() {
        String charterId = cw.createCharter(clientId, "2027-06-02");
        String quoteId = cw.createQuote(charterId);
        long quotes = cw.count("charter.charter_quotes");
        long outbox = cw.count("charter.outbox");
        long history = cw.count("charter.charter_status_history");
        var raw = cw.rawAs("sales_agent");
        for (Object bad : List.of("{", "[]", Map.of("promo", "X"), Map.of("promo_code", 5), Map.of("promo_code", "x".repeat(41)),
                Map.of("promo_code", " "))) {
            cw.rawAs("sales_agent").contentType("application/json").body(bad).post("/charters/" + charterId + "/quotes").then().statusCode(400);
        }
        cw.rawAs("sales_agent").contentType("text/plain").body("x").post("/charters/" + charterId + "/quotes").then().statusCode(415);
        for (String action : List.of("send", "accept", "reject")) {
            cw.rawAs("sales_agent").contentType("application/json").body("{").post("/quotes/" + quoteId + "/" + action).then().statusCode(400);
            cw.rawAs("sales_agent").contentType("application/json").body(Map.of("note", "x")).post("/quotes/" + quoteId + "/" + action).then().statusCode(400);
            cw.rawAs("sales_agent").post("/quotes/" + UUID.randomUUID() + "/" + action).then().statusCode(404);
            cw.rawAs("sales_agent").post("/quotes/nope/" + action).then().statusCode(404);
        }
        raw.header("Idempotency-Key", " ").post("/quotes/" + quoteId + "/send").then().statusCode(400);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("reason", "x".repeat(1001))).post("/quotes/" + quoteId + "/reject").then().statusCode(400);
        cw.rawAs("sales_agent").post("/charters/" + UUID.randomUUID() + "/quotes").then().statusCode(404);
        cw.rawAs("sales_agent").get("/charters/" + UUID.randomUUID() + "/quotes").then().statusCode(404);
        cw.rawAs("sales_agent").queryParam("limit", 0).get("/charters/" + charterId + "/quotes").then().statusCode(400);
        cw.rawAs("sales_agent").get("/quotes/" + UUID.randomUUID()).then().statusCode(404);
        cw.rawAs("accountant").post("/charters/" + charterId + "/quotes").then().statusCode(403);
        cw.rawAs("accountant").post("/quotes/" + quoteId + "/send").then().statusCode(403);
        assertEquals(quotes, cw.count("charter.charter_quotes"));
        assertEquals(outbox, cw.count("charter.outbox"));
        assertEquals(history, cw.count("charter.charter_status_history"));
        cw.as("sales_agent").get("/quotes/" + quoteId).then().body("status", equalTo("draft"));
    }
}
