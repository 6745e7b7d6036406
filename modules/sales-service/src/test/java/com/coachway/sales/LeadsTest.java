package com.coachway.sales;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.sales.SalesPlatform.lead;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Leads: recorded, read, listed, moved along their lifecycle, reassigned; bad input writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsTest {
    SalesPlatform sp;
    String agent;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
        agent = sp.agent("Lead Agent");
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    static Map<String, Object> fullLead() {
        var l = new LinkedHashMap<String, Object>();
        l.put("name", "Pat Organizer");
        l.put("company", "Harbor Rowing Club");
        l.put("email", "Pat@Harbor-Rowing.com");
        l.put("phone", "+16175550100");
        l.put("source", "referral");
        l.put("trip_description", "Regatta trip to Worcester, two coaches");
        l.put("estimated_passengers", 90);
        l.put("estimated_date", "2027-04-18");
        l.put("estimated_value", 4250.50);
        return l;
    }

    Response patch(String id, Map<String, Object> body) {
        return sp.as("sales_agent").contentType("application/json").body(body).patch("/leads/" + id);
    }

    @Test
    void a_lead_is_recorded_with_a_reference_and_read_back() {
        var r = sp.createLead(fullLead());
        r.then().statusCode(201).body("reference", matchesPattern("LD-\\d{4}-\\d{5}")).body("status", equalTo("new"))
                .body("company", equalTo("Harbor Rowing Club")).body("estimated_value", equalTo(4250.50f))
                .body("estimated_date", equalTo("2027-04-18")).body("estimated_passengers", equalTo(90))
                .body("converted_client_id", nullValue()).body("version", equalTo(1));
        String id = r.path("id");
        assertEquals("/leads/" + id, r.header("Location"));
        sp.as("manager").get("/leads/" + id).then().statusCode(200).body("reference", equalTo(r.path("reference")))
                .body("email", equalTo("Pat@Harbor-Rowing.com"));
        sp.as("admin").get("/leads/" + id).then().statusCode(200);
    }

    @Test
    void the_list_filters_on_status_source_agent_and_text_and_pages() {
        String other = sp.agent("List Agent");
        var mine = lead("Filter Fiona", "fiona@filter-leads.com");
        mine.put("source", "event");
        mine.put("assigned_to", other);
        String id = (String) sp.newLead(mine).get("id");
        sp.as("sales_agent").queryParam("source", "event").get("/leads").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.source", everyItem(equalTo("event")));
        sp.as("sales_agent").queryParam("assigned_to", other).get("/leads").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        sp.as("sales_agent").queryParam("q", "FILTER fio").get("/leads").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        sp.as("sales_agent").queryParam("q", "100%_").get("/leads").then().statusCode(200).body("total", equalTo(0));
        sp.as("sales_agent").queryParam("status", "won").get("/leads").then().statusCode(200).body("items.id", not(hasItem(id)));
        for (int i = 0; i < 3; i++) sp.newLead(lead("Pager " + i, null));
        var first = sp.as("sales_agent").queryParam("limit", 2).get("/leads");
        first.then().statusCode(200).body("items.size()", equalTo(2));
        var second = sp.as("sales_agent").queryParam("limit", 2).queryParam("after", first.<String>path("next")).get("/leads");
        second.then().statusCode(200);
        List<String> a = first.path("items.id");
        List<String> b = second.path("items.id");
        b.forEach(x -> assertEquals(false, a.contains(x), "pages overlap"));
        sp.rawAs("sales_agent").queryParam("status", "sleeping").get("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("assigned_to", "bob").get("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("after", "garbage").get("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("limit", 201).get("/leads").then().statusCode(400);
    }

    @Test
    void a_lead_moves_forward_may_be_lost_with_a_reason_and_then_stays_lost() {
        String id = (String) sp.newLead(fullLead()).get("id");
        patch(id, Map.of("version", 1, "status", "contacted")).then().statusCode(200).body("status", equalTo("contacted")).body("version", equalTo(2));
        patch(id, Map.of("version", 2, "status", "quoted", "estimated_value", 5000)).then().statusCode(200)
                .body("status", equalTo("quoted")).body("estimated_value", equalTo(5000.0f));
        patch(id, Map.of("version", 3, "status", "qualified")).then().statusCode(409).body("detail", containsString("quoted"));
        patch(id, Map.of("version", 3, "status", "lost")).then().statusCode(400).body("errors.field", hasItem("lost_reason"));
        patch(id, Map.of("version", 1, "name", "Stale")).then().statusCode(409).body("detail", containsString("version 3"));
        patch(id, Map.of("version", 3, "status", "lost", "lost_reason", "Went with a competitor")).then().statusCode(200)
                .body("status", equalTo("lost")).body("lost_reason", equalTo("Went with a competitor"));
        patch(id, Map.of("version", 4, "status", "won")).then().statusCode(409).body("detail", containsString("lost"));
        sp.as("sales_agent").get("/leads/" + id).then().body("status", equalTo("lost")).body("version", equalTo(4));
    }

    @Test
    void a_patch_clears_nullable_fields_with_null_and_keeps_absent_ones() {
        String id = (String) sp.newLead(fullLead()).get("id");
        var body = new HashMap<String, Object>();
        body.put("version", 1);
        body.put("company", null);
        body.put("phone", null);
        patch(id, body).then().statusCode(200).body("company", nullValue()).body("phone", nullValue())
                .body("email", equalTo("Pat@Harbor-Rowing.com")).body("trip_description", containsString("Regatta"));
    }

    @Test
    void a_lead_is_reassigned_by_hand_to_an_active_agent_only() {
        String id = (String) sp.newLead(lead("Reassign Me", null)).get("id");
        String to = sp.agent("Taker");
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", to)).post("/leads/" + id + "/assign")
                .then().statusCode(200).body("assigned_to", equalTo(to)).body("version", equalTo(2));
        String off = sp.agent("Away");
        sp.deactivate(off);
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", off)).post("/leads/" + id + "/assign")
                .then().statusCode(400).body("errors.field", hasItem("agent_id"));
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", UUID.randomUUID().toString()))
                .post("/leads/" + id + "/assign").then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("agent_id", 7)).post("/leads/" + id + "/assign").then().statusCode(400);
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", to)).post("/leads/" + UUID.randomUUID() + "/assign")
                .then().statusCode(404);
        sp.rawAs("dispatcher").contentType("application/json").body(Map.of("agent_id", to)).post("/leads/" + id + "/assign").then().statusCode(403);
        patch(id, Map.of("version", 2, "status", "won")).then().statusCode(200);
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", agent)).post("/leads/" + id + "/assign")
                .then().statusCode(409).body("detail", containsString("won"));
        sp.as("sales_agent").get("/leads/" + id).then().body("assigned_to", equalTo(to)).body("version", equalTo(3));
    }

    @Test
    void bad_lead_input_and_the_wrong_roles_are_refused_and_write_nothing() {
        long before = sp.count("sales.lead");
        sp.rawAs("sales_agent").contentType("application/json").body("{\"name\":").post("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body("[]").post("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("source", "website")).post("/leads")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("name", "X", "source", "billboard")).post("/leads")
                .then().statusCode(400).body("errors.field", hasItem("source"));
        var wrong = lead("X", "not-an-email");
        sp.rawAs("sales_agent").contentType("application/json").body(wrong).post("/leads").then().statusCode(400).body("errors.field", hasItem("email"));
        var typed = lead("X", null);
        typed.put("estimated_passengers", "ninety");
        sp.rawAs("sales_agent").contentType("application/json").body(typed).post("/leads").then().statusCode(400);
        var cents = lead("X", null);
        cents.put("estimated_value", 10.001);
        sp.rawAs("sales_agent").contentType("application/json").body(cents).post("/leads").then().statusCode(400);
        var unknown = lead("X", null);
        unknown.put("vip", true);
        sp.rawAs("sales_agent").contentType("application/json").body(unknown).post("/leads").then().statusCode(400);
        var date = lead("X", null);
        date.put("estimated_date", "next spring");
        sp.rawAs("sales_agent").contentType("application/json").body(date).post("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").contentType("text/plain").body("name=X").post("/leads").then().statusCode(415);
        sp.rawAs("dispatcher").contentType("application/json").body(lead("X", null)).post("/leads").then().statusCode(403);
        sp.rawAs("accountant").contentType("application/json").body(lead("X", null)).post("/leads").then().statusCode(403);
        sp.rawAs("accountant").get("/leads").then().statusCode(403);
        sp.rawAnonymous().contentType("application/json").body(lead("X", null)).post("/leads").then().statusCode(401);
        assertEquals(before, sp.count("sales.lead"));

        String id = (String) sp.newLead(lead("Patch Target", null)).get("id");
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("name", "No Version")).patch("/leads/" + id)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("version", 1, "status", "asleep")).patch("/leads/" + id).then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("version", 1, "name", "")).patch("/leads/" + id).then().statusCode(400);
        var nullName = new HashMap<String, Object>();
        nullName.put("version", 1);
        nullName.put("name", null);
        sp.rawAs("sales_agent").contentType("application/json").body(nullName).patch("/leads/" + id).then().statusCode(400);
        sp.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 1, "name", "Y")).patch("/leads/" + id).then().statusCode(403);
        patch(UUID.randomUUID().toString(), Map.of("version", 1, "name", "Y")).then().statusCode(404);
        sp.as("sales_agent").get("/leads/" + UUID.randomUUID()).then().statusCode(404);
        sp.as("sales_agent").get("/leads/not-a-uuid").then().statusCode(404);
        sp.as("sales_agent").get("/leads/" + id).then().body("name", equalTo("Patch Target")).body("version", equalTo(1));
    }

    @Test
    void a_conversion_while_client_service_is_down_is_a_503_and_leaves_the_lead_as_it_was() {
        var body = fullLead();
        String id = (String) sp.newLead(body).get("id");
        var trip = Map.<String, Object>of("trip_type", "one_way", "pickup_at", "2027-03-01T09:00:00-05:00",
                "stops", List.of(Map.of("sequence", 1, "address", "A"), Map.of("sequence", 2, "address", "B", "arrive_at", "2027-03-01T11:00:00-05:00")),
                "vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)));
        sp.as("sales_agent").contentType("application/json").body(Map.of("charter", trip)).post("/leads/" + id + "/convert")
                .then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        sp.as("sales_agent").get("/leads/" + id).then().body("converted_client_id", nullValue()).body("version", equalTo(1));
        assertEquals(null, sp.rows("select converting_until from sales.lead where id = ?::uuid", id).getFirst().get("converting_until"));
        // and at once again: the released claim does not block the retry
        sp.as("sales_agent").contentType("application/json").body(Map.of("charter", trip)).post("/leads/" + id + "/convert")
                .then().statusCode(503);
    }

    @Test
    void activities_are_logged_on_a_lead_and_listed_newest_first() {
        String id = (String) sp.newLead(lead("Busy Lead", null)).get("id");
        sp.as("sales_agent").contentType("application/json")
                .body(Map.of("type", "call", "subject", "First call", "notes", "Wants two coaches", "completed_at", "2026-11-02T10:00:00-05:00"))
                .post("/leads/" + id + "/activities").then().statusCode(201).body("type", equalTo("call")).body("lead_id", equalTo(id));
        sp.as("manager").contentType("application/json").body(Map.of("type", "task", "subject", "Send a quote", "due_at", "2030-01-05T09:00:00Z"))
                .post("/leads/" + id + "/activities").then().statusCode(201).body("completed_at", nullValue());
        sp.as("sales_agent").get("/leads/" + id + "/activities").then().statusCode(200).body("total", equalTo(2))
                .body("items.subject", equalTo(List.of("Send a quote", "First call")));
        sp.as("sales_agent").queryParam("type", "call").get("/leads/" + id + "/activities").then().statusCode(200)
                .body("items.subject", equalTo(List.of("First call")));
    }

    @Test
    void bad_activity_input_is_refused_and_writes_nothing() {
        String id = (String) sp.newLead(lead("Quiet Lead", null)).get("id");
        long before = sp.count("sales.activity");
        String path = "/leads/" + id + "/activities";
        sp.rawAs("sales_agent").contentType("application/json").body("{").post(path).then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("type", "call")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("subject"));
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("type", "fax", "subject", "x")).post(path).then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("type", "note", "subject", "x", "due_at", "tomorrow")).post(path)
                .then().statusCode(400);
        sp.as("sales_agent").contentType("application/json").body(Map.of("type", "call", "subject", "x", "completed_at", "2099-01-01T00:00:00Z"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("completed_at"));
        sp.as("sales_agent").contentType("application/json").body(Map.of("type", "note", "subject", "x"))
                .post("/leads/" + UUID.randomUUID() + "/activities").then().statusCode(404);
        sp.rawAs("dispatcher").contentType("application/json").body(Map.of("type", "note", "subject", "x")).post(path).then().statusCode(403);
        sp.rawAs("dispatcher").get(path).then().statusCode(403);
        sp.as("sales_agent").get("/leads/" + UUID.randomUUID() + "/activities").then().statusCode(404);
        sp.rawAs("sales_agent").queryParam("type", "fax").get(path).then().statusCode(400);
        assertEquals(before, sp.count("sales.activity"));
    }
}
