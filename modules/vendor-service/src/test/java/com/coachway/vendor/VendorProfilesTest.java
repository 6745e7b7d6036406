package com.coachway.vendor;

import com.coachway.testkit.KeysetPaging;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.vendor.VendorPlatform.TODAY;
import static com.coachway.vendor.VendorPlatform.paper;
import static com.coachway.vendor.VendorPlatform.vendorBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vendor profiles, their approval, compliance papers and status, ratings and performance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorProfilesTest {
    VendorPlatform vp;

    @BeforeAll
    void start() {
        vp = new VendorPlatform();
    }

    @AfterAll
    void stop() {
        vp.close();
    }

    // ---- profiles ----

    @Test
    void a_manager_adds_a_vendor_that_starts_pending_and_staff_read_it() {
        var body = vendorBody("Granite Coach Lines");
        body.put("mc_number", "765432");
        Response r = vp.as("manager").contentType("application/json").body(body).post("/vendors");
        r.then().statusCode(201).body("status", equalTo("pending")).body("version", equalTo(1))
                .body("service_states", equalTo(List.of("MA", "NH"))).body("mc_number", equalTo("MC-765432"));
        String id = r.path("id");
        assertEquals("/vendors/" + id, r.header("Location"));
        vp.as("accountant").get("/vendors/" + id).then().statusCode(200).body("name", equalTo("Granite Coach Lines"));
        vp.asService().get("/vendors/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void the_list_filters_by_status_state_and_text_and_pages_by_cursor() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            var body = vendorBody("Paging " + tag + " " + i);
            body.put("service_states", i % 2 == 0 ? List.of("VT") : List.of("ME"));
            String id = vp.createVendor(body);
            if (i == 0) vp.setStatus(id, "approved").then().statusCode(200);
        }
        vp.as("sales_agent").queryParam("q", "paging " + tag).queryParam("state", "VT").get("/vendors").then().statusCode(200)
                .body("total", equalTo(3)).body("items.service_states", everyItem(hasItem("VT")));
        vp.as("sales_agent").queryParam("q", tag).queryParam("status", "approved").get("/vendors").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Paging " + tag + " 0"));
        KeysetPaging.assertWalkMatchesOffsets(() -> vp.as("dispatcher"), "/vendors", Map.of("q", tag), 2, "id");
        KeysetPaging.assertBadCursorsRefused(() -> vp.rawAs("dispatcher"), "/vendors", Map.of("q", tag));
        vp.rawAs("dispatcher").queryParam("state", "Massachusetts").get("/vendors").then().statusCode(400);
        vp.rawAs("dispatcher").queryParam("status", "gone").get("/vendors").then().statusCode(400);
    }

    @Test
    void bad_vendor_bodies_are_400_and_write_nothing() {
        long before = vp.count("vendor.vendors");
        var cases = new LinkedHashMap<String, String>();
        cases.put("{", null);
        cases.put("[]", null);
        cases.put("{\"email\":\"a@b.example.com\"}", "name");
        cases.put("{\"name\":\"X\"}", "email");
        cases.put("{\"name\":\"X\",\"email\":\"not-an-email\"}", "email");
        cases.put("{\"name\":\"X\",\"email\":\"a@b.example.com\",\"fleet_size\":\"twelve\"}", "fleet_size");
        cases.put("{\"name\":\"X\",\"email\":\"a@b.example.com\",\"fleet_size\":-1}", "fleet_size");
        cases.put("{\"name\":\"X\",\"email\":\"a@b.example.com\",\"service_states\":[\"Mass\"]}", "service_states[0]");
        cases.put("{\"name\":\"X\",\"email\":\"a@b.example.com\",\"status\":\"approved\"}", null);
        cases.put("{\"name\":\"   \",\"email\":\"a@b.example.com\"}", "name");
        cases.forEach((body, field) -> {
            Response r = vp.rawAs("manager").contentType("application/json").body(body).post("/vendors");
            assertEquals(400, r.statusCode(), () -> body + " -> " + r.asString());
            if (field != null) r.then().body("errors.field", hasItem(field));
        });
        vp.rawAs("manager").contentType("text/plain").body("name=x").post("/vendors").then().statusCode(415);
        vp.rawAs("sales_agent").contentType("application/json").body(vendorBody("No Rights")).post("/vendors").then().statusCode(403);
        assertEquals(before, vp.count("vendor.vendors"));
    }

    @Test
    void approval_takes_only_legal_steps_and_names_the_current_status() {
        String id = vp.createVendor();
        vp.setStatus(id, "approved").then().statusCode(200).body("status", equalTo("approved")).body("version", equalTo(2));
        vp.setStatus(id, "approved").then().statusCode(409).body("detail", equalTo("The vendor is already approved"));
        vp.setStatus(id, "pending").then().statusCode(409).body("detail", containsString("The vendor is approved"));
        vp.setStatus(id, "suspended").then().statusCode(200).body("status", equalTo("suspended"));
        vp.setStatus(id, "approved").then().statusCode(200);
        // restating the status it has beside a real change is fine; only a bare no-op status change is refused
        vp.as("manager").contentType("application/json").body(Map.of("version", 4, "status", "approved", "fleet_size", 14))
                .patch("/vendors/" + id).then().statusCode(200).body("fleet_size", equalTo(14)).body("version", equalTo(5));
        vp.rawAs("manager").contentType("application/json").body(Map.of("version", 5, "status", "closed"))
                .patch("/vendors/" + id).then().statusCode(400);
    }

    @Test
    void a_patch_names_its_version_and_may_clear_optional_fields() {
        String id = vp.createVendor();
        var patch = new LinkedHashMap<String, Object>();
        patch.put("version", 1);
        patch.put("phone", null);
        patch.put("fleet_size", 30);
        patch.put("service_states", List.of("RI"));
        vp.as("dispatcher").contentType("application/json").body(patch).patch("/vendors/" + id).then().statusCode(200)
                .body("phone", equalTo(null)).body("fleet_size", equalTo(30)).body("service_states", equalTo(List.of("RI")))
                .body("legal_name", containsString("LLC")).body("version", equalTo(2));
        vp.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "fleet_size", 31)).patch("/vendors/" + id)
                .then().statusCode(409).body("detail", containsString("version 2"));
        vp.as("dispatcher").contentType("application/json").body(Map.of("version", 1)).patch("/vendors/" + UUID.randomUUID())
                .then().statusCode(404);
        vp.rawAs("dispatcher").contentType("application/json").body(Map.of("fleet_size", 3)).patch("/vendors/" + id)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        vp.rawAs("accountant").contentType("application/json").body(Map.of("version", 2, "fleet_size", 3)).patch("/vendors/" + id)
                .then().statusCode(403);
    }

    @Test
    void a_vendor_user_reads_only_its_own_vendor() {
        String mine = vp.createVendor();
        String theirs = vp.createVendor();
        vp.asVendorUser(mine).get("/vendors/" + mine).then().statusCode(200).body("id", equalTo(mine));
        vp.asVendorUser(mine).get("/vendors/" + theirs).then().statusCode(404);
        vp.asVendorUser(mine).get("/vendors/" + theirs + "/compliance").then().statusCode(404);
        vp.asVendorUser(mine).get("/vendors/" + theirs + "/compliance-documents").then().statusCode(404);
        vp.asVendorUser(mine).get("/vendors/" + theirs + "/ratings").then().statusCode(404);
        vp.asVendorUser(mine).get("/vendors/" + theirs + "/performance").then().statusCode(404);
        vp.asVendorUser(mine).get("/vendors").then().statusCode(403);
        vp.rawAsVendorUser(mine).contentType("application/json").body(Map.of("version", 1, "fleet_size", 99))
                .patch("/vendors/" + mine).then().statusCode(403);
        vp.asVendorUser(mine).get("/vendors/" + mine + "/compliance").then().statusCode(200).body("compliant", equalTo(false));
        vp.platform.raw(VendorPlatform.VENDORS).auth().oauth2(vp.platform.portalToken("client", UUID.randomUUID()))
                .get("/vendors/" + mine).then().statusCode(403);
        vp.as("manager").get("/vendors/not-a-uuid").then().statusCode(404);
        vp.as("manager").get("/vendors/" + UUID.randomUUID()).then().statusCode(404);
    }

    // ---- compliance ----

    @Test
    void compliance_follows_the_papers_filed() {
        String id = vp.createVendor();
        vp.as("manager").get("/vendors/" + id + "/compliance").then().statusCode(200)
                .body("compliant", equalTo(false)).body("as_of", equalTo(TODAY.toString()))
                .body("missing", equalTo(List.of("liability_insurance", "operating_authority", "w9")));
        vp.file(id, paper("liability_insurance", TODAY.plusYears(1), "4999999.99")).then().statusCode(201)
                .body("coverage_amount", equalTo(4999999.99f));
        vp.file(id, paper("operating_authority", TODAY.plusDays(30), null)).then().statusCode(201);
        var w9 = paper("w9", null, null);
        w9.put("document_id", UUID.randomUUID().toString());
        Response filed = vp.file(id, w9);
        filed.then().statusCode(201).body("document_id", equalTo(w9.get("document_id"))).body("expires_on", equalTo(null));
        vp.as("manager").get("/vendors/" + id + "/compliance").then().statusCode(200)
                .body("compliant", equalTo(false)).body("missing", equalTo(List.of("liability_insurance")))
                .body("expiring_within_30_days", equalTo(List.of("operating_authority")));
        vp.file(id, paper("liability_insurance", TODAY.minusDays(1), "5000000.00")).then().statusCode(201);
        vp.as("manager").get("/vendors/" + id + "/compliance").then().statusCode(200)
                .body("compliant", equalTo(false)).body("missing", equalTo(List.of())).body("expired", equalTo(List.of("liability_insurance")));
        vp.file(id, paper("liability_insurance", TODAY.plusDays(31), "5000000.00")).then().statusCode(201);
        vp.as("manager").get("/vendors/" + id + "/compliance").then().statusCode(200)
                .body("compliant", equalTo(true)).body("expired", equalTo(List.of()))
                .body("expiring_within_30_days", equalTo(List.of("operating_authority")));
        vp.as("manager").queryParam("kind", "liability_insurance").get("/vendors/" + id + "/compliance-documents").then()
                .statusCode(200).body("total", equalTo(3));
        vp.asVendorUser(id).get("/vendors/" + id + "/compliance-documents").then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void the_day_turning_expires_a_paper() {
        String id = vp.approvedCompliantVendor();
        vp.file(id, paper("operating_authority", TODAY, null)).then().statusCode(201);
        // the vendor's other operating authority paper runs a year; file a short one only for another vendor
        String shortLived = vp.createVendor();
        vp.file(shortLived, paper("liability_insurance", TODAY.plusYears(1), "5000000.00")).then().statusCode(201);
        vp.file(shortLived, paper("operating_authority", TODAY, null)).then().statusCode(201);
        vp.file(shortLived, paper("w9", null, null)).then().statusCode(201);
        vp.as("manager").get("/vendors/" + shortLived + "/compliance").then().body("compliant", equalTo(true))
                .body("expiring_within_30_days", equalTo(List.of("operating_authority")));
        var saved = vp.clock.instant();
        try {
            vp.clock.advance(java.time.Duration.ofDays(1));
            vp.as("manager").get("/vendors/" + shortLived + "/compliance").then().body("compliant", equalTo(false))
                    .body("expired", equalTo(List.of("operating_authority"))).body("as_of", equalTo(TODAY.plusDays(1).toString()));
        } finally {
            vp.clock.set(saved);
        }
    }

    @Test
    void bad_compliance_papers_are_400_or_404_and_write_nothing() {
        String id = vp.createVendor();
        long before = vp.count("vendor.compliance_documents");
        var cases = new LinkedHashMap<String, String>();
        cases.put("{", null);
        cases.put("{\"issued_on\":\"2026-01-01\"}", "kind");
        cases.put("{\"kind\":\"passport\",\"issued_on\":\"2026-01-01\"}", "kind");
        cases.put("{\"kind\":\"w9\"}", "issued_on");
        cases.put("{\"kind\":\"w9\",\"issued_on\":\"2026-13-01\"}", "issued_on");
        cases.put("{\"kind\":\"w9\",\"issued_on\":\"2026-01-01\",\"expires_on\":\"2025-12-31\"}", "expires_on");
        cases.put("{\"kind\":\"liability_insurance\",\"issued_on\":\"2026-01-01\",\"expires_on\":\"2027-12-31\"}", "coverage_amount");
        cases.put("{\"kind\":\"liability_insurance\",\"issued_on\":\"2026-01-01\",\"coverage_amount\":\"lots\"}", "coverage_amount");
        cases.put("{\"kind\":\"liability_insurance\",\"issued_on\":\"2026-01-01\",\"coverage_amount\":5000000.001}", "coverage_amount");
        cases.put("{\"kind\":\"w9\",\"issued_on\":\"2026-01-01\",\"document_id\":\"file-1\"}", "document_id");
        cases.forEach((body, field) -> {
            Response r = vp.rawAs("manager").contentType("application/json").body(body).post("/vendors/" + id + "/compliance-documents");
            assertEquals(400, r.statusCode(), () -> body + " -> " + r.asString());
            if (field != null) r.then().body("errors.field", hasItem(field));
        });
        vp.file(UUID.randomUUID().toString(), paper("w9", null, null)).then().statusCode(404);
        vp.rawAsVendorUser(id).contentType("application/json").body(paper("w9", null, null))
                .post("/vendors/" + id + "/compliance-documents").then().statusCode(403);
        vp.rawAs("sales_agent").contentType("application/json").body(paper("w9", null, null))
                .post("/vendors/" + id + "/compliance-documents").then().statusCode(403);
        assertEquals(before, vp.count("vendor.compliance_documents"));
    }

    // ---- ratings and performance ----

    /** Rates the vendor's trip: charter-service answers that the charter was awarded to the vendor. */
    Response rate(String vendorId, String charterId, int score, boolean onTime, boolean cancelled) {
        vp.charterIs(charterId, "completed", vendorId);
        return vp.as("dispatcher").contentType("application/json")
                .body(Map.of("charter_id", charterId, "score", score, "on_time", onTime, "cancelled", cancelled, "comments", "ok"))
                .post("/vendors/" + vendorId + "/ratings");
    }

    @Test
    void one_rating_per_vendor_and_charter_and_a_keyed_retry_answers_the_first() {
        String id = vp.createVendor();
        String charter = UUID.randomUUID().toString();
        Response first = rate(id, charter, 4, true, false);
        first.then().statusCode(201).body("score", equalTo(4)).body("cancelled", equalTo(false));
        rate(id, charter, 5, true, false).then().statusCode(409).body("detail", containsString("already rated"));
        var body = Map.of("charter_id", UUID.randomUUID().toString(), "score", 3, "on_time", false);
        vp.charterIs((String) body.get("charter_id"), "completed", id);
        String ratingId = vp.as("manager").contentType("application/json").header("Idempotency-Key", "rate-1").body(body)
                .post("/vendors/" + id + "/ratings").then().statusCode(201).extract().path("id");
        vp.as("manager").contentType("application/json").header("Idempotency-Key", "rate-1").body(body)
                .post("/vendors/" + id + "/ratings").then().statusCode(201).body("id", equalTo(ratingId));
        vp.as("manager").get("/vendors/" + id + "/ratings").then().statusCode(200).body("total", equalTo(2));
        vp.asVendorUser(id).get("/vendors/" + id + "/ratings").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void bad_ratings_are_400_403_or_404_and_write_nothing() {
        String id = vp.createVendor();
        long before = vp.count("vendor.ratings");
        String charter = UUID.randomUUID().toString();
        for (String body : List.of("{", "{\"score\":3,\"on_time\":true}", "{\"charter_id\":\"" + charter + "\",\"score\":0,\"on_time\":true}",
                "{\"charter_id\":\"" + charter + "\",\"score\":6,\"on_time\":true}", "{\"charter_id\":\"" + charter + "\",\"score\":3.5,\"on_time\":true}",
                "{\"charter_id\":\"" + charter + "\",\"score\":3,\"on_time\":\"yes\"}", "{\"charter_id\":\"" + charter + "\",\"score\":3}")) {
            Response r = vp.rawAs("dispatcher").contentType("application/json").body(body).post("/vendors/" + id + "/ratings");
            assertEquals(400, r.statusCode(), () -> body + " -> " + r.asString());
        }
        rate(UUID.randomUUID().toString(), charter, 3, true, false).then().statusCode(404);
        // the charter must be one charter-service knows, awarded to this vendor
        vp.charters.answer(404, VendorPlatform.problem(404, "Charter not found"));
        vp.as("dispatcher").contentType("application/json").body(Map.of("charter_id", charter, "score", 4, "on_time", true))
                .post("/vendors/" + id + "/ratings").then().statusCode(400).body("errors[0].field", equalTo("charter_id"));
        vp.charterIs(charter, "completed", UUID.randomUUID().toString());
        vp.as("dispatcher").contentType("application/json").body(Map.of("charter_id", charter, "score", 4, "on_time", true))
                .post("/vendors/" + id + "/ratings").then().statusCode(409).body("detail", containsString("was not awarded to this vendor"));
        vp.charterIs(charter, "booked", null);
        vp.as("dispatcher").contentType("application/json").body(Map.of("charter_id", charter, "score", 4, "on_time", true))
                .post("/vendors/" + id + "/ratings").then().statusCode(409).body("detail", containsString("it has no vendor"));
        vp.charters.answer(503, VendorPlatform.problem(503, "down"));
        vp.as("dispatcher").contentType("application/json").body(Map.of("charter_id", charter, "score", 4, "on_time", true))
                .post("/vendors/" + id + "/ratings").then().statusCode(503);
        vp.rawAsVendorUser(id).contentType("application/json").body(Map.of("charter_id", charter, "score", 5, "on_time", true))
                .post("/vendors/" + id + "/ratings").then().statusCode(403);
        assertEquals(before, vp.count("vendor.ratings"));
    }

    @Test
    void performance_counts_trips_punctuality_scores_and_cancellations() {
        String id = vp.createVendor();
        vp.as("manager").get("/vendors/" + id + "/performance").then().statusCode(200)
                .body("trips_completed", equalTo(0)).body("on_time_rate", equalTo(null)).body("average_rating", equalTo(null))
                .body("bids_submitted", equalTo(0)).body("win_rate", equalTo(null)).body("cancellations", equalTo(0));
        rate(id, UUID.randomUUID().toString(), 5, true, false).then().statusCode(201);
        rate(id, UUID.randomUUID().toString(), 4, true, false).then().statusCode(201);
        rate(id, UUID.randomUUID().toString(), 2, false, false).then().statusCode(201);
        rate(id, UUID.randomUUID().toString(), 1, false, true).then().statusCode(201);
        vp.asVendorUser(id).get("/vendors/" + id + "/performance").then().statusCode(200)
                .body("trips_completed", equalTo(3)).body("on_time_rate", equalTo(0.6667f)).body("average_rating", equalTo(3.0f))
                .body("cancellations", equalTo(1)).body("bids_submitted", equalTo(0));
    }
}
