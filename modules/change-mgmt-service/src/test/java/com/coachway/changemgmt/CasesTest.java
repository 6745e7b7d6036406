package com.coachway.changemgmt;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.changemgmt.ChangeMgmtPlatform.caseBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Change cases through the gateway against the real charter- and pricing-service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesTest {
    private ChangeMgmtPlatform p;
    private String client;

    @BeforeAll
    void start() {
        p = new ChangeMgmtPlatform();
        client = p.createClient();
    }

    @AfterAll
    void stop() {
        p.close();
    }

    private static BigDecimal money(Object v) {
        return new BigDecimal(v.toString()).setScale(2);
    }

    private long historyRows(String caseId) {
        return (long) p.rows("select count(*) as n from change_mgmt.case_history where case_id = ?::uuid", caseId).getFirst().get("n");
    }

    private long auditRows(String caseId) {
        return (long) p.rows("select count(*) as n from change_mgmt.audit_event where entity_type = 'change_case' and entity_id = ?", caseId)
                .getFirst().get("n");
    }

    // ---- create and price ----

    @Test
    void aDateChangeIsPricedAgainstTheAcceptedQuoteAndSubmitted() {
        String charter = p.bookedCharter(client, "2027-05-01");
        BigDecimal quoted = money(p.charter(charter).path("current_quote.total"));
        var c = p.createCase(p.as("sales_agent"), charter, "date_change", Map.of("pickup_at", "2027-05-08T08:00:00-04:00"));
        assertEquals("submitted", c.get("status"));
        assertTrue(c.get("reference").toString().matches("^CHG-\\d{4}-\\d{5,}$"), c.toString());
        assertEquals(client, c.get("client_id"));
        assertEquals(p.charter(charter).path("reference"), c.get("charter_reference"));
        assertEquals(quoted, money(c.get("current_total")));
        // the same trip a week later costs the same
        assertEquals(money(c.get("current_total")).add(money(c.get("price_delta"))), money(c.get("new_total")));
        assertNull(c.get("promo_code"), "its quote had no promo code");
        assertNull(c.get("promo_code_applied"));
        assertEquals(1, c.get("version"));
        String id = (String) c.get("id");
        assertEquals(1, historyRows(id));
        assertEquals(1, auditRows(id));
        Response h = p.as("dispatcher").get("/cases/" + id + "/history");
        assertEquals(200, h.statusCode(), h::asString);
        assertNull(h.path("items[0].from"));
        assertEquals("submitted", h.path("items[0].to"));
    }

    @Test
    void moreVehiclesOverTheThresholdNeedAManager() {
        String charter = p.createCharter(client, "2027-06-01");
        var c = p.createCase(p.as("dispatcher"), charter, "vehicle_change",
                Map.of("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 3))));
        assertTrue(money(c.get("price_delta")).compareTo(new BigDecimal("500.00")) >= 0, c.toString());
        assertEquals(true, c.get("requires_manager"));
        String id = (String) c.get("id");
        assertEquals(200, p.move(p.as("dispatcher"), id, "review", "looks fine").statusCode());

        var before = p.written();
        Response refused = p.move(p.as("dispatcher"), id, "approve", null);
        assertEquals(403, refused.statusCode(), refused::asString);
        assertTrue(refused.path("detail").toString().contains("manager"), refused::asString);
        assertEquals(before, p.written(), "a refused approval writes nothing");
        Response agent = p.move(p.as("sales_agent"), id, "approve", null);
        assertEquals(403, agent.statusCode(), agent::asString);

        Response ok = p.move(p.as("manager"), id, "approve", "approved for the bigger group");
        assertEquals(200, ok.statusCode(), ok::asString);
        assertEquals("approved", ok.path("status"));
        assertNotNull(ok.path("decided_at"));
        assertEquals("approved for the bigger group", ok.path("decision_comment"));
        assertEquals(3, historyRows(id));
        assertEquals(3, auditRows(id));
    }

    @Test
    void aSmallChangeIsApprovedByADispatcher() {
        String charter = p.createCharter(client, "2027-06-03");
        var c = p.createCase(p.as("sales_agent"), charter, "passenger_count_change", Map.of("passengers", 30));
        assertEquals(false, c.get("requires_manager"));
        String id = (String) c.get("id");
        assertEquals(200, p.move(p.as("dispatcher"), id, "review", null).statusCode());
        Response ok = p.move(p.as("dispatcher"), id, "approve", null);
        assertEquals(200, ok.statusCode(), ok::asString);
    }

    @Test
    void theReviewPricesTheChangeAgain() {
        String charter = p.createCharter(client, "2027-06-09");
        var c = p.createCase(p.as("sales_agent"), charter, "passenger_count_change", Map.of("passengers", 30));
        BigDecimal before = money(c.get("current_total"));
        // the trip gets longer in charter-service before anyone reviews the case
        int version = p.charter(charter).path("version");
        Response longer = p.platform.api(ChangeMgmtPlatform.CHARTERS).auth().oauth2(p.platform.token("sales_agent")).contentType("application/json")
                .body(Map.of("version", version, "miles", 400)).patch("/charters/" + charter);
        assertEquals(200, longer.statusCode(), longer::asString);
        Response reviewed = p.move(p.as("dispatcher"), (String) c.get("id"), "review", null);
        assertEquals(200, reviewed.statusCode(), reviewed::asString);
        BigDecimal after = money(reviewed.path("current_total"));
        assertTrue(after.compareTo(before) > 0, before + " → " + after);
        assertEquals(money(reviewed.path("new_total")).subtract(after), money(reviewed.path("price_delta")));
    }

    @Test
    void aCancellationNeedsAManagerAndCostsTheWholeQuote() {
        String charter = p.bookedCharter(client, "2027-06-05");
        var c = p.createCase(p.as("sales_agent"), charter, "cancellation", Map.of());
        assertEquals(true, c.get("requires_manager"));
        assertEquals(money(c.get("current_total")).negate(), money(c.get("price_delta")));
        assertEquals(new BigDecimal("0.00"), money(c.get("new_total")));
    }

    // ---- the quote's promo code ----
    // One coach_56 08:00–18:00 (10 h), 120 miles, wifi, one day: hourly 165.00 × 10 = 1650.00 beats
    // mileage 4.25 × 120 = 510.00; wifi 35.00 a day; subtotal 1685.00. No tax or fuel surcharge here.
    // With 15 % off: discount 252.75, the quote's total 1432.25.

    @Test
    void aDateChangeKeepsTheQuotesPercentagePromoInsideItsWindow() {
        String code = p.createPromo("15", "2027-05-01", "2027-05-31");
        String charter = p.bookedCharter(client, "2027-05-20", code);
        Response quote = p.charter(charter);
        assertEquals(code, quote.path("current_quote.promo_code"));
        assertEquals(new BigDecimal("252.75"), money(quote.path("current_quote.discount")));
        assertEquals(new BigDecimal("1432.25"), money(quote.path("current_quote.total")));
        assertEquals(1, p.promoUses(code), "accepting the quote counted one use");

        // a week later and 3.5 h longer (13.5 h): 165.00 × 13.5 = 2227.50 + wifi 35.00 = 2262.50;
        // 15 % = 339.375 → 339.38; total 1923.12; delta 1923.12 − 1432.25 = 490.87
        var c = p.createCase(p.as("sales_agent"), charter, "date_change",
                Map.of("pickup_at", "2027-05-27T08:00:00-04:00", "ends_at", "2027-05-27T21:30:00-04:00"));
        assertEquals(new BigDecimal("1432.25"), money(c.get("current_total")));
        assertEquals(new BigDecimal("1923.12"), money(c.get("new_total")));
        assertEquals(new BigDecimal("490.87"), money(c.get("price_delta")));
        assertEquals(code, c.get("promo_code"));
        assertEquals(true, c.get("promo_code_applied"));
        assertNull(c.get("promo_code_note"));
        // without the discount the delta would be 2262.50 − 1432.25 = 830.25, a manager's decision
        assertEquals(false, c.get("requires_manager"));

        Response reviewed = p.move(p.as("dispatcher"), (String) c.get("id"), "review", null);
        assertEquals(200, reviewed.statusCode(), reviewed::asString);
        assertEquals(new BigDecimal("490.87"), money(reviewed.path("price_delta")));
        assertEquals(true, reviewed.path("promo_code_applied"));
        assertEquals(1, p.promoUses(code), "pricing the change (twice) counted no use of the code");
        var audit = p.rows("select details->>'promo_code' as code, details->>'promo_code_applied' as applied from change_mgmt.audit_event "
                + "where entity_id = ? and action = 'case.reviewed'", c.get("id"));
        assertEquals(List.of(Map.of("code", code, "applied", "true")), audit);
    }

    @Test
    void aSingleUsePromoStillAppliesToAChangeOfTheCharterWhoseAcceptanceUsedItUp() {
        String code = p.createPromo("15", "2027-05-01", "2027-05-31");
        Response single = p.platform.api("/api/v1/pricing").auth().oauth2(p.platform.token("manager")).contentType("application/json")
                .body(Map.of("version", 1, "max_uses", 1)).patch("/promo-codes/" + code);
        assertEquals(200, single.statusCode(), single::asString);
        String charter = p.bookedCharter(client, "2027-05-23", code);
        assertEquals(1, p.promoUses(code), "accepting the quote took the code's only use");

        // as in the percentage case above: 13.5 h on 2027-05-27, 15 % off, total 1923.12
        var c = p.createCase(p.as("sales_agent"), charter, "date_change",
                Map.of("pickup_at", "2027-05-27T08:00:00-04:00", "ends_at", "2027-05-27T21:30:00-04:00"));
        assertEquals(true, c.get("promo_code_applied"), c::toString);
        assertEquals(new BigDecimal("1923.12"), money(c.get("new_total")));
        assertEquals(new BigDecimal("490.87"), money(c.get("price_delta")));
        Response reviewed = p.move(p.as("dispatcher"), (String) c.get("id"), "review", null);
        assertEquals(200, reviewed.statusCode(), reviewed::asString);
        assertEquals(true, reviewed.path("promo_code_applied"));
        assertEquals(1, p.promoUses(code), "pricing the change counted no use");
    }

    @Test
    void aDateChangeOutsideThePromosWindowIsPricedWithoutItAndSaysSo() {
        String code = p.createPromo("15", "2027-05-01", "2027-05-31");
        String charter = p.bookedCharter(client, "2027-05-21", code);
        assertEquals(new BigDecimal("1432.25"), money(p.charter(charter).path("current_quote.total")));

        // the same trip two weeks later, on 2027-06-04: the code ended on 2027-05-31, so the full 1685.00
        var c = p.createCase(p.as("sales_agent"), charter, "date_change", Map.of("pickup_at", "2027-06-04T08:00:00-04:00"));
        assertEquals(new BigDecimal("1685.00"), money(c.get("new_total")));
        assertEquals(new BigDecimal("252.75"), money(c.get("price_delta")));
        assertEquals(code, c.get("promo_code"));
        assertEquals(false, c.get("promo_code_applied"));
        assertTrue(c.get("promo_code_note").toString().contains("2027-05-31"), c.toString());

        Response reviewed = p.move(p.as("dispatcher"), (String) c.get("id"), "review", null);
        assertEquals(200, reviewed.statusCode(), reviewed::asString);
        assertEquals(false, reviewed.path("promo_code_applied"));
        assertEquals(new BigDecimal("252.75"), money(reviewed.path("price_delta")));
        assertEquals(1, p.promoUses(code));
    }

    @Test
    void aCancellationOfAPromoCharterCostsTheDiscountedQuoteAndPricesNoTrip() {
        String code = p.createPromo("15", "2027-05-01", "2027-05-31");
        String charter = p.bookedCharter(client, "2027-05-22", code);
        var c = p.createCase(p.as("sales_agent"), charter, "cancellation", Map.of());
        assertEquals(new BigDecimal("1432.25"), money(c.get("current_total")));
        assertEquals(new BigDecimal("0.00"), money(c.get("new_total")));
        assertEquals(new BigDecimal("-1432.25"), money(c.get("price_delta")));
        assertNull(c.get("promo_code"));
        assertNull(c.get("promo_code_applied"));
        assertNull(c.get("promo_code_note"));
        assertEquals(1, p.promoUses(code));
    }

    @Test
    void otherIsNotPriced() {
        String charter = p.createCharter(client, "2027-06-07");
        var c = p.createCase(p.as("sales_agent"), charter, "other", Map.of("note", "Please add a wheelchair lift"));
        assertNull(c.get("price_delta"));
        assertNull(c.get("current_total"));
        assertEquals(false, c.get("requires_manager"));
    }

    // ---- implement: the real charter changes ----

    private String approved(String charter, String type, Map<String, Object> changes) {
        var c = p.createCase(p.as("sales_agent"), charter, type, changes);
        String id = (String) c.get("id");
        assertEquals(200, p.move(p.as("manager"), id, "review", null).statusCode());
        Response a = p.move(p.as("manager"), id, "approve", null);
        assertEquals(200, a.statusCode(), a::asString);
        return id;
    }

    @Test
    void implementingADateChangeMovesTheCharter() {
        String charter = p.bookedCharter(client, "2027-07-01");
        int version = p.charter(charter).path("version");
        String id = approved(charter, "date_change", Map.of("pickup_at", "2027-07-10T09:00:00-04:00"));
        Response r = p.move(p.as("dispatcher"), id, "implement", "applying");
        assertEquals(202, r.statusCode(), r::asString);
        assertEquals("implementing", r.path("status"));
        var done = p.awaitImplemented(id);
        assertEquals("implemented", done.get("status"), done.toString());
        assertNotNull(done.get("implemented_at"));
        Response ch = p.charter(charter);
        assertEquals(OffsetDateTime.parse("2027-07-10T09:00:00-04:00").toInstant(), OffsetDateTime.parse(ch.path("pickup_at")).toInstant());
        assertEquals(OffsetDateTime.parse("2027-07-10T19:00:00-04:00").toInstant(), OffsetDateTime.parse(ch.path("return_at")).toInstant());
        assertEquals(OffsetDateTime.parse("2027-07-10T11:30:00-04:00").toInstant(),
                OffsetDateTime.parse(ch.path("stops[1].arrive_at")).toInstant());
        assertEquals(version + 1, (int) ch.path("version"));
        // submitted, under_review, approved, implementing, implemented: five transitions, five of each
        assertEquals(5, historyRows(id));
        assertEquals(5, auditRows(id));
        Response again = p.move(p.as("dispatcher"), id, "implement", null);
        assertEquals(409, again.statusCode(), again::asString);
        assertTrue(again.path("detail").toString().contains("implemented"), again::asString);
    }

    @Test
    void implementingACancellationCancelsTheCharter() {
        String charter = p.bookedCharter(client, "2027-07-03");
        String id = approved(charter, "cancellation", Map.of());
        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        assertEquals("implemented", p.awaitImplemented(id).get("status"));
        assertEquals("cancelled", p.charter(charter).path("status"));
    }

    @Test
    void aChangeTheCharterRefusesFailsTheCaseWithItsReasonAndCanBeRetried() {
        String charter = p.createCharter(client, "2027-07-05");
        // 80 passengers do not fit one 56-seat coach: charter-service refuses the PATCH for good
        String id = approved(charter, "passenger_count_change", Map.of("passengers", 80));
        int version = p.charter(charter).path("version");
        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        var failed = p.awaitImplemented(id);
        assertEquals("implementation_failed", failed.get("status"), failed.toString());
        assertTrue(failed.get("implementation_error").toString().contains("400"), failed.toString());
        assertEquals(40, (int) p.charter(charter).path("passenger_count"));
        assertEquals(version, (int) p.charter(charter).path("version"));
        // implement again is allowed (and fails again the same way)
        Response again = p.move(p.as("manager"), id, "implement", null);
        assertEquals(202, again.statusCode(), again::asString);
        assertNull(again.path("implementation_error"));
        assertEquals("implementation_failed", p.awaitImplemented(id).get("status"));
    }

    @Test
    void aCaseOnACharterCancelledMeanwhileFails() {
        String charter = p.createCharter(client, "2027-07-07");
        String id = approved(charter, "passenger_count_change", Map.of("passengers", 30));
        Response cancel = p.platform.api(ChangeMgmtPlatform.CHARTERS).auth().oauth2(p.platform.token("manager")).contentType("application/json")
                .body(Map.of("status", "cancelled")).post("/charters/" + charter + "/status");
        assertEquals(200, cancel.statusCode(), cancel::asString);
        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        var failed = p.awaitImplemented(id);
        assertEquals("implementation_failed", failed.get("status"));
        assertTrue(failed.get("implementation_error").toString().contains("cancelled"), failed.toString());
    }

    // ---- the workflow's refusals ----

    @Test
    void illegalTransitionsAre409NamingTheStateAndWriteNothing() {
        String charter = p.createCharter(client, "2027-08-01");
        String id = (String) p.createCase(p.as("sales_agent"), charter, "passenger_count_change", Map.of("passengers", 20)).get("id");
        for (String step : List.of("approve", "reject", "implement")) {
            var before = p.written();
            Response r = p.move(p.as("manager"), id, step, null);
            assertEquals(409, r.statusCode(), step + ": " + r.asString());
            assertTrue(r.path("detail").toString().contains("submitted"), r::asString);
            assertEquals(before, p.written(), step + " refused writes nothing");
        }
        assertEquals(200, p.move(p.as("manager"), id, "review", null).statusCode());
        assertEquals(409, p.move(p.as("manager"), id, "review", null).statusCode());
        Response stale = p.as("manager").contentType("application/json").body(Map.of("version", 1)).post("/cases/" + id + "/reject");
        assertEquals(409, stale.statusCode(), stale::asString);
        assertEquals(200, p.move(p.as("manager"), id, "reject", "not possible").statusCode());
        assertEquals(409, p.move(p.as("manager"), id, "cancel", null).statusCode());
        assertEquals(409, p.move(p.as("manager"), id, "approve", null).statusCode());
        assertEquals(3, historyRows(id));
        assertEquals(3, auditRows(id));
        List<Map<String, Object>> audit = p.rows("select action, from_state, to_state from change_mgmt.audit_event where entity_id = ? order by occurred_at, action",
                id);
        assertEquals(List.of("case.submitted", "case.reviewed", "case.rejected"), audit.stream().map(a -> a.get("action")).toList());
    }

    @Test
    void aTransitionWithTheCurrentVersionAndNoBodyAtAll() {
        String charter = p.createCharter(client, "2027-08-03");
        String id = (String) p.createCase(p.as("sales_agent"), charter, "other", Map.of("note", "n")).get("id");
        Response r = p.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "comment", "ok")).post("/cases/" + id + "/review");
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(2, (int) r.path("version"));
        // (REST-assured would send a form content type with an empty POST: the raw request has none)
        Response noBody = p.rawAs("dispatcher").post("/cases/" + id + "/reject");
        assertEquals(200, noBody.statusCode(), noBody::asString);
    }

    @Test
    void wrongRolesAre403AndWriteNothing() {
        String charter = p.createCharter(client, "2027-08-05");
        String id = (String) p.createCase(p.as("sales_agent"), charter, "other", Map.of("note", "n")).get("id");
        var before = p.written();
        assertEquals(403, p.as("accountant").contentType("application/json")
                .body(caseBody(charter, "other", Map.of("note", "n"))).post("/cases").statusCode());
        assertEquals(403, p.withToken(p.platform.portalToken("driver", UUID.randomUUID())).get("/cases").statusCode());
        assertEquals(403, p.withToken(p.platform.portalToken("vendor", UUID.randomUUID())).get("/cases/" + id).statusCode());
        for (String step : List.of("review", "approve", "reject", "implement")) {
            assertEquals(403, p.move(p.as("accountant"), id, step, null).statusCode(), step);
            assertEquals(403, p.move(p.asClientUser(client), id, step, null).statusCode(), step);
        }
        assertEquals(401, p.platform.api(ChangeMgmtPlatform.CHANGES).get("/cases").statusCode());
        assertEquals(before, p.written());
    }

    @Test
    void staffWhoRunTheWorkflowCancelAnyCaseButAnAccountantCancelsNone() {
        String charter = p.createCharter(client, "2027-08-06");
        String first = (String) p.createCase(p.as("sales_agent"), charter, "other", Map.of("note", "n")).get("id");
        var before = p.written();
        Response refused = p.move(p.as("accountant"), first, "cancel", null);
        assertEquals(403, refused.statusCode(), refused::asString);
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
        assertEquals(before, p.written());
        assertEquals("submitted", p.as("manager").get("/cases/" + first).path("status"));
        // a dispatcher who did not ask for it cancels it
        Response cancelled = p.move(p.as("dispatcher"), first, "cancel", "duplicate request");
        assertEquals(200, cancelled.statusCode(), cancelled::asString);
        assertEquals("cancelled", cancelled.path("status"));
    }

    // ---- the client is told ----

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private List<Map<String, Object>> noticeRows(String to) {
        return p.rows("select id, status, payload->'data'->>'status' as said from change_mgmt.outbox"
                + " where topic = 'notification.requested' and payload->>'to' = ? order by created_at", to);
    }

    @Test
    void theCharterContactIsToldOfTheApprovalAndOfTheChangeMadeOnceEach() {
        String clientEmail = email("office");
        String contactEmail = email("trips");
        String owner = p.createClient(clientEmail);
        String contact = p.createContact(owner, "Dana Trips", contactEmail);
        String charter = p.createCharter(owner, contact, "2027-09-03");
        String reference = p.charter(charter).path("reference");
        var c = p.createCase(p.as("sales_agent"), charter, "passenger_count_change", Map.of("passengers", 30));
        String id = (String) c.get("id");
        assertEquals(200, p.move(p.as("dispatcher"), id, "review", null).statusCode());
        // nothing before a decision
        assertEquals(List.of(), noticeRows(contactEmail));
        Response ok = p.move(p.as("dispatcher"), id, "approve", "fine for 30");
        assertEquals(200, ok.statusCode(), ok::asString);

        var approved = p.awaitMessages(contactEmail, 1).getFirst();
        assertEquals("change_request_update", approved.get("template_code"));
        assertEquals("Your change request for " + reference + " is approved", approved.get("subject"));
        assertTrue(approved.get("body").toString().startsWith("Dear Dana Trips,"), approved.toString());
        assertTrue(approved.get("body").toString().contains("fine for 30"), approved.toString());

        assertEquals(202, p.move(p.as("dispatcher"), id, "implement", null).statusCode());
        assertEquals("implemented", p.awaitImplemented(id).get("status"));
        var both = p.awaitMessages(contactEmail, 2);
        assertEquals("Your change request for " + reference + " is implemented", both.get(1).get("subject"));
        // the outbox row went out with its id as the Idempotency-Key: delivering every row again queues nothing new
        var rows = noticeRows(contactEmail);
        assertEquals(List.of("approved", "implemented"), rows.stream().map(r -> r.get("said")).toList());
        p.execute("update change_mgmt.outbox set status = 'pending', next_attempt_at = now(), delivered_at = null"
                + " where topic = 'notification.requested' and payload->>'to' = ?", contactEmail);
        ChangeMgmtPlatform.await(() -> noticeRows(contactEmail).stream().allMatch(r -> "delivered".equals(r.get("status"))) ? true : null,
                "the redelivery never finished: " + noticeRows(contactEmail));
        assertEquals(2, p.messagesTo(contactEmail).size(), () -> p.messagesTo(contactEmail).toString());
        // the contact is written to, not the client's own address
        assertEquals(List.of(), p.messagesTo(clientEmail));
    }

    @Test
    void withoutAContactTheClientHearsOfTheRejectionAndAFailedImplementationIsNotSent() {
        String clientEmail = email("office");
        String owner = p.createClient(clientEmail);
        String rejectedCharter = p.createCharter(owner, "2027-09-04");
        String reference = p.charter(rejectedCharter).path("reference");
        String rejected = (String) p.createCase(p.as("sales_agent"), rejectedCharter, "other", Map.of("note", "n")).get("id");
        assertEquals(200, p.move(p.as("manager"), rejected, "review", null).statusCode());
        // a no-comment decision is an empty line, not a 400 from the strict template
        assertEquals(200, p.move(p.as("manager"), rejected, "reject", null).statusCode());
        var first = p.awaitMessages(clientEmail, 1).getFirst();
        assertEquals("Your change request for " + reference + " is rejected", first.get("subject"));

        // approved, then the charter is cancelled before the change is made: the client hears of the approval only
        String charter = p.createCharter(owner, "2027-09-05");
        String id = approved(charter, "passenger_count_change", Map.of("passengers", 30));
        Response cancel = p.platform.api(ChangeMgmtPlatform.CHARTERS).auth().oauth2(p.platform.token("manager")).contentType("application/json")
                .body(Map.of("status", "cancelled")).post("/charters/" + charter + "/status");
        assertEquals(200, cancel.statusCode(), cancel::asString);
        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        assertEquals("implementation_failed", p.awaitImplemented(id).get("status"));
        // the failure commits with the case's state, so the outbox holds every notice there will be
        assertEquals(List.of("rejected", "approved"), noticeRows(clientEmail).stream().map(r -> r.get("said")).toList());
        // a real producer writes in its own name and passes the audit trail's check: charter-service's cancellation arrives
        String arrived = ChangeMgmtPlatform.await(() -> {
            Response r = p.as("manager").queryParam("entity_id", charter).queryParam("action", "charter.status_changed").get("/audit-events");
            return r.statusCode() == 200 && (int) r.path("total") > 0 ? r.<String>path("items[0].service") : null;
        }, "charter-service's audit event of the cancellation never arrived");
        assertEquals("charter-service", arrived);
    }

    @Test
    void aDecisionTheRulesRefuseAsksNoOneAndTellsNoOne() {
        String clientEmail = email("office");
        String owner = p.createClient(clientEmail);
        String charter = p.createCharter(owner, "2027-09-06");
        String id = (String) p.createCase(p.as("sales_agent"), charter, "cancellation", Map.of()).get("id");
        assertEquals(200, p.move(p.as("manager"), id, "review", null).statusCode());
        var before = p.written();
        // a cancellation needs a manager
        assertEquals(403, p.move(p.as("dispatcher"), id, "approve", null).statusCode());
        assertEquals(409, p.move(p.as("manager"), id, "implement", null).statusCode());
        assertEquals(before, p.written());
        assertEquals(List.of(), noticeRows(clientEmail));
    }

    // ---- clients ----

    @Test
    void aClientUserAsksForChangesToItsOwnChartersAndSeesOnlyItsOwnCases() {
        String other = p.createClient();
        String mine = p.createCharter(client, "2027-09-01");
        String theirs = p.createCharter(other, "2027-09-02");
        String theirCase = (String) p.createCase(p.as("sales_agent"), theirs, "other", Map.of("note", "theirs")).get("id");

        var c = p.createCase(p.asClientUser(client), mine, "passenger_count_change", Map.of("passengers", 35));
        assertEquals(client, c.get("client_id"));
        String id = (String) c.get("id");
        assertEquals(200, p.asClientUser(client).get("/cases/" + id).statusCode());
        assertEquals(200, p.asClientUser(client).get("/cases/" + id + "/history").statusCode());

        var before = p.written();
        Response foreign = p.asClientUser(client).contentType("application/json")
                .body(caseBody(theirs, "other", Map.of("note", "x"))).post("/cases");
        assertEquals(400, foreign.statusCode(), foreign::asString);
        assertEquals("charter_id", foreign.path("errors[0].field"));
        assertEquals("unknown charter", foreign.path("errors[0].message"));
        assertEquals(404, p.asClientUser(client).get("/cases/" + theirCase).statusCode());
        assertEquals(404, p.asClientUser(client).get("/cases/" + theirCase + "/history").statusCode());
        assertEquals(404, p.move(p.asClientUser(client), theirCase, "cancel", null).statusCode());
        assertEquals(before, p.written());

        Response list = p.asClientUser(client).queryParam("client_id", other).get("/cases");
        assertEquals(200, list.statusCode(), list::asString);
        assertEquals(0, (int) list.path("total"), "another client's id in the filter shows nothing");
        List<String> clients = p.asClientUser(client).queryParam("limit", 200).get("/cases").path("items.client_id");
        assertFalse(clients.isEmpty());
        assertTrue(clients.stream().allMatch(client::equals), clients::toString);

        // the requester cancels; another user of the same client may not
        String token2 = p.platform.tokenForNewUser(List.of("client"), Map.of("client_id", client));
        var before2 = p.written();
        Response notMine = p.move(p.withToken(token2), id, "cancel", null);
        assertEquals(403, notMine.statusCode(), notMine::asString);
        assertEquals(before2, p.written());
        Response cancelled = p.move(p.asClientUser(client), id, "cancel", "changed my mind");
        assertEquals(200, cancelled.statusCode(), cancelled::asString);
        assertEquals("cancelled", cancelled.path("status"));
    }

    // ---- lists ----

    @Test
    void listsFilterAndPage() {
        String charter = p.createCharter(client, "2027-10-01");
        for (int i = 0; i < 3; i++) p.createCase(p.as("sales_agent"), charter, "other", Map.of("note", "n" + i));
        Response page1 = p.as("manager").queryParam("charter_id", charter).queryParam("limit", 2).get("/cases");
        assertEquals(200, page1.statusCode(), page1::asString);
        assertEquals(3, (int) page1.path("total"));
        List<String> first = page1.path("items.id");
        assertEquals(2, first.size());
        Response page2 = p.as("manager").queryParam("charter_id", charter).queryParam("limit", 2).queryParam("after", (String) page1.path("next"))
                .get("/cases");
        List<String> second = page2.path("items.id");
        assertEquals(1, second.size());
        assertFalse(first.contains(second.getFirst()));
        assertNull(page2.path("next"));
        assertEquals(3, (int) p.as("manager").queryParam("charter_id", charter).queryParam("status", "submitted").get("/cases").path("total"));
        assertEquals(0, (int) p.as("manager").queryParam("charter_id", charter).queryParam("status", "approved").get("/cases").path("total"));
        assertEquals(400, p.rawAs("manager").queryParam("status", "nonsense").get("/cases").statusCode());
        assertEquals(400, p.rawAs("manager").queryParam("charter_id", "nope").get("/cases").statusCode());
        assertEquals(400, p.rawAs("manager").queryParam("after", "garbage").get("/cases").statusCode());
        assertEquals(400, p.rawAs("manager").queryParam("limit", 500).get("/cases").statusCode());
    }

    // ---- bad input ----

    @Test
    void badInputIs400AndWritesNothing() {
        String charter = p.createCharter(client, "2027-11-01");
        var before = p.written();
        List<String> bodies = List.of(
                "{\"charter_id\":",                                   // malformed
                "[]",
                "{}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"date_change\",\"description\":\"x\"}",
                "{\"charter_id\":42,\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"teleport\",\"description\":\"x\",\"requested_changes\":{}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"other\",\"description\":\"\",\"requested_changes\":{\"note\":\"n\"}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"date_change\",\"description\":\"x\",\"requested_changes\":{\"pickup_at\":\"tomorrow\"}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"date_change\",\"description\":\"x\",\"requested_changes\":{\"passengers\":3}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"passenger_count_change\",\"description\":\"x\",\"requested_changes\":{\"passengers\":\"many\"}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"passenger_count_change\",\"description\":\"x\",\"requested_changes\":{\"passengers\":0}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"vehicle_change\",\"description\":\"x\",\"requested_changes\":{\"vehicles\":[{\"vehicle_type\":\"hovercraft\",\"quantity\":1}]}}",
                "{\"charter_id\":\"" + charter + "\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"},\"extra\":1}",
                "{\"charter_id\":\"" + UUID.randomUUID() + "\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}");
        for (String body : bodies) {
            Response r = p.rawAs("sales_agent").contentType("application/json").body(body).post("/cases");
            assertEquals(400, r.statusCode(), body + " → " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0], body);
        }
        Response unknownType = p.rawAs("sales_agent").contentType("application/json").body("{\"charter_id\":\"" + charter
                + "\",\"type\":\"vehicle_change\",\"description\":\"x\",\"requested_changes\":{\"vehicles\":[{\"vehicle_type\":\"hovercraft\",\"quantity\":1}]}}")
                .post("/cases");
        assertTrue(unknownType.asString().contains("requested_changes.vehicles[0].vehicle_type"), unknownType::asString);
        Response past = p.rawAs("sales_agent").contentType("application/json")
                .body(caseBody(charter, "date_change", Map.of("pickup_at", "2020-01-01T08:00:00-05:00"))).post("/cases");
        assertEquals(400, past.statusCode(), past::asString);
        assertEquals(List.of("requested_changes.pickup_at"), past.path("errors.field"), past::asString);
        assertEquals(List.of("must be in the future"), past.path("errors.message"), past::asString);
        assertEquals(415, p.rawAs("sales_agent").contentType("text/plain").body("hi").post("/cases").statusCode());
        Response t = p.rawAs("manager").contentType("application/json").body("{\"comment\":5}").post("/cases/" + UUID.randomUUID() + "/review");
        assertEquals(400, t.statusCode(), t::asString);
        assertEquals(400, p.rawAs("manager").contentType("application/json").body("{\"version\":\"one\"}")
                .post("/cases/" + UUID.randomUUID() + "/review").statusCode());
        assertEquals(400, p.rawAs("manager").contentType("application/json").body("{\"comment\":")
                .post("/cases/" + UUID.randomUUID() + "/review").statusCode());
        assertEquals(before, p.written());
    }

    @Test
    void unknownIdsAre404() {
        for (String step : List.of("review", "approve", "reject", "implement", "cancel")) {
            assertEquals(404, p.move(p.as("manager"), UUID.randomUUID().toString(), step, null).statusCode(), step);
        }
        assertEquals(404, p.as("manager").get("/cases/" + UUID.randomUUID()).statusCode());
        assertEquals(404, p.as("manager").get("/cases/" + UUID.randomUUID() + "/history").statusCode());
        Response notUuid = p.rawAs("manager").get("/cases/not-a-uuid");
        assertTrue(notUuid.statusCode() == 404 || notUuid.statusCode() == 400, notUuid::asString);
    }

    @Test
    void aFinishedCharterCannotBeChanged() {
        String charter = p.createCharter(client, "2027-11-05");
        Response cancel = p.platform.api(ChangeMgmtPlatform.CHARTERS).auth().oauth2(p.platform.token("manager")).contentType("application/json")
                .body(Map.of("status", "cancelled")).post("/charters/" + charter + "/status");
        assertEquals(200, cancel.statusCode(), cancel::asString);
        var before = p.written();
        Response r = p.as("sales_agent").contentType("application/json").body(caseBody(charter, "other", Map.of("note", "n"))).post("/cases");
        assertEquals(409, r.statusCode(), r::asString);
        assertTrue(r.path("detail").toString().contains("cancelled"));
        assertEquals(before, p.written());
    }
}
