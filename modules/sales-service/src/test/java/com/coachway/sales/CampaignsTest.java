package com.coachway.sales;

import com.coachway.common.http.Json;
import com.coachway.testkit.RecordingNeighbour;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.coachway.sales.SalesPlatform.await;
import static com.coachway.sales.SalesPlatform.lead;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Marketing reaches the audience's addresses through notification-service, and never an opted-out one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignsTest {
    static final Pattern TOKEN = Pattern.compile("unsubscribe\\?token=([A-Za-z0-9_-]+)");
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    /** Each test waits for its own deliveries, so what the neighbour recorded before is another test's. */
    @BeforeEach
    void forgetEarlierEmails() {
        sp.notifications.answer(202, SalesPlatform.queued());
    }

    /** Leads of a fresh source-free tag: each test uses its own status/source mix through the name. */
    Map<String, Object> leadOf(String email, String source) {
        var l = lead("Lead " + email, email);
        l.put("source", source);
        return l;
    }

    Response campaign(String name, Map<String, Object> audience, String key) {
        var r = sp.as("manager").contentType("application/json");
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(Map.of("name", name, "subject", "Spring charters", "body", "Book your spring trip now.", "audience", audience))
                .post("/campaigns");
    }

    static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<RecordingNeighbour.Request> emails() {
        return sp.notifications.requests().stream().filter(q -> q.path().equals("/notifications")).toList();
    }

    Set<String> addressesReached() {
        return emails().stream().map(q -> json(q.body()).path("to").asText()).collect(Collectors.toSet());
    }

    void awaitSettled(String id) {
        await(() -> sp.as("manager").get("/campaigns/" + id).<Integer>path("queued") == 0,
                () -> "campaign " + id + " still has queued emails: " + sp.as("manager").get("/campaigns/" + id).asString()
                        + sp.rows("select status, attempts, last_error from sales.outbox"));
    }

    @Test
    void a_campaign_reaches_every_opted_in_address_of_its_audience_once_and_no_opted_out_one() {
        sp.newLead(leadOf("Alice@Campaign-One.com", "event"));
        sp.newLead(leadOf("alice@campaign-one.com", "event"));       // the same inbox twice
        sp.newLead(leadOf("bob@campaign-one.com", "event"));
        sp.newLead(leadOf("carol@campaign-one.com", "event"));
        sp.newLead(leadOf("dave@campaign-one.com", "event"));
        sp.newLead(lead("No Email", null));
        // carol opted out by staff; dave by the link of an earlier campaign (his token, as a stored preference)
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", false))
                .put("/email-preferences/carol@campaign-one.com").then().statusCode(200);
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true))
                .put("/email-preferences/dave@campaign-one.com").then().statusCode(200);
        String daveToken = (String) sp.rows("select unsubscribe_token from sales.email_preference where email = 'dave@campaign-one.com'")
                .getFirst().get("unsubscribe_token");
        sp.anonymous().contentType("application/json").body(Map.of("token", daveToken)).post("/unsubscribe").then().statusCode(200);

        var r = campaign("Spring", Map.of("sources", List.of("event")), null);
        r.then().statusCode(201).body("audience_size", equalTo(4)).body("recipients", equalTo(2)).body("suppressed", equalTo(2))
                .body("audience.sources", equalTo(List.of("event")));
        String id = r.path("id");
        assertEquals("/campaigns/" + id, r.header("Location"));
        awaitSettled(id);
        sp.as("manager").get("/campaigns/" + id).then().statusCode(200).body("sent", equalTo(2)).body("suppressed", equalTo(2))
                .body("queued", equalTo(0));
        assertEquals(Set.of("alice@campaign-one.com", "bob@campaign-one.com"), addressesReached());
        assertEquals(2, emails().size());
        for (var q : emails()) {
            var body = json(q.body());
            assertEquals("email", body.path("channel").asText());
            assertEquals("Spring charters", body.path("subject").asText());
            assertTrue(body.path("body").asText().startsWith("Book your spring trip now."));
            assertTrue(body.path("body").asText().contains("https://coachway.example/api/v1/sales/unsubscribe?token="), body::toString);
            assertTrue(q.bearer(), "sales-service calls with its service token");
            assertEquals(1, sp.rows("select 1 from sales.outbox where id = ?::uuid and status = 'delivered'", q.idempotencyKey()).size(),
                    "the outbox event id is the Idempotency-Key");
        }
        sp.as("admin").get("/campaigns").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void the_link_in_a_marketing_email_unsubscribes_and_the_next_campaign_skips_the_address() {
        sp.newLead(leadOf("erin@campaign-two.com", "phone"));
        sp.newLead(leadOf("frank@campaign-two.com", "phone"));
        var audience = Map.<String, Object>of("sources", List.of("phone"), "statuses", List.of("new"));
        String first = campaign("Two, first", audience, null).then().statusCode(201).extract().path("id");
        awaitSettled(first);
        var erinsEmail = emails().stream().filter(q -> json(q.body()).path("to").asText().equals("erin@campaign-two.com")).findFirst().orElseThrow();
        var m = TOKEN.matcher(json(erinsEmail.body()).path("body").asText());
        assertTrue(m.find());
        sp.anonymous().contentType("application/json").body(Map.of("token", m.group(1))).post("/unsubscribe").then().statusCode(200);

        sp.notifications.answer(202, SalesPlatform.queued());
        String second = campaign("Two, second", audience, null).then().statusCode(201)
                .body("recipients", equalTo(1)).body("suppressed", equalTo(1)).extract().path("id");
        awaitSettled(second);
        assertEquals(Set.of("frank@campaign-two.com"), addressesReached());
    }

    @Test
    void a_retry_under_the_same_key_is_the_same_campaign_and_another_body_is_a_conflict() {
        sp.newLead(leadOf("gina@campaign-three.com", "repeat"));
        String key = UUID.randomUUID().toString();
        var audience = Map.<String, Object>of("sources", List.of("repeat"));
        String id = campaign("Three", audience, key).then().statusCode(201).extract().path("id");
        long campaigns = sp.count("sales.campaign");
        long events = sp.count("sales.outbox");
        campaign("Three", audience, key).then().statusCode(201).body("id", equalTo(id));
        campaign("Three, changed", audience, key).then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(campaigns, sp.count("sales.campaign"));
        assertEquals(events, sp.count("sales.outbox"));
        awaitSettled(id);
        assertEquals(Set.of("gina@campaign-three.com"), addressesReached());
        assertEquals(1, emails().size());
    }

    @Test
    void bad_campaign_input_and_the_wrong_roles_are_refused_and_write_nothing() {
        long campaigns = sp.count("sales.campaign");
        long events = sp.count("sales.outbox");
        var ok = Map.<String, Object>of("name", "X", "subject", "S", "body", "B", "audience", Map.of("sources", List.of("website")));
        sp.rawAs("manager").contentType("application/json").body("{\"name\":").post("/campaigns").then().statusCode(400);
        sp.rawAs("manager").contentType("application/json").body(Map.of("name", "X", "subject", "S", "body", "B")).post("/campaigns")
                .then().statusCode(400).body("errors.field", hasItem("audience"));
        sp.rawAs("manager").contentType("application/json")
                .body(Map.of("name", "X", "subject", "S", "body", "B", "audience", Map.of("statuses", List.of("sleeping")))).post("/campaigns")
                .then().statusCode(400);
        sp.rawAs("manager").contentType("application/json")
                .body(Map.of("name", "X", "subject", "S", "body", "B", "audience", Map.of("sources", "website"))).post("/campaigns")
                .then().statusCode(400);
        sp.rawAs("manager").contentType("application/json")
                .body(Map.of("name", "X", "subject", "S", "body", "B", "audience", Map.of("everyone", true))).post("/campaigns")
                .then().statusCode(400);
        sp.rawAs("manager").contentType("application/json").body(Map.of("name", "", "subject", "S", "body", "B", "audience", Map.of()))
                .post("/campaigns").then().statusCode(400);
        // an audience without a single address
        sp.as("manager").contentType("application/json")
                .body(Map.of("name", "X", "subject", "S", "body", "B", "audience", Map.of("statuses", List.of("won"), "sources", List.of("other"))))
                .post("/campaigns").then().statusCode(400).body("errors.field", hasItem("audience"));
        sp.rawAs("sales_agent").contentType("application/json").body(ok).post("/campaigns").then().statusCode(403);
        sp.rawAs("dispatcher").contentType("application/json").body(ok).post("/campaigns").then().statusCode(403);
        sp.rawAnonymous().contentType("application/json").body(ok).post("/campaigns").then().statusCode(401);
        sp.rawAs("sales_agent").get("/campaigns").then().statusCode(403);
        sp.as("manager").get("/campaigns/" + UUID.randomUUID()).then().statusCode(404);
        sp.as("manager").get("/campaigns/nope").then().statusCode(404);
        sp.rawAs("manager").queryParam("after", "garbage").get("/campaigns").then().statusCode(400);
        assertEquals(campaigns, sp.count("sales.campaign"));
        assertEquals(events, sp.count("sales.outbox"));
    }
}
