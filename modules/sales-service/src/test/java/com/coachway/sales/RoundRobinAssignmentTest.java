package com.coachway.sales;

import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coachway.sales.SalesPlatform.lead;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** New leads go to the agents in turn, fairly even when they arrive at the same moment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundRobinAssignmentTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        // 50 requests at once queue for a pool of 6 connections: let them wait for one as long as the
        // slowest CI machine needs rather than answer 503 (what this test is about is the split)
        sp = new SalesPlatform(Map.of("DB_CONNECT_TIMEOUT_MS", "10000"));
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    @BeforeEach
    void freshRotation() {
        sp.deactivateAll();
    }

    String assignee(Map<String, Object> body) {
        return (String) sp.newLead(body).get("assigned_to");
    }

    @Test
    void fifty_leads_created_at_the_same_moment_over_five_active_agents_give_each_exactly_ten() throws Exception {
        var agents = new ArrayList<String>();
        for (int i = 0; i < 5; i++) agents.add(sp.agent("Concurrent Agent " + i));
        String resting = sp.agent("Resting Agent");
        sp.deactivate(resting);
        String token = sp.platform.token("sales_agent");
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 50; i++) {
            var body = lead("Concurrent Lead " + i, "concurrent-" + i + "@example.com");
            calls.add(() -> sp.platform.api(SalesPlatform.SALES).auth().oauth2(token).contentType("application/json").body(body).post("/leads"));
        }
        List<Response> answers = Together.run(calls);
        var perAgent = new HashMap<String, Integer>();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r::asString);
            perAgent.merge(r.path("assigned_to"), 1, Integer::sum);
        }
        assertEquals(Map.of(agents.get(0), 10, agents.get(1), 10, agents.get(2), 10, agents.get(3), 10, agents.get(4), 10), perAgent);
        // and the database agrees: no turn was given twice, the resting agent got none
        for (String a : agents) {
            assertEquals(10, sp.rows("select 1 from sales.lead where assigned_to = ?::uuid and name like 'Concurrent Lead %'", a).size());
        }
        assertEquals(0, sp.rows("select 1 from sales.lead where assigned_to = ?::uuid", resting).size());
    }

    @Test
    void turns_follow_the_order_agents_were_made_in_and_skip_a_deactivated_agent() {
        String a = sp.agent("Agent A");
        String b = sp.agent("Agent B");
        String c = sp.agent("Agent C");
        assertEquals(List.of(a, b, c, a), List.of(assignee(lead("L1", null)), assignee(lead("L2", null)), assignee(lead("L3", null)),
                assignee(lead("L4", null))));
        sp.deactivate(b);
        assertEquals(List.of(c, a, c), List.of(assignee(lead("L5", null)), assignee(lead("L6", null)), assignee(lead("L7", null))));
        sp.as("manager").contentType("application/json").body(Map.of("active", true)).patch("/agents/" + b)
                .then().statusCode(200).body("active", equalTo(true)).body("version", equalTo(3));
        assertEquals(List.of(a, b), List.of(assignee(lead("L8", null)), assignee(lead("L9", null))));
    }

    @Test
    void a_lead_given_to_an_agent_by_hand_does_not_move_the_turn() {
        String a = sp.agent("Hand A");
        String b = sp.agent("Hand B");
        assertEquals(a, assignee(lead("H1", null)));
        var byHand = lead("H2", null);
        byHand.put("assigned_to", a);
        assertEquals(a, assignee(byHand));
        assertEquals(b, assignee(lead("H3", null)));
    }

    @Test
    void with_no_active_agent_a_lead_is_created_unassigned() {
        sp.newLead(lead("Nobody's", null));
        sp.createLead(lead("Nobody's either", null)).then().statusCode(201).body("assigned_to", nullValue());
    }

    @Test
    void a_lead_cannot_be_given_to_an_unknown_or_inactive_agent_and_nothing_is_written() {
        String off = sp.agent("Off Duty");
        sp.deactivate(off);
        long before = sp.count("sales.lead");
        var toOff = lead("To Off", null);
        toOff.put("assigned_to", off);
        sp.createLead(toOff).then().statusCode(400).body("errors.field", hasItem("assigned_to"));
        var toNobody = lead("To Nobody", null);
        toNobody.put("assigned_to", UUID.randomUUID().toString());
        sp.createLead(toNobody).then().statusCode(400).body("errors.field", hasItem("assigned_to"));
        assertEquals(before, sp.count("sales.lead"));
    }
}
