package com.coachway.portals;

import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.json;
import static com.coachway.portals.PortalsPlatform.page;
import static com.coachway.portals.PortalsPlatform.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor portal with two vendors. vendor-service shows bid requests to every vendor, but bids,
 * bills, compliance and trips are a vendor's own; the neighbours here hand out the other vendor's
 * too (as if their tenancy had failed), and the portal shows none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorPortalTest {
    PortalsPlatform pp;
    final UUID vendorA = UUID.randomUUID();
    final UUID vendorB = UUID.randomUUID();
    final UUID openRequest = UUID.randomUUID();
    final UUID wonByA = UUID.randomUUID();
    final UUID wonByB = UUID.randomUUID();
    final UUID bidOfAOnOpen = UUID.randomUUID();
    final UUID winningBidA = UUID.randomUUID();
    final UUID winningBidB = UUID.randomUUID();
    final UUID billA = UUID.randomUUID();
    final UUID paidBillA = UUID.randomUUID();
    final UUID billB = UUID.randomUUID();
    final UUID documentB = UUID.randomUUID();
    final UUID newBidRequest = UUID.randomUUID();
    final UUID rebidRequest = UUID.randomUUID();

    static Map<String, Object> request(UUID id, String status, UUID awardedBid, String pickupAt) {
        var r = new LinkedHashMap<String, Object>();
        r.put("id", id.toString());
        r.put("charter_id", UUID.randomUUID().toString());
        r.put("charter_reference", "CW-2026-00042");
        r.put("vehicle_type", "coach_56");
        r.put("pickup_at", pickupAt);
        r.put("respond_by", "2029-01-01T12:00:00Z");
        r.put("status", status);
        r.put("awarded_bid_id", awardedBid == null ? null : awardedBid.toString());
        return r;
    }

    static Map<String, Object> bid(UUID id, UUID requestId, UUID vendorId, String amount, String status, String createdAt, String updatedAt) {
        var b = new LinkedHashMap<String, Object>();
        b.put("id", id.toString());
        b.put("bid_request_id", requestId.toString());
        b.put("vendor_id", vendorId.toString());
        b.put("amount", new BigDecimal(amount));
        b.put("vehicle_type", "coach_56");
        b.put("status", status);
        b.put("created_at", createdAt);
        b.put("updated_at", updatedAt);
        return b;
    }

    static Map<String, Object> bill(UUID id, UUID vendorId, String status, String amount, String paid) {
        var b = new LinkedHashMap<String, Object>();
        b.put("id", id.toString());
        b.put("vendor_id", vendorId.toString());
        b.put("status", status);
        b.put("amount", new BigDecimal(amount));
        b.put("paid", new BigDecimal(paid));
        b.put("balance", new BigDecimal(amount).subtract(new BigDecimal(paid)));
        return b;
    }

    static Map<String, Object> compliance(UUID vendorId) {
        return Map.of("vendor_id", vendorId.toString(), "as_of", "2026-12-01", "compliant", true, "missing", List.of(),
                "expired", List.of(), "expiring_within_30_days", List.of("w9"));
    }

    @BeforeAll
    void start() {
        pp = new PortalsPlatform(Map.of());
        pp.vendors.answer("/vendors/" + vendorA, 200, json(Map.of("id", vendorA.toString(), "name", "Alpha Coaches", "status", "approved")));
        pp.vendors.answer("/vendors/" + vendorA + "/compliance", 200, json(compliance(vendorA)));
        pp.vendors.answer("/vendors/" + vendorA + "/compliance-documents", 200, json(page(List.of(
                Map.of("id", UUID.randomUUID().toString(), "vendor_id", vendorA.toString(), "kind", "w9"),
                Map.of("id", documentB.toString(), "vendor_id", vendorB.toString(), "kind", "w9")))));
        pp.vendors.answer("/bid-requests", 200, json(page(List.of(
                request(openRequest, "open", null, "2030-03-01T08:00:00-05:00"),
                request(wonByA, "closed", winningBidA, "2030-02-01T08:00:00-05:00"),
                request(wonByB, "closed", winningBidB, "2030-01-01T08:00:00-05:00")))));
        pp.vendors.answer("/bid-requests/" + openRequest + "/bids", 200,
                json(page(List.of(bid(bidOfAOnOpen, openRequest, vendorA, "1800.00", "submitted", "2026-11-30T10:00:00Z", "2026-11-30T10:00:00Z")))));
        pp.vendors.answer("/bid-requests/" + wonByA + "/bids", 200,
                json(page(List.of(bid(winningBidA, wonByA, vendorA, "2100.00", "awarded", "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z")))));
        // vendor-service would show A an empty list here; this one leaks B's winning bid
        pp.vendors.answer("/bid-requests/" + wonByB + "/bids", 200,
                json(page(List.of(bid(winningBidB, wonByB, vendorB, "7777.00", "awarded", "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z")))));
        pp.vendors.answer("/bid-requests/" + newBidRequest + "/bids", 201,
                json(bid(UUID.randomUUID(), newBidRequest, vendorA, "1500.00", "submitted", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z")));
        pp.vendors.answer("/bid-requests/" + rebidRequest + "/bids", 200,
                json(bid(UUID.randomUUID(), rebidRequest, vendorA, "1400.00", "submitted", "2026-11-29T10:00:00Z", "2026-12-01T10:00:00Z")));
        pp.finance.answer("/bills", 200, json(page(List.of(bill(billA, vendorA, "partially_paid", "2100.00", "1600.00"),
                bill(paidBillA, vendorA, "paid", "900.00", "900.00"), bill(billB, vendorB, "open", "7777.00", "0.00")))));
    }

    @AfterAll
    void stop() {
        pp.close();
    }

    void noneOfB(Response r) {
        String body = r.asString();
        for (UUID id : List.of(vendorB, winningBidB, billB, documentB)) {
            assertFalse(body.contains(id.toString()), () -> "vendor B's " + id + " shown to vendor A: " + body);
        }
        assertFalse(body.contains("7777"), () -> "vendor B's amount shown to vendor A: " + body);
    }

    List<RecordingNeighbour.Request> posts() {
        return pp.vendors.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Test
    void the_overview_shows_the_vendors_profile_compliance_open_requests_upcoming_trips_and_what_it_is_owed() {
        String token = pp.vendorToken(vendorA);
        Response r = pp.asVendor(vendorA).get("/vendor/overview");
        r.then().statusCode(200).body("vendor_id", equalTo(vendorA.toString())).body("vendor.name", equalTo("Alpha Coaches"))
                .body("compliance.compliant", equalTo(true)).body("open_bid_requests", equalTo(3))
                .body("open_bills_balance", equalTo(500.0f)).body("unavailable", equalTo(List.of()));
        assertEquals(List.of(wonByA.toString()), r.jsonPath().getList("upcoming_trips.bid_request.id"));
        assertEquals(List.of(winningBidA.toString()), r.jsonPath().getList("upcoming_trips.bid.id"));
        noneOfB(r);
        assertTrue(pp.vendors.requests().stream().filter(q -> q.path().contains(vendorA.toString()))
                .allMatch(q -> ("Bearer " + token).equals(q.authorization())), "vendor-service is asked with the vendor's own token");
        assertTrue(pp.finance.requests().stream().filter(q -> q.path().equals("/bills")).anyMatch(q -> ("Bearer " + token).equals(q.authorization())));
    }

    @Test
    void trips_are_the_requests_whose_awarded_bid_is_the_vendors_own() {
        Response r = pp.asVendor(vendorA).get("/vendor/trips");
        r.then().statusCode(200).body("unavailable", equalTo(List.of()));
        assertEquals(List.of(wonByA.toString()), r.jsonPath().getList("items.bid_request.id"));
        noneOfB(r);
        pp.asVendor(vendorA).queryParam("upcoming", true).get("/vendor/trips").then().statusCode(200)
                .body("items.bid_request.id", equalTo(List.of(wonByA.toString())));
        // and vendor B, whose bid won the other request, sees that one
        pp.asVendor(vendorB).get("/vendor/trips").then().statusCode(200).body("items.bid_request.id", equalTo(List.of(wonByB.toString())));
    }

    @Test
    void bid_requests_carry_the_vendors_own_bid() {
        Response r = pp.asVendor(vendorA).get("/vendor/bid-requests");
        r.then().statusCode(200).body("unavailable", equalTo(List.of()));
        assertEquals(List.of(openRequest.toString()), r.jsonPath().getList("items.bid_request.id"));
        assertEquals(bidOfAOnOpen.toString(), r.jsonPath().getString("items[0].own_bid.id"));
        assertTrue(pp.vendors.requests().stream().anyMatch(q -> q.path().equals("/bid-requests") && q.query().contains("status=open")));
        // the closed ones, where B's winning bid must not show as anyone's own
        Response closed = pp.asVendor(vendorA).queryParam("status", "closed").get("/vendor/bid-requests");
        closed.then().statusCode(200);
        assertEquals(List.of(wonByA.toString(), wonByB.toString()), closed.jsonPath().getList("items.bid_request.id"));
        assertEquals(winningBidA.toString(), closed.jsonPath().getString("items[0].own_bid.id"));
        closed.then().body("items[1].own_bid", nullValue());
    }

    @Test
    void payments_are_the_vendors_own_bills() {
        Response r = pp.asVendor(vendorA).get("/vendor/payments");
        r.then().statusCode(200).body("total", equalTo(2));
        assertEquals(List.of(billA.toString(), paidBillA.toString()), r.jsonPath().getList("items.id"));
        noneOfB(r);
    }

    @Test
    void compliance_is_the_vendors_own() {
        Response r = pp.asVendor(vendorA).get("/vendor/compliance");
        r.then().statusCode(200).body("compliance.vendor_id", equalTo(vendorA.toString()))
                .body("compliance.expiring_within_30_days", equalTo(List.of("w9"))).body("documents.size()", equalTo(1));
        noneOfB(r);
        // vendor B's own compliance is unknown to this vendor-service: nothing shown, and no outage
        pp.asVendor(vendorB).get("/vendor/compliance").then().statusCode(200).body("compliance", nullValue())
                .body("unavailable", equalTo(List.of()));
    }

    @Test
    void a_bid_is_forwarded_with_the_vendors_token_201_when_new_and_200_when_it_changes_the_own_bid() {
        String token = pp.vendorToken(vendorA);
        pp.asVendor(vendorA).header("Idempotency-Key", "bid-1").contentType("application/json")
                .body(Map.of("amount", 1500.00, "vehicle_type", "coach_56", "notes", "two drivers"))
                .post("/vendor/bid-requests/" + newBidRequest + "/bids").then().statusCode(201).body("amount", equalTo(1500.0f));
        var sent = posts().getLast();
        assertEquals("/bid-requests/" + newBidRequest + "/bids", sent.path());
        assertEquals("Bearer " + token, sent.authorization());
        assertEquals("bid-1", sent.idempotencyKey());
        assertTrue(sent.body().contains("\"vehicle_type\":\"coach_56\"") && sent.body().contains("\"notes\":\"two drivers\""), sent.body());
        pp.asVendor(vendorA).contentType("application/json").body(Map.of("amount", 1400.00, "vehicle_type", "coach_56"))
                .post("/vendor/bid-requests/" + rebidRequest + "/bids").then().statusCode(200).body("amount", equalTo(1400.0f));
    }

    @Test
    void vendor_services_refusal_of_a_bid_is_the_answer() {
        UUID closed = UUID.randomUUID();
        pp.vendors.answer("/bid-requests/" + closed + "/bids", 409, problem(409, "vendor is not compliant: missing w9"));
        pp.asVendor(vendorA).contentType("application/json").body(Map.of("amount", 1500.00, "vehicle_type", "coach_56"))
                .post("/vendor/bid-requests/" + closed + "/bids").then().statusCode(409)
                .body("detail", equalTo("vendor is not compliant: missing w9"));
        UUID unknown = UUID.randomUUID();
        pp.vendors.answer("/bid-requests/" + unknown, 404, problem(404, "Bid request not found"));
        pp.asVendor(vendorA).contentType("application/json").body(Map.of("amount", 1500.00, "vehicle_type", "coach_56"))
                .post("/vendor/bid-requests/" + unknown + "/bids").then().statusCode(404).body("detail", equalTo("Bid request not found"));
    }

    @Test
    void bad_input_is_a_400_and_no_bid_is_sent() {
        int before = posts().size();
        String path = "/vendor/bid-requests/" + newBidRequest + "/bids";
        pp.rawAsVendor(vendorA).contentType("application/json").body("{\"amount\":").post(path).then().statusCode(400);
        pp.rawAsVendor(vendorA).contentType("application/json").body(Map.of("amount", "lots", "vehicle_type", "coach_56")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        pp.rawAsVendor(vendorA).contentType("application/json").body(Map.of("amount", 1500.00)).post(path)
                .then().statusCode(400).body("errors.field", hasItem("vehicle_type"));
        pp.rawAsVendor(vendorA).contentType("application/json").body(Map.of("amount", 0, "vehicle_type", "coach_56")).post(path)
                .then().statusCode(400);
        pp.rawAsVendor(vendorA).contentType("application/json").body(Map.of("amount", 10.001, "vehicle_type", "coach_56")).post(path)
                .then().statusCode(400);
        pp.rawAsVendor(vendorA).contentType("application/json").body(Map.of("amount", 10, "vehicle_type", "Coach 56!")).post(path)
                .then().statusCode(400);
        pp.rawAsVendor(vendorA).queryParam("status", "won").get("/vendor/bid-requests").then().statusCode(400);
        pp.rawAsVendor(vendorA).queryParam("upcoming", "soon").get("/vendor/trips").then().statusCode(400);
        pp.rawAsVendor(vendorA).queryParam("limit", 500).get("/vendor/payments").then().statusCode(400);
        assertEquals(before, posts().size());
    }

    @Test
    void a_status_the_owning_service_does_not_know_is_a_400_here_and_never_asked() {
        int vendorCalls = pp.vendors.requests().size();
        int financeCalls = pp.finance.requests().size();
        // vendor-service's bid requests are open or closed; finance-service's bills open, partially_paid or paid
        pp.rawAsVendor(vendorA).queryParam("status", "cancelled").get("/vendor/bid-requests").then().statusCode(400);
        pp.rawAsVendor(vendorA).queryParam("status", "void").get("/vendor/payments").then().statusCode(400);
        assertEquals(vendorCalls, pp.vendors.requests().size());
        assertEquals(financeCalls, pp.finance.requests().size());
        for (String status : List.of("open", "partially_paid", "paid")) {
            pp.asVendor(vendorA).queryParam("status", status).get("/vendor/payments").then().statusCode(200);
            assertTrue(pp.finance.requests().getLast().query().contains("status=" + status), pp.finance.requests().getLast().query());
        }
    }

    @Test
    void the_lists_pass_limit_offset_and_after_on_and_say_them_back() {
        pp.asVendor(vendorA).queryParam("status", "closed").queryParam("limit", 5).queryParam("offset", 10).get("/vendor/bid-requests")
                .then().statusCode(200).body("limit", equalTo(5)).body("offset", equalTo(10));
        String asked = pp.vendors.requests().stream().filter(q -> q.path().equals("/bid-requests")).toList().getLast().query();
        assertTrue(asked.contains("status=closed") && asked.contains("limit=5") && asked.contains("offset=10"), asked);
        pp.asVendor(vendorA).queryParam("after", "finance-cursor").get("/vendor/payments").then().statusCode(200).body("offset", equalTo(0));
        assertTrue(pp.finance.requests().getLast().query().contains("after=finance-cursor"), pp.finance.requests().getLast().query());
        pp.rawAsVendor(vendorA).queryParam("after", "x").queryParam("offset", 1).get("/vendor/payments").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        pp.rawAsVendor(vendorA).queryParam("after", "x").queryParam("offset", 1).get("/vendor/trips").then().statusCode(400);
    }

    @Test
    void trips_are_the_requests_vendor_service_says_the_vendor_won_paged_by_its_cursor() {
        // the first page asks for the newest 100 requests awarded to this vendor
        pp.asVendor(vendorA).get("/vendor/trips").then().statusCode(200).body("limit", equalTo(100)).body("offset", equalTo(0));
        String first = pp.vendors.requests().stream().filter(q -> q.path().equals("/bid-requests")).toList().getLast().query();
        assertTrue(first.contains("status=closed") && first.contains("limit=100") && first.contains("awarded_vendor_id=" + vendorA), first);

        var next = new LinkedHashMap<>(page(List.of(request(wonByB, "closed", winningBidB, "2030-01-01T08:00:00-05:00"))));
        next.put("next", "cursor-of-page-2");
        pp.vendors.answer("/bid-requests", 200, json(next));
        try {
            // what vendor-service answers is still checked: another vendor's trip is dropped, and the cursor kept
            pp.asVendor(vendorA).queryParam("limit", 1).get("/vendor/trips").then().statusCode(200)
                    .body("items", equalTo(List.of())).body("next", equalTo("cursor-of-page-2")).body("limit", equalTo(1));
        } finally {
            pp.vendors.answer("/bid-requests", 200, json(page(List.of(
                    request(openRequest, "open", null, "2030-03-01T08:00:00-05:00"),
                    request(wonByA, "closed", winningBidA, "2030-02-01T08:00:00-05:00"),
                    request(wonByB, "closed", winningBidB, "2030-01-01T08:00:00-05:00")))));
        }
        Response later = pp.asVendor(vendorA).queryParam("limit", 1).queryParam("after", "cursor-of-page-2").get("/vendor/trips");
        later.then().statusCode(200).body("next", nullValue());
        assertEquals(List.of(wonByA.toString()), later.jsonPath().getList("items.bid_request.id"));
        String asked = pp.vendors.requests().stream().filter(q -> q.path().equals("/bid-requests")).toList().getLast().query();
        assertTrue(asked.contains("after=cursor-of-page-2") && asked.contains("limit=1") && asked.contains("status=closed"), asked);
        noneOfB(later);
    }

    @Test
    void a_cursor_vendor_service_refuses_is_its_400_on_the_trips_page() {
        pp.vendors.answer("/bid-requests", 400, "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"after: not a cursor of this list\",\"request_id\":\"t\",\"errors\":[{\"field\":\"after\",\"message\":\"not a cursor of this list\"}]}");
        try {
            pp.asVendor(vendorA).queryParam("after", "garbage").get("/vendor/trips").then().statusCode(400).body("errors[0].field", equalTo("after"));
        } finally {
            pp.vendors.answer("/bid-requests", 200, json(page(List.of(
                    request(openRequest, "open", null, "2030-03-01T08:00:00-05:00"),
                    request(wonByA, "closed", winningBidA, "2030-02-01T08:00:00-05:00"),
                    request(wonByB, "closed", winningBidB, "2030-01-01T08:00:00-05:00")))));
        }
    }

    @Test
    void only_vendor_users_open_the_vendor_portal() {
        int before = posts().size();
        pp.anonymous().get("/vendor/overview").then().statusCode(401);
        for (String role : List.of("dispatcher", "manager", "accountant", "sales_agent")) {
            pp.as(role).get("/vendor/overview").then().statusCode(403);
            pp.as(role).contentType("application/json").body(Map.of("amount", 1500.00, "vehicle_type", "coach_56"))
                    .post("/vendor/bid-requests/" + newBidRequest + "/bids").then().statusCode(403);
        }
        pp.platform.api(PortalsPlatform.PORTALS).auth().oauth2(pp.platform.adminToken()).get("/vendor/payments").then().statusCode(403);
        pp.asClient(UUID.randomUUID()).get("/vendor/trips").then().statusCode(403);
        assertEquals(before, posts().size());
    }
}
