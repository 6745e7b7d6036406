package com.coachway.vendor;

import com.coachway.common.http.Json;
import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Together;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coachway.vendor.VendorPlatform.TODAY;
import static com.coachway.vendor.VendorPlatform.at;
import static com.coachway.vendor.VendorPlatform.paper;
import static com.coachway.vendor.VendorPlatform.vendorBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bid requests, bids and awards, with charter- and notification-service stood in for by recording neighbours. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiddingTest {
    VendorPlatform vp;

    @BeforeAll
    void start() {
        vp = new VendorPlatform();
    }

    @AfterAll
    void stop() {
        vp.close();
    }

    static Map<String, Object> opening(String charterId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", charterId);
        body.put("vehicle_type", "coach_56");
        body.put("quantity", 1);
        body.put("respond_by", at(Duration.ofDays(2)));
        return body;
    }

    Response open(Map<String, Object> body) {
        return vp.as("dispatcher").contentType("application/json").body(body).post("/bid-requests");
    }

    /** The emails notification-service was asked for with this template, by recipient. */
    Map<String, JsonNode> emails(String template) {
        var out = new HashMap<String, JsonNode>();
        for (RecordingNeighbour.Request r : vp.notifications.requests()) {
            JsonNode body = read(r.body());
            if (template.equals(body.path("template_code").asText())) out.put(body.path("to").asText(), body);
        }
        return out;
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    String email(String vendorId) {
        return vp.as("manager").get("/vendors/" + vendorId).path("email");
    }

    // ---- opening ----

    @Test
    void opening_a_request_for_a_booked_charter_emails_the_approved_compliant_vendors_serving_its_state() {
        var wy = vendorBody("Cowboy Coaches");
        wy.put("service_states", List.of("WY"));
        String invited = vp.createVendor(wy);
        vp.makeCompliant(invited);
        vp.setStatus(invited, "approved").then().statusCode(200);
        String pending = vp.createVendor(new LinkedHashMap<>(wy));
        vp.makeCompliant(pending);
        String noW9 = vp.createVendor(new LinkedHashMap<>(wy));
        vp.file(noW9, paper("liability_insurance", TODAY.plusYears(1), "5000000.00")).then().statusCode(201);
        vp.file(noW9, paper("operating_authority", TODAY.plusYears(1), null)).then().statusCode(201);
        vp.setStatus(noW9, "approved").then().statusCode(200);
        String elsewhere = vp.approvedCompliantVendor();

        String charterId = UUID.randomUUID().toString();
        vp.charterIs(charterId, "confirmed", null);
        vp.notifications.answer(202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}");
        var body = opening(charterId);
        body.put("service_state", "WY");
        body.put("summary", "One coach for a two-day tour");
        Response r = open(body);
        r.then().statusCode(201).body("status", equalTo("open")).body("charter_reference", containsString("CW-2027-"))
                .body("passenger_count", equalTo(40)).body("pickup_at", equalTo("2027-03-20T12:00:00Z"))
                .body("awarded_bid_id", equalTo(null));
        assertEquals("/bid-requests/" + r.path("id"), r.header("Location"));
        var call = vp.charters.requests().getFirst();
        assertEquals("GET", call.method());
        assertEquals("/charters/" + charterId, call.path());
        assertTrue(call.bearer(), "charter-service is called with our service token");

        vp.awaitDelivered("notification.requested");
        var sent = emails("bid_request");
        assertEquals(List.of(email(invited)), List.copyOf(sent.keySet()), "only the approved, compliant vendor serving WY");
        JsonNode data = sent.get(email(invited)).path("data");
        assertEquals(List.of("passenger_count", "pickup_at", "reference", "respond_by", "vendor_name"),
                ImmutableNames.of(data), "exactly the bid_request template's variables");
        assertEquals("Cowboy Coaches", data.path("vendor_name").asText());
        assertEquals("2027-03-20 08:00 EDT", data.path("pickup_at").asText());
        assertEquals("2027-03-03 07:00 EST", data.path("respond_by").asText());
        assertTrue(pending != null && noW9 != null && elsewhere != null);

        vp.as("sales_agent").get("/bid-requests/" + r.path("id")).then().statusCode(200).body("service_state", equalTo("WY"));
        vp.asVendorUser(invited).queryParam("charter_id", charterId).get("/bid-requests").then().statusCode(200).body("total", equalTo(1));
    }

    /** The field names of a JSON object, sorted (the outbox keeps payloads as jsonb, which orders keys its own way). */
    static final class ImmutableNames {
        static List<String> of(JsonNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            return names.stream().sorted().toList();
        }
    }

    @Test
    void a_charter_that_is_unknown_not_sold_or_already_awarded_cannot_be_put_out_to_bid() {
        long before = vp.count("vendor.bid_requests");
        String charterId = UUID.randomUUID().toString();
        vp.charters.answer(404, VendorPlatform.problem(404, "Charter not found"));
        open(opening(charterId)).then().statusCode(400).body("errors.field", hasItem("charter_id"));
        for (String status : List.of("inquiry", "quoted", "in_progress", "completed", "cancelled")) {
            vp.charterIs(charterId, status, null);
            open(opening(charterId)).then().statusCode(409).body("detail", containsString("The charter is " + status));
        }
        vp.charterIs(charterId, "booked", UUID.randomUUID().toString());
        open(opening(charterId)).then().statusCode(409).body("detail", containsString("already awarded"));
        vp.charters.answer(503, VendorPlatform.problem(503, "down"));
        open(opening(charterId)).then().statusCode(503);
        assertEquals(before, vp.count("vendor.bid_requests"));
    }

    @Test
    void bad_openings_are_400_or_403_and_write_nothing() {
        String charterId = UUID.randomUUID().toString();
        vp.charterIs(charterId, "booked", null);
        long before = vp.count("vendor.bid_requests");
        var pastDeadline = opening(charterId);
        pastDeadline.put("respond_by", at(Duration.ofMinutes(-1)));
        open(pastDeadline).then().statusCode(400).body("errors.field", hasItem("respond_by"));
        var afterPickup = opening(charterId);
        afterPickup.put("respond_by", "2027-03-20T13:00:00Z");
        open(afterPickup).then().statusCode(400).body("detail", containsString("before pickup_at"));
        var backwards = opening(charterId);
        backwards.put("return_at", "2027-03-19T10:00:00Z");
        open(backwards).then().statusCode(400).body("errors.field", hasItem("return_at"));
        var cases = new LinkedHashMap<String, String>();
        cases.put("{", null);
        cases.put("{\"vehicle_type\":\"coach_56\",\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "charter_id");
        cases.put("{\"charter_id\":\"nope\",\"vehicle_type\":\"coach_56\",\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "charter_id");
        cases.put("{\"charter_id\":\"" + charterId + "\",\"vehicle_type\":\"Coach 56\",\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "vehicle_type");
        cases.put("{\"charter_id\":\"" + charterId + "\",\"vehicle_type\":\"coach_56\",\"respond_by\":\"tomorrow\"}", "respond_by");
        cases.put("{\"charter_id\":\"" + charterId + "\",\"vehicle_type\":\"coach_56\",\"quantity\":0,\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "quantity");
        cases.put("{\"charter_id\":\"" + charterId + "\",\"vehicle_type\":\"coach_56\",\"quantity\":\"two\",\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "quantity");
        cases.put("{\"charter_id\":\"" + charterId + "\",\"vehicle_type\":\"coach_56\",\"service_state\":\"ma\",\"respond_by\":\"" + at(Duration.ofDays(1)) + "\"}", "service_state");
        cases.forEach((body, field) -> {
            Response r = vp.rawAs("dispatcher").contentType("application/json").body(body).post("/bid-requests");
            assertEquals(400, r.statusCode(), () -> body + " -> " + r.asString());
            if (field != null) r.then().body("errors.field", hasItem(field));
        });
        vp.rawAs("sales_agent").contentType("application/json").body(opening(charterId)).post("/bid-requests").then().statusCode(403);
        vp.rawAsVendorUser(vp.createVendor()).contentType("application/json").body(opening(charterId)).post("/bid-requests")
                .then().statusCode(403);
        assertEquals(before, vp.count("vendor.bid_requests"));
    }

    @Test
    void a_charter_has_one_open_request_and_a_keyed_retry_answers_the_first() {
        String charterId = UUID.randomUUID().toString();
        vp.charterIs(charterId, "booked", null);
        var body = opening(charterId);
        String id = vp.as("manager").contentType("application/json").header("Idempotency-Key", "open-" + charterId).body(body)
                .post("/bid-requests").then().statusCode(201).extract().path("id");
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "open-" + charterId).body(body)
                .post("/bid-requests").then().statusCode(201).body("id", equalTo(id));
        body.put("quantity", 2);
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "open-" + charterId).body(body)
                .post("/bid-requests").then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        open(opening(charterId)).then().statusCode(409).body("detail", containsString("open bid request"));
        vp.as("dispatcher").get("/bid-requests/" + UUID.randomUUID()).then().statusCode(404);
        vp.as("dispatcher").queryParam("status", "open").queryParam("charter_id", charterId).get("/bid-requests").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void the_request_list_pages_by_cursor() {
        for (int i = 0; i < 3; i++) vp.openRequest();
        KeysetPaging.assertWalkMatchesOffsets(() -> vp.as("dispatcher"), "/bid-requests", Map.of("status", "open"), 2, "id");
        KeysetPaging.assertBadCursorsRefused(() -> vp.rawAs("dispatcher"), "/bid-requests", Map.of("status", "open"));
        vp.rawAs("dispatcher").queryParam("status", "awarded").get("/bid-requests").then().statusCode(400);
    }

    // ---- bids ----

    @Test
    void an_approved_compliant_vendor_bids_and_a_second_post_edits_its_one_live_bid() {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        Response first = vp.bid(vendor, request, "4200.00");
        first.then().statusCode(201).body("status", equalTo("submitted")).body("amount", equalTo(4200.0f)).body("vendor_id", equalTo(vendor));
        String bidId = first.path("id");
        assertEquals("/bid-requests/" + request + "/bids/" + bidId, first.header("Location"));
        vp.asVendorUser(vendor).contentType("application/json")
                .body(Map.of("amount", new BigDecimal("3999.50"), "vehicle_type", "coach_56", "notes", "wifi on board"))
                .post("/bid-requests/" + request + "/bids").then().statusCode(200).body("id", equalTo(bidId))
                .body("amount", equalTo(3999.5f)).body("notes", equalTo("wifi on board"));
        vp.as("accountant").get("/bid-requests/" + request + "/bids").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].amount", equalTo(3999.5f));
        vp.asVendorUser(vendor).get("/bid-requests/" + request + "/bids/" + bidId).then().statusCode(200);
    }

    @Test
    void a_suspended_pending_or_non_compliant_vendor_cannot_bid_and_is_told_why() {
        String request = vp.openRequest();
        String suspended = vp.approvedCompliantVendor();
        vp.setStatus(suspended, "suspended").then().statusCode(200);
        vp.bid(suspended, request, "100.00").then().statusCode(409).body("detail", equalTo("vendor is suspended"));
        String pending = vp.createVendor();
        vp.makeCompliant(pending);
        vp.bid(pending, request, "100.00").then().statusCode(409).body("detail", equalTo("vendor is pending"));
        String noW9 = vp.createVendor();
        vp.file(noW9, paper("liability_insurance", TODAY.plusYears(1), "5000000.00")).then().statusCode(201);
        vp.file(noW9, paper("operating_authority", TODAY.plusYears(1), null)).then().statusCode(201);
        vp.setStatus(noW9, "approved").then().statusCode(200);
        vp.bid(noW9, request, "100.00").then().statusCode(409).body("detail", equalTo("vendor is not compliant: missing w9"));
        String lapsed = vp.createVendor();
        vp.file(lapsed, paper("liability_insurance", TODAY.minusDays(1), "5000000.00")).then().statusCode(201);
        vp.file(lapsed, paper("operating_authority", TODAY.plusYears(1), null)).then().statusCode(201);
        vp.file(lapsed, paper("w9", null, null)).then().statusCode(201);
        vp.setStatus(lapsed, "approved").then().statusCode(200);
        vp.bid(lapsed, request, "100.00").then().statusCode(409)
                .body("detail", equalTo("vendor is not compliant: expired liability_insurance"));
        String underinsured = vp.createVendor();
        vp.file(underinsured, paper("liability_insurance", TODAY.plusYears(1), "4999999.99")).then().statusCode(201);
        vp.file(underinsured, paper("operating_authority", TODAY.plusYears(1), null)).then().statusCode(201);
        vp.file(underinsured, paper("w9", null, null)).then().statusCode(201);
        vp.setStatus(underinsured, "approved").then().statusCode(200);
        vp.bid(underinsured, request, "100.00").then().statusCode(409)
                .body("detail", equalTo("vendor is not compliant: missing liability_insurance"));
        vp.as("manager").get("/bid-requests/" + request + "/bids").then().body("total", equalTo(0));
    }

    @Test
    void a_bid_at_or_after_respond_by_is_409() {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        vp.bid(vendor, request, "500.00").then().statusCode(201);
        var saved = vp.clock.instant();
        try {
            vp.clock.advance(Duration.ofDays(2));
            vp.bid(vendor, request, "450.00").then().statusCode(409).body("detail", containsString("Bidding closed at respond_by"));
            vp.clock.advance(Duration.ofSeconds(-1));
            vp.bid(vendor, request, "450.00").then().statusCode(200).body("amount", equalTo(450.0f));
        } finally {
            vp.clock.set(saved);
        }
    }

    @Test
    void bad_bids_are_400_403_or_404_and_write_nothing() {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        long before = vp.count("vendor.bids");
        for (String body : List.of("{", "[]", "{\"vehicle_type\":\"coach_56\"}", "{\"amount\":100}", "{\"amount\":\"100\",\"vehicle_type\":\"coach_56\"}",
                "{\"amount\":0,\"vehicle_type\":\"coach_56\"}", "{\"amount\":10.005,\"vehicle_type\":\"coach_56\"}",
                "{\"amount\":100,\"vehicle_type\":\"coach_56\",\"vendor_id\":\"" + UUID.randomUUID() + "\"}")) {
            Response r = vp.rawAsVendorUser(vendor).contentType("application/json").body(body).post("/bid-requests/" + request + "/bids");
            assertEquals(400, r.statusCode(), () -> body + " -> " + r.asString());
        }
        vp.bid(vendor, UUID.randomUUID().toString(), "100.00").then().statusCode(404);
        vp.bid(vendor, "not-an-id", "100.00").then().statusCode(404);
        vp.rawAs("dispatcher").contentType("application/json").body(Map.of("amount", 100, "vehicle_type", "coach_56"))
                .post("/bid-requests/" + request + "/bids").then().statusCode(403);
        vp.platform.raw(VendorPlatform.VENDORS).auth().oauth2(vp.platform.adminToken()).contentType("application/json")
                .body(Map.of("amount", 100, "vehicle_type", "coach_56")).post("/bid-requests/" + request + "/bids")
                .then().statusCode(403).body("detail", containsString("vendor"));
        assertEquals(before, vp.count("vendor.bids"));
    }

    @Test
    void a_vendor_user_sees_only_its_own_bids_and_another_vendors_bid_is_404() {
        String mine = vp.approvedCompliantVendor();
        String theirs = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        String myBid = vp.bid(mine, request, "800.00").then().statusCode(201).extract().path("id");
        String theirBid = vp.bid(theirs, request, "700.00").then().statusCode(201).extract().path("id");
        vp.asVendorUser(mine).get("/bid-requests/" + request + "/bids").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(myBid));
        vp.asVendorUser(mine).get("/bid-requests/" + request + "/bids/" + theirBid).then().statusCode(404);
        vp.asVendorUser(mine).get("/bid-requests/" + request + "/bids/" + myBid).then().statusCode(200);
        vp.as("dispatcher").get("/bid-requests/" + request + "/bids").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].id", equalTo(theirBid));
        vp.as("dispatcher").get("/bid-requests/" + request + "/bids/" + UUID.randomUUID()).then().statusCode(404);
        vp.as("dispatcher").get("/bid-requests/" + UUID.randomUUID() + "/bids").then().statusCode(404);
        vp.platform.raw(VendorPlatform.VENDORS).auth().oauth2(vp.platform.portalToken("driver", UUID.randomUUID()))
                .get("/bid-requests/" + request + "/bids").then().statusCode(403);
    }

    @Test
    void concurrent_duplicate_bids_by_one_vendor_leave_one_live_bid() throws Exception {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        vp.asVendorUser(vendor).get("/vendors/" + vendor).then().statusCode(200); // the token, made before the race
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 8; i++) {
            String amount = (1000 + i) + ".00";
            calls.add(() -> vp.bid(vendor, request, amount));
        }
        List<Integer> codes = Together.statusCodes(calls);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(7, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(1, vp.rows("select 1 from vendor.bids where bid_request_id = ?::uuid and vendor_id = ?::uuid", request, vendor).size());
    }

    // ---- award ----

    @Test
    void the_award_closes_the_request_decides_the_bids_and_asks_charter_service_to_record_it() {
        String winner = vp.approvedCompliantVendor();
        String loser = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        String charterId = vp.as("dispatcher").get("/bid-requests/" + request).path("charter_id");
        String winning = vp.bid(winner, request, "3750.25").then().statusCode(201).extract().path("id");
        String losing = vp.bid(loser, request, "3900.00").then().statusCode(201).extract().path("id");

        vp.charterIs(charterId, "booked", null);
        vp.notifications.answer(202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}");
        vp.award(request, winning).then().statusCode(200).body("status", equalTo("closed"))
                .body("awarded_bid_id", equalTo(winning)).body("awarded_at", equalTo("2027-03-01T12:00:00Z"));
        vp.as("dispatcher").get("/bid-requests/" + request + "/bids/" + winning).then().body("status", equalTo("awarded"));
        vp.as("dispatcher").get("/bid-requests/" + request + "/bids/" + losing).then().body("status", equalTo("lost"));
        vp.award(request, losing).then().statusCode(409).body("detail", containsString("The bid request is closed"));
        vp.bid(loser, request, "3000.00").then().statusCode(409).body("detail", equalTo("The bid request is closed"));

        vp.awaitDelivered("charter.award");
        String eventId = vp.rows("select id::text as id from vendor.outbox where topic = 'charter.award' and payload->>'bid_id' = ?", winning)
                .getFirst().get("id").toString();
        var awards = vp.charters.requests().stream().filter(r -> r.method().equals("POST")).toList();
        assertEquals(1, awards.size(), awards::toString);
        var call = awards.getFirst();
        assertEquals("/charters/" + charterId + "/award", call.path());
        assertEquals(eventId, call.idempotencyKey(), "the outbox event id is the Idempotency-Key");
        assertTrue(call.bearer());
        JsonNode body = read(call.body());
        assertEquals(winner, body.path("vendor_id").asText());
        assertEquals(winning, body.path("bid_id").asText());
        assertEquals(new BigDecimal("3750.25"), body.path("amount").decimalValue());
        // the trip ends 2027-03-21 18:00 New York time; VENDOR_PAYMENT_DAYS 30 later
        assertEquals("2027-04-20", body.path("due_date").asText());

        vp.awaitDelivered("notification.requested");
        JsonNode mail = emails("bid_awarded").get(email(winner));
        assertEquals(List.of("amount", "currency", "pickup_at", "reference", "vendor_name"), ImmutableNames.of(mail.path("data")),
                "exactly the bid_awarded template's variables");
        assertEquals("3750.25", mail.path("data").path("amount").asText());
        assertEquals(1, emails("bid_awarded").size(), "only the winner is told");

        vp.as("manager").get("/vendors/" + winner + "/performance").then().statusCode(200)
                .body("bids_submitted", equalTo(1)).body("bids_won", equalTo(1)).body("win_rate", equalTo(1.0f));
        vp.asVendorUser(loser).get("/vendors/" + loser + "/performance").then().statusCode(200)
                .body("bids_submitted", equalTo(1)).body("bids_won", equalTo(0)).body("win_rate", equalTo(0.0f));
    }

    @Test
    void a_vendors_trips_are_the_requests_awarded_to_its_bid_and_no_other_vendor_reads_them() {
        String winner = vp.approvedCompliantVendor();
        String other = vp.approvedCompliantVendor();
        String won = vp.openRequest();
        String lost = vp.openRequest();
        String stillOpen = vp.openRequest();
        String winning = vp.bid(winner, won, "2100.00").then().statusCode(201).extract().path("id");
        vp.bid(other, won, "2200.00").then().statusCode(201);
        vp.bid(winner, lost, "2500.00").then().statusCode(201);
        String othersWinning = vp.bid(other, lost, "2400.00").then().statusCode(201).extract().path("id");
        vp.bid(winner, stillOpen, "1900.00").then().statusCode(201);
        vp.charterIs(vp.as("dispatcher").get("/bid-requests/" + won).path("charter_id"), "booked", null);
        vp.charterIs(vp.as("dispatcher").get("/bid-requests/" + lost).path("charter_id"), "booked", null);
        vp.notifications.answer(202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}");
        vp.award(won, winning).then().statusCode(200);
        vp.award(lost, othersWinning).then().statusCode(200);

        vp.as("dispatcher").queryParam("awarded_vendor_id", winner).get("/bid-requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(won));
        vp.asVendorUser(winner).queryParam("awarded_vendor_id", winner).get("/bid-requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(won));
        vp.asVendorUser(other).queryParam("awarded_vendor_id", other).get("/bid-requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(lost));
        // another vendor's trips do not exist for a vendor user: an empty page, not theirs
        vp.asVendorUser(other).queryParam("awarded_vendor_id", winner).get("/bid-requests").then().statusCode(200)
                .body("total", equalTo(0));
        vp.as("dispatcher").queryParam("awarded_vendor_id", UUID.randomUUID().toString()).get("/bid-requests").then()
                .statusCode(200).body("total", equalTo(0));
        vp.rawAs("dispatcher").queryParam("awarded_vendor_id", "not-a-uuid").get("/bid-requests").then().statusCode(400);
    }

    @Test
    void ten_concurrent_awards_of_one_request_exactly_one_wins() throws Exception {
        var vendors = new ArrayList<String>();
        for (int i = 0; i < 3; i++) vendors.add(vp.approvedCompliantVendor());
        String request = vp.openRequest();
        var bids = new ArrayList<String>();
        for (int i = 0; i < vendors.size(); i++) bids.add(vp.bid(vendors.get(i), request, (2000 + i) + ".00").then().statusCode(201).extract().path("id"));
        String charterId = vp.as("dispatcher").get("/bid-requests/" + request).path("charter_id");
        vp.charterIs(charterId, "booked", null);
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 10; i++) {
            String bid = bids.get(i % bids.size());
            calls.add(() -> vp.award(request, bid));
        }
        List<Integer> codes = Together.statusCodes(calls);
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(9, codes.stream().filter(c -> c == 409).count(), codes::toString);
        assertEquals(1, vp.rows("select 1 from vendor.bids where bid_request_id = ?::uuid and status = 'awarded'", request).size());
        assertEquals(1, vp.rows("select 1 from vendor.outbox where topic = 'charter.award' and payload->>'charter_id' = ?", charterId).size());
    }

    @Test
    void an_award_retried_with_its_key_answers_again_and_bad_awards_change_nothing() {
        String vendor = vp.approvedCompliantVendor();
        String request = vp.openRequest();
        String other = vp.openRequest();
        String charterId = vp.as("dispatcher").get("/bid-requests/" + request).path("charter_id");
        String bid = vp.bid(vendor, request, "1500.00").then().statusCode(201).extract().path("id");
        String otherBid = vp.bid(vendor, other, "1500.00").then().statusCode(201).extract().path("id");
        vp.charterIs(charterId, "booked", null);

        vp.award(request, otherBid).then().statusCode(400).body("errors.field", hasItem("bid_id"));
        vp.award(request, UUID.randomUUID().toString()).then().statusCode(400);
        vp.award(UUID.randomUUID().toString(), bid).then().statusCode(404);
        for (String body : List.of("{", "{}", "{\"bid_id\":\"x\"}", "{\"bid_id\":\"" + bid + "\",\"amount\":1}")) {
            vp.rawAs("dispatcher").contentType("application/json").body(body).post("/bid-requests/" + request + "/award").then().statusCode(400);
        }
        vp.rawAs("accountant").contentType("application/json").body(Map.of("bid_id", bid)).post("/bid-requests/" + request + "/award")
                .then().statusCode(403);
        vp.rawAsVendorUser(vendor).contentType("application/json").body(Map.of("bid_id", bid)).post("/bid-requests/" + request + "/award")
                .then().statusCode(403);
        vp.charterIs(charterId, "cancelled", null);
        vp.award(request, bid).then().statusCode(409).body("detail", containsString("The charter is cancelled"));
        vp.charterIs(charterId, "booked", UUID.randomUUID().toString());
        vp.award(request, bid).then().statusCode(409).body("detail", containsString("already awarded"));
        vp.charters.answer(503, VendorPlatform.problem(503, "down"));
        vp.award(request, bid).then().statusCode(503);
        vp.as("dispatcher").get("/bid-requests/" + request).then().body("status", equalTo("open"));
        assertEquals(0, vp.rows("select 1 from vendor.outbox where topic = 'charter.award' and payload->>'bid_id' = ?", bid).size());

        vp.charterIs(charterId, "booked", null);
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "award-" + request).body(Map.of("bid_id", bid))
                .post("/bid-requests/" + request + "/award").then().statusCode(200).body("awarded_bid_id", equalTo(bid));
        vp.charterIs(charterId, "booked", vendor);
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "award-" + request).body(Map.of("bid_id", bid))
                .post("/bid-requests/" + request + "/award").then().statusCode(200).body("awarded_bid_id", equalTo(bid));
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "award-" + request).body(Map.of("bid_id", otherBid))
                .post("/bid-requests/" + request + "/award").then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(1, vp.rows("select 1 from vendor.outbox where topic = 'charter.award' and payload->>'bid_id' = ?", bid).size());
    }
}
