package com.coachway.sales;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task is completed, reopened and rescheduled by PATCH (versioned); the open tasks due are listed across leads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasksTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    static String at(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String lead() {
        return (String) sp.newLead(SalesPlatform.lead("Task Lead " + UUID.randomUUID(), null)).get("id");
    }

    Response task(String role, String lead, String subject, OffsetDateTime due) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", "task", "subject", subject));
        if (due != null) body.put("due_at", at(due));
        return sp.as(role).contentType("application/json").body(body).post("/leads/" + lead + "/activities");
    }

    Response patch(String role, String lead, String id, Map<String, Object> body) {
        return sp.as(role).contentType("application/json").body(body).patch("/leads/" + lead + "/activities/" + id);
    }

    /** Not validated against the contract on the way out: for bodies the contract refuses. */
    Response rawPatch(String lead, String id, Map<String, Object> body) {
        return sp.rawAs("sales_agent").contentType("application/json").body(body).patch("/leads/" + lead + "/activities/" + id);
    }

    Map<String, Object> row(String id) {
        return sp.rows("select subject, notes, due_at, completed_at, version from sales.activity where id = ?::uuid", id).getFirst();
    }

    @Test
    void an_agent_completes_a_task_reopens_it_and_moves_its_due_date() {
        String lead = lead();
        var made = task("sales_agent", lead, "Call back about the quote", OffsetDateTime.now().plusDays(1));
        made.then().statusCode(201).body("version", equalTo(1)).body("completed_at", nullValue()).body("updated_at", notNullValue());
        String id = made.path("id");

        String done = at(OffsetDateTime.now().minusMinutes(5));
        patch("sales_agent", lead, id, Map.of("version", 1, "completed_at", done)).then().statusCode(200)
                .body("version", equalTo(2)).body("completed_at", notNullValue()).body("subject", equalTo("Call back about the quote"));
        assertEquals(OffsetDateTime.parse(done).toInstant(), ((java.sql.Timestamp) row(id).get("completed_at")).toInstant());

        var reopen = new HashMap<String, Object>();
        reopen.put("version", 2);
        reopen.put("completed_at", null);
        reopen.put("due_at", at(OffsetDateTime.now().plusDays(3)));
        reopen.put("notes", "Client asked for next week");
        patch("manager", lead, id, reopen).then().statusCode(200).body("version", equalTo(3)).body("completed_at", nullValue())
                .body("notes", equalTo("Client asked for next week"));
        sp.as("admin").get("/leads/" + lead + "/activities").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].version", equalTo(3)).body("items[0].completed_at", nullValue());
    }

    @Test
    void a_stale_version_a_future_completion_or_bad_input_is_refused_and_nothing_changes() {
        String lead = lead();
        String id = task("sales_agent", lead, "Send brochure", null).then().statusCode(201).extract().path("id");
        var before = row(id);

        patch("sales_agent", lead, id, Map.of("version", 7, "subject", "Stale")).then().statusCode(409);
        patch("sales_agent", lead, id, Map.of("version", 1, "completed_at", at(OffsetDateTime.now().plusHours(2)))).then()
                .statusCode(400).body("errors.field", hasItem("completed_at"));
        rawPatch(lead, id, Map.of("version", "one", "subject", "x")).then().statusCode(400);
        rawPatch(lead, id, Map.of("version", 1, "completed_at", "yesterday")).then().statusCode(400);
        rawPatch(lead, id, Map.of("version", 1, "subject", "")).then().statusCode(400);
        rawPatch(lead, id, Map.of("version", 1, "type", "call")).then().statusCode(400);
        rawPatch(lead, id, Map.of("subject", "no version")).then().statusCode(400);
        rawPatch(lead, id, Map.of("version", 1)).then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body("{\"version\": 1, ").patch("/leads/" + lead + "/activities/" + id)
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        // unknown ids, and an activity reached through another lead
        patch("sales_agent", lead, UUID.randomUUID().toString(), Map.of("version", 1, "subject", "x")).then().statusCode(404);
        patch("sales_agent", UUID.randomUUID().toString(), id, Map.of("version", 1, "subject", "x")).then().statusCode(404);
        patch("sales_agent", lead(), id, Map.of("version", 1, "subject", "x")).then().statusCode(404);
        patch("sales_agent", lead, "not-a-uuid", Map.of("version", 1, "subject", "x")).then().statusCode(404);
        // roles outside sales
        for (String role : new String[]{"dispatcher", "accountant"}) {
            patch(role, lead, id, Map.of("version", 1, "subject", "x")).then().statusCode(403);
        }
        sp.rawAnonymous().contentType("application/json").body(Map.of("version", 1, "subject", "x"))
                .patch("/leads/" + lead + "/activities/" + id).then().statusCode(401);
        assertEquals(before, row(id));
    }

    @Test
    void my_open_tasks_due_are_the_open_tasks_of_my_leads_due_before_the_bound() {
        var me = sp.signedInAgent("Tess Tasker");
        var other = sp.signedInAgent("Otto Other");
        String mine = (String) sp.newLead(withAgent("Mine", me.agentId())).get("id");
        String theirs = (String) sp.newLead(withAgent("Theirs", other.agentId())).get("id");
        OffsetDateTime now = OffsetDateTime.now();
        String dueSoon = task("sales_agent", mine, "Due soon", now.plusHours(2)).path("id");
        String dueLater = task("sales_agent", mine, "Due later", now.plusDays(10)).path("id");
        String noDue = task("sales_agent", mine, "No due date", null).path("id");
        String doneSoon = task("sales_agent", mine, "Done already", now.plusHours(1)).path("id");
        patch("sales_agent", mine, doneSoon, Map.of("version", 1, "completed_at", at(now.minusMinutes(1)))).then().statusCode(200);
        String call = sp.as("sales_agent").contentType("application/json")
                .body(Map.of("type", "call", "subject", "A call", "due_at", at(now.plusHours(1)))).post("/leads/" + mine + "/activities").path("id");
        String othersTask = task("sales_agent", theirs, "Not mine", now.plusHours(2)).path("id");

        var q = Map.<String, Object>of("type", "task", "open", true, "due_before", at(now.plusDays(1)), "assigned_to", "me");
        sp.withToken(me.token()).queryParams(q).get("/activities").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(java.util.List.of(dueSoon)));
        // the agent's id names the same list
        sp.as("manager").queryParams(Map.of("type", "task", "open", true, "due_before", at(now.plusDays(1)), "assigned_to", me.agentId()))
                .get("/activities").then().statusCode(200).body("items.id", equalTo(java.util.List.of(dueSoon)));
        sp.withToken(me.token()).queryParams(Map.of("type", "task", "open", true, "assigned_to", "me")).get("/activities").then()
                .statusCode(200).body("total", equalTo(3)).body("items.id", hasItem(noDue)).body("items.id", hasItem(dueLater))
                .body("items.id", not(hasItem(doneSoon))).body("items.id", not(hasItem(othersTask))).body("items.id", not(hasItem(call)));
        sp.withToken(me.token()).queryParams(Map.of("open", false, "assigned_to", "me")).get("/activities").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(doneSoon)));
        // a caller who is no agent has no leads of its own
        sp.as("manager").queryParams(Map.of("assigned_to", "me")).get("/activities").then().statusCode(200).body("total", equalTo(0));

        // bounded, and paged by keyset like the other lists
        var first = sp.withToken(me.token()).queryParams(Map.of("assigned_to", "me", "limit", 2)).get("/activities");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue());
        sp.withToken(me.token()).queryParams(Map.of("assigned_to", "me", "limit", 2, "after", (String) first.path("next"))).get("/activities")
                .then().statusCode(200).body("items.id", everyItem(not(org.hamcrest.Matchers.in((java.util.List<String>) first.path("items.id")))));
    }

    @Test
    void a_bad_filter_is_a_400_and_a_role_outside_sales_a_403() {
        sp.rawAs("sales_agent").queryParam("open", "maybe").get("/activities").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("type", "lunch").get("/activities").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("due_before", "tomorrow").get("/activities").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("assigned_to", "you").get("/activities").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("limit", 201).get("/activities").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("after", "garbage").get("/activities").then().statusCode(400);
        // a cursor of one lead's list is not one of the list across leads
        String lead = lead();
        task("sales_agent", lead, "One", null);
        task("sales_agent", lead, "Two", null);
        String next = sp.as("sales_agent").queryParam("limit", 1).get("/leads/" + lead + "/activities").path("next");
        sp.rawAs("sales_agent").queryParam("after", next).get("/activities").then().statusCode(400);
        sp.as("dispatcher").get("/activities").then().statusCode(403);
        sp.rawAnonymous().get("/activities").then().statusCode(401);
    }

    static Map<String, Object> withAgent(String name, String agentId) {
        var l = SalesPlatform.lead(name, null);
        l.put("assigned_to", agentId);
        return l;
    }
}
