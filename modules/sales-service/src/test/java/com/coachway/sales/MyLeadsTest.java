package com.coachway.sales;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A signed-in agent finds itself (GET /agents/me) and its own leads (assigned_to=me). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyLeadsTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    @Test
    void an_agent_resolves_itself_and_lists_only_its_own_leads() {
        var me = sp.signedInAgent("Mia Mine");
        var other = sp.signedInAgent("Oli Other");
        sp.withToken(me.token()).get("/agents/me").then().statusCode(200).body("id", equalTo(me.agentId()))
                .body("user_id", equalTo(me.userId())).body("name", equalTo("Mia Mine"));

        var mineBody = SalesPlatform.lead("Mine " + UUID.randomUUID(), null);
        mineBody.put("assigned_to", me.agentId());
        String mine = (String) sp.newLead(mineBody).get("id");
        var theirsBody = SalesPlatform.lead("Theirs " + UUID.randomUUID(), null);
        theirsBody.put("assigned_to", other.agentId());
        String theirs = (String) sp.newLead(theirsBody).get("id");

        sp.withToken(me.token()).queryParam("assigned_to", "me").get("/leads").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)))
                .body("items.assigned_to", everyItem(equalTo(me.agentId())));
        sp.withToken(me.token()).queryParams(Map.of("assigned_to", "me", "status", "new")).get("/leads").then().statusCode(200)
                .body("items.id", equalTo(List.of(mine)));
        // the id the UI resolved names the same list, for anyone in sales
        sp.as("manager").queryParam("assigned_to", me.agentId()).get("/leads").then().statusCode(200).body("items.id", equalTo(List.of(mine)));
        // a deactivated agent still is itself, and still has its leads
        sp.deactivate(me.agentId());
        sp.withToken(me.token()).get("/agents/me").then().statusCode(200).body("active", equalTo(false));
        sp.withToken(me.token()).queryParam("assigned_to", "me").get("/leads").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void a_caller_who_is_no_agent_has_no_agent_and_no_leads_of_its_own() {
        sp.newLead(SalesPlatform.lead("Someone's " + UUID.randomUUID(), null));
        sp.as("manager").get("/agents/me").then().statusCode(404).contentType(org.hamcrest.Matchers.containsString("problem+json"));
        sp.as("manager").queryParam("assigned_to", "me").get("/leads").then().statusCode(200).body("total", equalTo(0));
        sp.rawAs("sales_agent").queryParam("assigned_to", "mine").get("/leads").then().statusCode(400);
        sp.rawAs("sales_agent").queryParam("assigned_to", "12345").get("/leads").then().statusCode(400);
        sp.as("dispatcher").get("/agents/me").then().statusCode(403);
        sp.rawAnonymous().get("/agents/me").then().statusCode(401);
    }
}
