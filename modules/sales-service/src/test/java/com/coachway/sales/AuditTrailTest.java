package com.coachway.sales;

import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sales' audit-worthy actions leave exactly one entry each in the platform audit trail (a
 * recording stand-in for change-mgmt-service's /audit-events), keyed by its outbox id and naming
 * who acted; a refusal, a replay or a change to what already is leaves none; a 5xx is redelivered
 * under the same key. (lead.converted needs the real client- and charter-service: ConversionTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    String actor(String role) {
        return AuditTrailReceiver.actorOf(sp.platform.token(role));
    }

    @Test
    void a_reassignment_leaves_one_entry_from_agent_to_agent_and_a_refusal_or_no_op_none() {
        String first = sp.agent("Ann First");
        String second = sp.agent("Bob Second");
        var body = SalesPlatform.lead("Reassigned " + UUID.randomUUID(), null);
        body.put("assigned_to", first);
        var lead = sp.newLead(body);
        String id = (String) lead.get("id");

        // refused: an unknown agent, a role outside sales; a no-op: the agent it already has
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", UUID.randomUUID().toString()))
                .post("/leads/" + id + "/assign").then().statusCode(400);
        sp.rawAs("dispatcher").contentType("application/json").body(Map.of("agent_id", second)).post("/leads/" + id + "/assign")
                .then().statusCode(403);
        sp.as("sales_agent").contentType("application/json").body(Map.of("agent_id", first)).post("/leads/" + id + "/assign")
                .then().statusCode(200);
        sp.as("sales_agent").contentType("application/json").body(Map.of("version", 1, "assigned_to", first)).patch("/leads/" + id)
                .then().statusCode(409);
        assertEquals(0, sp.auditRows(id));

        sp.as("manager").contentType("application/json").body(Map.of("agent_id", second)).post("/leads/" + id + "/assign")
                .then().statusCode(200);
        var entry = sp.audit.awaitOne("lead.reassigned", id);
        assertEquals(sp.auditOutboxId("lead.reassigned", id), entry.key(), "the Idempotency-Key is the outbox id");
        assertTrue(entry.bearer());
        assertEquals("sales-service", entry.body().path("service").asText());
        assertEquals("lead", entry.body().path("entity_type").asText());
        assertEquals(actor("manager"), entry.body().path("actor").asText());
        assertEquals(first, entry.body().path("from").asText());
        assertEquals(second, entry.body().path("to").asText());
        assertEquals(lead.get("reference"), entry.body().path("details").path("reference").asText());

        // a PATCH of assigned_to is a reassignment too
        int version = sp.as("admin").get("/leads/" + id).path("version");
        sp.as("sales_agent").contentType("application/json").body(Map.of("version", version, "assigned_to", first)).patch("/leads/" + id)
                .then().statusCode(200);
        SalesPlatform.await(() -> sp.audit.entries("lead.reassigned", id).size() == 2, () -> "no second entry: " + sp.audit.entries());
        var back = sp.audit.entries("lead.reassigned", id).get(1);
        assertEquals(second, back.body().path("from").asText());
        assertEquals(first, back.body().path("to").asText());
        assertEquals(actor("sales_agent"), back.body().path("actor").asText());
        assertEquals(2, sp.auditRows(id));
    }

    @Test
    void deactivating_and_activating_an_agent_leave_one_entry_each_and_setting_what_is_none() {
        String agent = sp.agent("Cleo Cycle");
        sp.as("manager").contentType("application/json").body(Map.of("active", true)).patch("/agents/" + agent)
                .then().statusCode(200);
        sp.as("sales_agent").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + agent).then().statusCode(403);
        sp.rawAs("manager").contentType("application/json").body(Map.of("active", "no")).patch("/agents/" + agent).then().statusCode(400);
        assertEquals(0, sp.auditRows(agent));
        assertEquals(1, (int) sp.as("admin").get("/agents/" + agent).path("version"), "a no-op makes no new version");

        sp.as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + agent).then().statusCode(200);
        var off = sp.audit.awaitOne("agent.deactivated", agent);
        assertEquals(sp.auditOutboxId("agent.deactivated", agent), off.key());
        assertEquals("active", off.body().path("from").asText());
        assertEquals("inactive", off.body().path("to").asText());
        assertEquals(actor("manager"), off.body().path("actor").asText());
        sp.as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + agent).then().statusCode(200);
        sp.as("admin").contentType("application/json").body(Map.of("active", true)).patch("/agents/" + agent).then().statusCode(200);
        var on = sp.audit.awaitOne("agent.activated", agent);
        assertEquals(actor("admin"), on.body().path("actor").asText());
        assertEquals(2, sp.auditRows(agent));
        assertEquals(1, sp.audit.entries("agent.deactivated", agent).size());
    }

    @Test
    void a_campaign_leaves_one_entry_and_its_keyed_replay_or_a_refusal_none() {
        sp.newLead(withSource("Event One", "one@audit-campaign.com", "event"));
        sp.newLead(withSource("Event Two", "two@audit-campaign.com", "event"));
        long before = sp.rows("select 1 from sales.outbox where topic = 'audit.campaign.created'").size();
        sp.as("manager").contentType("application/json")
                .body(Map.of("name", "Nobody", "subject", "S", "body", "B", "audience", Map.of("sources", List.of("repeat"))))
                .post("/campaigns").then().statusCode(400);
        sp.as("sales_agent").contentType("application/json")
                .body(Map.of("name", "Not yours", "subject", "S", "body", "B", "audience", Map.of("sources", List.of("event"))))
                .post("/campaigns").then().statusCode(403);
        assertEquals(before, sp.rows("select 1 from sales.outbox where topic = 'audit.campaign.created'").size());

        var body = Map.of("name", "Event season", "subject", "Events", "body", "Come along.", "audience", Map.of("sources", List.of("event")));
        String id = sp.as("manager").contentType("application/json").header("Idempotency-Key", "audit-campaign").body(body)
                .post("/campaigns").then().statusCode(201).extract().path("id");
        var entry = sp.audit.awaitOne("campaign.created", id);
        assertEquals(sp.auditOutboxId("campaign.created", id), entry.key());
        assertEquals(actor("manager"), entry.body().path("actor").asText());
        assertEquals("Event season", entry.body().path("details").path("name").asText());
        assertEquals(2, entry.body().path("details").path("audience_size").asInt());
        assertEquals(2, entry.body().path("details").path("queued").asInt());

        sp.as("manager").contentType("application/json").header("Idempotency-Key", "audit-campaign").body(body)
                .post("/campaigns").then().statusCode(201);
        assertEquals(1, sp.auditRows(id));
    }

    @Test
    void an_opt_out_by_staff_or_by_the_link_leaves_one_entry_and_a_repeat_or_an_opt_in_none() {
        String staffOut = "staff.out@audit-prefs.com";
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true)).put("/email-preferences/" + staffOut)
                .then().statusCode(200);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", "no")).put("/email-preferences/" + staffOut)
                .then().statusCode(400);
        assertEquals(0, sp.auditRows(staffOut));
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", false)).put("/email-preferences/" + "Staff.Out@Audit-Prefs.com")
                .then().statusCode(200);
        var staff = sp.audit.awaitOne("email.unsubscribed", staffOut);
        assertEquals(sp.auditOutboxId("email.unsubscribed", staffOut), staff.key());
        assertEquals(actor("sales_agent"), staff.body().path("actor").asText());
        assertEquals("email_preference", staff.body().path("entity_type").asText());
        assertEquals("staff", staff.body().path("details").path("source").asText());
        sp.as("manager").contentType("application/json").body(Map.of("marketing_opt_in", false)).put("/email-preferences/" + staffOut)
                .then().statusCode(200);
        assertEquals(1, sp.auditRows(staffOut), "already opted out: no second entry");

        // the public link: actor system; an unknown token and a repeat leave nothing
        String linkOut = "link.out@audit-prefs.com";
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true)).put("/email-preferences/" + linkOut)
                .then().statusCode(200);
        String token = (String) sp.rows("select unsubscribe_token from sales.email_preference where email = ?", linkOut).getFirst()
                .get("unsubscribe_token");
        sp.anonymous().contentType("application/json").body(Map.of("token", "not-a-token")).post("/unsubscribe").then().statusCode(404);
        sp.anonymous().contentType("application/json").body(Map.of("token", token)).post("/unsubscribe").then().statusCode(200);
        var link = sp.audit.awaitOne("email.unsubscribed", linkOut);
        assertEquals("system", link.body().path("actor").asText());
        assertEquals("unsubscribe", link.body().path("details").path("source").asText());
        sp.anonymous().contentType("application/json").body(Map.of("token", token)).post("/unsubscribe").then().statusCode(200);
        assertEquals(1, sp.auditRows(linkOut));
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        String agent = sp.agent("Rhea Retry");
        sp.audit.unavailable(true);
        String key;
        try {
            sp.as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + agent).then().statusCode(200);
            key = sp.auditOutboxId("agent.deactivated", agent);
            sp.audit.awaitAttempt(key);
            SalesPlatform.await(() -> !sp.rows("select 1 from sales.outbox where id = ?::uuid and status = 'pending' and attempts >= 1"
                    + " and last_error like '%503%' and leased_until is null", key).isEmpty(), () -> "no failed attempt recorded");
        } finally {
            sp.audit.unavailable(false);
        }
        // the backoff puts the next attempt seconds away: make it due now instead of waiting it out
        assertEquals(1, Rows.execute(sp.platform.databaseUrl(), "update sales.outbox set next_attempt_at = now() where id = ?::uuid", key));
        SalesPlatform.await(() -> "delivered".equals(sp.rows("select status from sales.outbox where id = ?::uuid", key).getFirst().get("status")),
                () -> "not delivered");
        var statuses = sp.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(key, sp.audit.awaitOne("agent.deactivated", agent).key());
    }

    static Map<String, Object> withSource(String name, String email, String source) {
        var l = SalesPlatform.lead(name, email);
        l.put("source", source);
        return l;
    }
}
