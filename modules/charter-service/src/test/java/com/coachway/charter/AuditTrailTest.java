package com.coachway.charter;

import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.AuditTrailReceiver.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every charter status move (by quote send, quote accept or the status endpoint), every award of a
 * charter to a vendor and every vendor payment recorded by hand or released leaves exactly one
 * entry in the platform audit trail (a recording stand-in for change-mgmt-service's
 * /audit-events), keyed by its outbox id and naming who did it; refused and replayed requests
 * leave none; a 5xx is redelivered under the same key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
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

    private List<String> outboxIds(String action, String entityId) {
        return cw.rows("select id::text as id from charter.outbox where topic = ? and payload->>'entity_id' = ?", "audit." + action, entityId)
                .stream().map(r -> (String) r.get("id")).toList();
    }

    private long auditRows(String entityId) {
        return cw.rows("select 1 from charter.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", entityId).size();
    }

    /** The {@code n} entries of {@code action} about {@code entityId}, once all arrived; their keys are exactly the outbox ids. */
    private List<Entry> entries(String action, String entityId, int n) {
        cw.awaitRow("select 1 where (select count(*) from charter.outbox where topic = ? and payload->>'entity_id' = ? and status = 'delivered') = ?",
                () -> action + " about " + entityId + " not delivered " + n + " times", "audit." + action, entityId, (long) n);
        var found = cw.audit.entries(action, entityId);
        assertEquals(n, found.size(), found::toString);
        assertEquals(Set.copyOf(outboxIds(action, entityId)), found.stream().map(Entry::key).collect(Collectors.toSet()),
                "each Idempotency-Key is an outbox id");
        for (Entry e : found) {
            assertTrue(e.bearer());
            assertEquals("charter-service", e.body().path("service").asText());
            assertTrue(e.body().hasNonNull("occurred_at"));
        }
        return found;
    }

    private static String moves(List<Entry> entries) {
        return entries.stream().map(e -> e.body().path("from").asText() + ">" + e.body().path("to").asText()).sorted()
                .collect(Collectors.joining(" "));
    }

    @Test
    void each_status_move_leaves_one_entry_naming_who_moved_it_and_refused_or_idle_moves_none() {
        String charterId = cw.createCharter(clientId, "2027-11-01");
        assertEquals(0, auditRows(charterId), "a new inquiry is no status change");
        String quoteId = cw.sentQuote(charterId);
        // a second version sent while quoted moves nothing
        cw.send(cw.createQuote(charterId)).then().statusCode(200);
        cw.accept(quoteId).then().statusCode(409);
        String latest = cw.rows("select id::text as id from charter.charter_quotes where charter_id = ?::uuid order by version desc", charterId)
                .getFirst().get("id").toString();
        cw.accept(latest).then().statusCode(200);
        cw.setStatus(charterId, "completed").then().statusCode(409);
        cw.setStatus(charterId, "confirmed").then().statusCode(200);
        cw.setStatus(charterId, "in_progress").then().statusCode(200);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("status", "completed"))
                .post("/charters/" + charterId + "/status").then().statusCode(403);
        cw.asService().contentType("application/json").body(Map.of("status", "completed"))
                .post("/charters/" + charterId + "/status").then().statusCode(200);
        cw.setStatus(charterId, "cancelled").then().statusCode(409);

        var all = entries("charter.status_changed", charterId, 5);
        assertEquals("booked>confirmed confirmed>in_progress in_progress>completed inquiry>quoted quoted>booked", moves(all));
        String salesAgent = AuditTrailReceiver.actorOf(cw.platform.token("sales_agent"));
        String dispatcher = AuditTrailReceiver.actorOf(cw.platform.token("dispatcher"));
        Map<String, String> actorByTo = all.stream().collect(Collectors.toMap(e -> e.body().path("to").asText(), e -> e.body().path("actor").asText()));
        assertEquals(Map.of("quoted", salesAgent, "booked", salesAgent, "confirmed", dispatcher, "in_progress", dispatcher,
                "completed", "service:charter-service"), actorByTo);
        all.forEach(e -> assertEquals("charter", e.body().path("entity_type").asText()));
        assertEquals(clientId, all.getFirst().body().path("details").path("client_id").asText());
    }

    private static Map<String, Object> award(String vendorId, String amount) {
        return new HashMap<>(Map.of("vendor_id", vendorId, "bid_id", UUID.randomUUID().toString(),
                "amount", new BigDecimal(amount), "due_date", "2027-12-15"));
    }

    @Test
    void an_award_leaves_one_entry_and_each_release_step_of_its_payment_one_more() {
        String charterId = cw.bookedCharter(clientId, "2027-11-02");
        String vendor = UUID.randomUUID().toString();
        var body = award(vendor, "2100.40");
        String key = "award-" + UUID.randomUUID();
        String paymentId = cw.asService().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/award").then().statusCode(201).extract().path("id");
        cw.asService().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/award").then().statusCode(201).body("id", equalTo(paymentId));
        cw.rawAsService().header("Idempotency-Key", "award-" + UUID.randomUUID()).contentType("application/json")
                .body(award(UUID.randomUUID().toString(), "10.00")).post("/charters/" + charterId + "/award").then().statusCode(409);

        var awarded = entries("charter.vendor_awarded", charterId, 1).getFirst().body();
        assertEquals("service:charter-service", awarded.path("actor").asText());
        assertTrue(awarded.path("from").isNull());
        assertEquals(vendor, awarded.path("to").asText());
        assertEquals(paymentId, awarded.path("details").path("vendor_payment_id").asText());
        assertEquals(body.get("bid_id"), awarded.path("details").path("bid_id").asText());
        assertEquals(0, new BigDecimal("2100.40").compareTo(awarded.path("details").path("amount").decimalValue()));
        assertEquals(0, auditRows(paymentId), "the award's own payment is the award's entry");

        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(409);
        cw.as("accountant").contentType("application/json").body(Map.of("version", 1, "status", "approved"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(200);
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 2, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(403);
        cw.as("accountant").contentType("application/json").body(Map.of("version", 2, "status", "paid"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(200);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 3, "status", "approved"))
                .patch("/vendor-payments/" + paymentId).then().statusCode(409);

        var steps = entries("vendor_payment.changed", paymentId, 2);
        assertEquals("approved>paid pending>approved", moves(steps));
        String accountant = AuditTrailReceiver.actorOf(cw.platform.token("accountant"));
        steps.forEach(e -> {
            assertEquals(accountant, e.body().path("actor").asText());
            assertEquals("vendor_payment", e.body().path("entity_type").asText());
            assertEquals(charterId, e.body().path("details").path("charter_id").asText());
        });
        assertEquals(3, auditRows(charterId), "the charter's two status moves (quoted, booked) and its award");
    }

    @Test
    void a_vendor_payment_recorded_by_hand_leaves_one_entry_also_when_retried_with_its_key() {
        String charterId = cw.bookedCharter(clientId, "2027-11-03");
        var body = new HashMap<String, Object>(Map.of("vendor_id", UUID.randomUUID().toString(), "amount", new BigDecimal("275.00"),
                "due_date", "2027-12-01"));
        String key = "vp-" + UUID.randomUUID();
        String id = cw.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(201).extract().path("id");
        cw.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(201).body("id", equalTo(id));
        String inquiry = cw.createCharter(clientId, "2027-11-04");
        cw.rawAs("accountant").contentType("application/json").body(body).post("/charters/" + inquiry + "/vendor-payments")
                .then().statusCode(409);
        assertEquals(0, auditRows(inquiry));

        var recorded = entries("vendor_payment.changed", id, 1).getFirst().body();
        assertTrue(recorded.path("from").isNull());
        assertEquals("pending", recorded.path("to").asText());
        assertEquals(AuditTrailReceiver.actorOf(cw.platform.token("accountant")), recorded.path("actor").asText());
        assertEquals("2027-12-01", recorded.path("details").path("due_date").asText());
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        String charterId = cw.bookedCharter(clientId, "2027-11-05");
        entries("charter.status_changed", charterId, 2);
        cw.audit.unavailable(true);
        String key;
        try {
            cw.setStatus(charterId, "confirmed").then().statusCode(200);
            key = cw.rows("select id::text as id from charter.outbox where topic = 'audit.charter.status_changed' and payload->>'entity_id' = ?"
                    + " and payload->>'to' = 'confirmed'", charterId).getFirst().get("id").toString();
            cw.audit.awaitAttempt(key);
            cw.awaitRow("select 1 from charter.outbox where id = ?::uuid and status = 'pending' and attempts >= 1 and last_error like '%503%'"
                    + " and leased_until is null", () -> "no failed attempt recorded", key);
        } finally {
            cw.audit.unavailable(false);
        }
        // the backoff puts the next attempt 10 s and more away: make it due now instead of waiting it out
        assertEquals(1, cw.execute("update charter.outbox set next_attempt_at = now() where id = ?::uuid", key));
        var all = entries("charter.status_changed", charterId, 3);
        var statuses = cw.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(1, all.stream().filter(e -> e.key().equals(key)).count());
    }
}
