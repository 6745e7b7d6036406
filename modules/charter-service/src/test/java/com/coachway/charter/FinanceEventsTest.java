package com.coachway.charter;

import com.coachway.common.http.Json;
import com.coachway.testkit.RecordingNeighbour;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What finance-service hears from charter-service (a recording stand-in here; the real receiver is
 * tested in finance-service and the smoke suite): a charter that is completed or cancelled, and each
 * vendor payment recorded, approved or paid, written to the outbox in the transaction of the change
 * and delivered once each with the outbox event id as the Idempotency-Key. Refused changes and keyed
 * retries write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceEventsTest {
    static final Set<String> STATUS_FIELDS = Set.of("charter_id", "client_id", "status", "changed_at");
    static final Set<String> VENDOR_PAYMENT_FIELDS = Set.of("vendor_payment_id", "charter_id", "vendor_id", "amount", "due_date",
            "status", "changed_at");

    CharterPlatform cw;
    String clientId;

    @BeforeAll
    void start() {
        cw = new CharterPlatform();
        clientId = cw.createClient();
    }

    @AfterAll
    void stop() {
        cw.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fields(JsonNode node) {
        var names = new HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The outbox rows of {@code topic} whose payload has {@code key} = {@code value}, oldest first. */
    private List<Map<String, Object>> events(String topic, String key, String value) {
        return cw.rows("select id::text as id, status, payload::text as payload from charter.outbox where topic = ? and payload->>'"
                + key + "' = ? order by created_at, id", topic, value);
    }

    /** What finance was asked at {@code path} with this Idempotency-Key. */
    private List<RecordingNeighbour.Request> sent(String path, String eventId) {
        return cw.finance.requests().stream().filter(r -> r.path().equals(path) && eventId.equals(r.idempotencyKey())).toList();
    }

    /** Waits for the event to be delivered and answers the one request finance got for it. */
    private JsonNode deliveredOnce(String path, String topic, String eventId) {
        cw.awaitRow("select 1 from charter.outbox where id = ?::uuid and status = 'delivered'",
                () -> topic + " " + eventId + " was not delivered: " + cw.rows("select status, attempts, last_error from charter.outbox where id = ?::uuid", eventId),
                eventId);
        var requests = sent(path, eventId);
        assertEquals(1, requests.size(), () -> "one delivery of " + eventId + ": " + cw.finance.requests());
        assertEquals("POST", requests.getFirst().method());
        assertTrue(requests.getFirst().bearer(), "finance is called with charter-service's token");
        return json(requests.getFirst().body());
    }

    private Response move(String charterId, String status) {
        return cw.setStatus(charterId, status);
    }

    @Test
    void a_completed_charter_is_told_to_finance_once_and_the_steps_before_are_not() {
        String charterId = cw.bookedCharter(clientId, "2027-09-01");
        for (String step : List.of("confirmed", "in_progress")) move(charterId, step).then().statusCode(200);
        assertEquals(List.of(), events("charter.status_changed", "charter_id", charterId), "only an ending concerns finance");

        Instant before = Instant.now();
        move(charterId, "completed").then().statusCode(200).body("status", equalTo("completed"));
        var rows = events("charter.status_changed", "charter_id", charterId);
        assertEquals(1, rows.size());
        JsonNode body = deliveredOnce("/events/charter-status", "charter.status_changed", (String) rows.getFirst().get("id"));
        assertEquals(STATUS_FIELDS, fields(body));
        assertEquals(charterId, body.path("charter_id").asText());
        assertEquals(clientId, body.path("client_id").asText());
        assertEquals("completed", body.path("status").asText());
        Instant changedAt = OffsetDateTime.parse(body.path("changed_at").asText()).toInstant();
        assertFalse(changedAt.isBefore(before.minusSeconds(1)), () -> "changed_at is the change's time: " + changedAt);

        // completed is final: a second try is refused and tells finance nothing
        move(charterId, "completed").then().statusCode(409);
        move(charterId, "cancelled").then().statusCode(409);
        assertEquals(1, events("charter.status_changed", "charter_id", charterId).size());
    }

    @Test
    void a_cancelled_charter_is_told_to_finance_and_a_refused_status_change_writes_no_event() {
        String booked = cw.bookedCharter(clientId, "2027-09-02");
        // refused: quoted/booked only through quotes, a jump over in_progress, a stale version
        move(booked, "quoted").then().statusCode(409);
        move(booked, "completed").then().statusCode(409);
        cw.as("dispatcher").contentType("application/json").body(Map.of("status", "cancelled", "version", cw.version(booked) - 1))
                .post("/charters/" + booked + "/status").then().statusCode(409);
        String inquiry = cw.createCharter(clientId, "2027-09-03");
        move(inquiry, "completed").then().statusCode(409);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("status", "done"))
                .post("/charters/" + booked + "/status").then().statusCode(400);
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("status", "cancelled"))
                .post("/charters/" + UUID.randomUUID() + "/status").then().statusCode(404);
        assertEquals(List.of(), events("charter.status_changed", "charter_id", booked));
        assertEquals(List.of(), events("charter.status_changed", "charter_id", inquiry));

        cw.as("dispatcher").contentType("application/json").body(Map.of("status", "cancelled", "reason", "School closed"))
                .post("/charters/" + booked + "/status").then().statusCode(200).body("status", equalTo("cancelled"));
        var rows = events("charter.status_changed", "charter_id", booked);
        assertEquals(1, rows.size());
        JsonNode body = deliveredOnce("/events/charter-status", "charter.status_changed", (String) rows.getFirst().get("id"));
        assertEquals(STATUS_FIELDS, fields(body));
        assertEquals("cancelled", body.path("status").asText());
        assertEquals(clientId, body.path("client_id").asText());

        move(booked, "cancelled").then().statusCode(409);
        assertEquals(1, events("charter.status_changed", "charter_id", booked).size());
    }

    private static Map<String, Object> award(String vendorId, String amount) {
        return new HashMap<>(Map.of("vendor_id", vendorId, "bid_id", UUID.randomUUID().toString(),
                "amount", new BigDecimal(amount), "due_date", "2027-10-15"));
    }

    @Test
    void an_award_retried_with_its_key_writes_one_event_and_each_release_step_one_more() {
        String charterId = cw.bookedCharter(clientId, "2027-09-04");
        String vendor = UUID.randomUUID().toString();
        var body = award(vendor, "1840.25");
        String key = "award-" + UUID.randomUUID();
        String paymentId = cw.asService().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/award").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 2; i++) {
            cw.asService().header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/charters/" + charterId + "/award").then().statusCode(201).body("id", equalTo(paymentId));
        }
        // another body under the key, and a second award: refused, no event
        var other = new HashMap<>(body);
        other.put("amount", new BigDecimal("1900.00"));
        cw.rawAsService().header("Idempotency-Key", key).contentType("application/json").body(other)
                .post("/charters/" + charterId + "/award").then().statusCode(409);
        cw.rawAsService().header("Idempotency-Key", "award-" + UUID.randomUUID()).contentType("application/json")
                .body(award(UUID.randomUUID().toString(), "10.00")).post("/charters/" + charterId + "/award").then().statusCode(409);

        var rows = events("vendor_payment.changed", "charter_id", charterId);
        assertEquals(1, rows.size(), () -> "one event for the award: " + rows);
        JsonNode recorded = deliveredOnce("/events/vendor-payment", "vendor_payment.changed", (String) rows.getFirst().get("id"));
        assertEquals(VENDOR_PAYMENT_FIELDS, fields(recorded));
        assertEquals(paymentId, recorded.path("vendor_payment_id").asText());
        assertEquals(charterId, recorded.path("charter_id").asText());
        assertEquals(vendor, recorded.path("vendor_id").asText());
        assertEquals(0, new BigDecimal("1840.25").compareTo(recorded.path("amount").decimalValue()));
        assertEquals("2027-10-15", recorded.path("due_date").asText());
        assertEquals("pending", recorded.path("status").asText());
        assertFalse(recorded.path("changed_at").asText().isEmpty());

        // released step by step: one event each, carrying the new status; refused steps write none
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(409);
        cw.as("accountant").contentType("application/json").body(Map.of("version", 1, "status", "approved"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(200);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(409);
        cw.as("accountant").contentType("application/json").body(Map.of("version", 2, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(200);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 3, "status", "approved"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(409);
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 3, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(403);

        var all = events("vendor_payment.changed", "vendor_payment_id", paymentId);
        assertEquals(3, all.size(), () -> "recorded, approved, paid: " + all);
        List<String> statuses = all.stream().map(r -> json((String) r.get("payload")).path("status").asText()).toList();
        assertEquals(List.of("pending", "approved", "paid"), statuses);
        for (var row : all.subList(1, 3)) {
            JsonNode step = deliveredOnce("/events/vendor-payment", "vendor_payment.changed", (String) row.get("id"));
            assertEquals(VENDOR_PAYMENT_FIELDS, fields(step));
            assertEquals(paymentId, step.path("vendor_payment_id").asText());
            assertEquals(0, new BigDecimal("1840.25").compareTo(step.path("amount").decimalValue()));
        }
        assertEquals(3, cw.finance.requests().stream().filter(r -> r.path().equals("/events/vendor-payment")
                && paymentId.equals(json(r.body()).path("vendor_payment_id").asText())).count(), "each event once");
    }

    @Test
    void a_vendor_payment_recorded_by_hand_writes_one_event_also_when_retried_with_its_key() {
        String charterId = cw.bookedCharter(clientId, "2027-09-05");
        var body = new HashMap<String, Object>(Map.of("vendor_id", UUID.randomUUID().toString(), "amount", new BigDecimal("310.00"),
                "due_date", "2027-10-01", "notes", "Extra driver"));
        String key = "vp-" + UUID.randomUUID();
        String id = cw.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(201).extract().path("id");
        cw.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(201).body("id", equalTo(id));
        String inquiry = cw.createCharter(clientId, "2027-09-06");
        cw.rawAs("accountant").contentType("application/json").body(body).post("/charters/" + inquiry + "/vendor-payments")
                .then().statusCode(409);
        assertEquals(List.of(), events("vendor_payment.changed", "charter_id", inquiry));

        var rows = events("vendor_payment.changed", "vendor_payment_id", id);
        assertEquals(1, rows.size());
        JsonNode event = deliveredOnce("/events/vendor-payment", "vendor_payment.changed", (String) rows.getFirst().get("id"));
        assertEquals(VENDOR_PAYMENT_FIELDS, fields(event));
        assertEquals("pending", event.path("status").asText());
        assertEquals("2027-10-01", event.path("due_date").asText());
        assertEquals(0, new BigDecimal("310.00").compareTo(event.path("amount").decimalValue()));
    }
}
