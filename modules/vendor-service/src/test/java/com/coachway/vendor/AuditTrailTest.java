package com.coachway.vendor;

import com.coachway.testkit.AuditTrailReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bid award leaves exactly one entry in the platform audit trail (a recording stand-in for
 * change-mgmt-service's /audit-events), keyed by its outbox id and naming who awarded it; a
 * refused or replayed award leaves none; a 5xx is redelivered under the same key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    VendorPlatform vp;

    @BeforeAll
    void start() {
        vp = new VendorPlatform();
    }

    @AfterAll
    void stop() {
        vp.close();
    }

    private long auditRows(String bidId) {
        return vp.rows("select 1 from vendor.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", bidId).size();
    }

    private String outboxId(String bidId) {
        var rows = vp.rows("select id::text as id from vendor.outbox where topic = 'audit.bid.awarded' and payload->>'entity_id' = ?", bidId);
        assertEquals(1, rows.size(), rows::toString);
        return (String) rows.getFirst().get("id");
    }

    @Test
    void an_award_leaves_one_entry_and_a_keyed_retry_or_a_refusal_none() {
        String vendor = vp.approvedCompliantVendor();
        String loser = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        String charterId = vp.as("dispatcher").get("/bid-requests/" + request).path("charter_id");
        String bid = vp.bid(vendor, request, "2400.50").then().statusCode(201).extract().path("id");
        String losing = vp.bid(loser, request, "2600.00").then().statusCode(201).extract().path("id");

        // refused: a bid of another request, a role that may not award, a charter already someone else's
        vp.rawAs("accountant").contentType("application/json").body(Map.of("bid_id", bid)).post("/bid-requests/" + request + "/award")
                .then().statusCode(403);
        vp.charterIs(charterId, "booked", UUID.randomUUID().toString());
        vp.award(request, bid).then().statusCode(409);
        assertEquals(0, auditRows(bid));

        vp.charterIs(charterId, "booked", null);
        String key = "award-" + request;
        vp.as("manager").contentType("application/json").header("Idempotency-Key", key).body(Map.of("bid_id", bid))
                .post("/bid-requests/" + request + "/award").then().statusCode(200);
        var entry = vp.audit.awaitOne("bid.awarded", bid);
        assertEquals(outboxId(bid), entry.key(), "the Idempotency-Key is the outbox id");
        assertTrue(entry.bearer());
        var body = entry.body();
        assertEquals("vendor-service", body.path("service").asText());
        assertEquals("bid", body.path("entity_type").asText());
        assertEquals(AuditTrailReceiver.actorOf(vp.platform.token("manager")), body.path("actor").asText());
        assertEquals("submitted", body.path("from").asText());
        assertEquals("awarded", body.path("to").asText());
        assertEquals(request, body.path("details").path("bid_request_id").asText());
        assertEquals(charterId, body.path("details").path("charter_id").asText());
        assertEquals(vendor, body.path("details").path("vendor_id").asText());
        assertEquals(0, new BigDecimal("2400.50").compareTo(body.path("details").path("amount").decimalValue()));

        vp.as("manager").contentType("application/json").header("Idempotency-Key", key).body(Map.of("bid_id", bid))
                .post("/bid-requests/" + request + "/award").then().statusCode(200);
        vp.award(request, losing).then().statusCode(409);
        assertEquals(1, auditRows(bid));
        assertEquals(0, auditRows(losing));
        assertEquals(1, vp.audit.entries("bid.awarded", bid).size());
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        String charterId = vp.as("dispatcher").get("/bid-requests/" + request).path("charter_id");
        String bid = vp.bid(vendor, request, "999.00").then().statusCode(201).extract().path("id");
        vp.charterIs(charterId, "booked", null);
        vp.audit.unavailable(true);
        String key;
        try {
            vp.award(request, bid).then().statusCode(200);
            key = outboxId(bid);
            vp.audit.awaitAttempt(key);
            VendorPlatform.await(() -> !vp.rows("select 1 from vendor.outbox where id = ?::uuid and status = 'pending' and attempts >= 1"
                    + " and last_error like '%503%' and leased_until is null", key).isEmpty(), () -> "no failed attempt recorded");
        } finally {
            vp.audit.unavailable(false);
        }
        // the backoff puts the next attempt 10 s and more away: make it due now instead of waiting it out
        assertEquals(1, com.coachway.testkit.Rows.execute(vp.platform.databaseUrl(),
                "update vendor.outbox set next_attempt_at = now() where id = ?::uuid", key));
        VendorPlatform.await(() -> "delivered".equals(vp.rows("select status from vendor.outbox where id = ?::uuid", key).getFirst().get("status")),
                () -> "not delivered");
        var statuses = vp.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(key, vp.audit.awaitOne("bid.awarded", bid).key());
    }
}
