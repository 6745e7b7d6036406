package com.coachway.auth;

import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.AuditTrailReceiver.Entry;
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
 * A change of a user's roles, a deactivation and a reactivation, a new role and a change of a
 * role's permissions each leave exactly one entry in the platform audit trail (a recording
 * stand-in for change-mgmt-service's /audit-events), keyed by the outbox id, naming the admin; a
 * refused or no-op change leaves none; a 5xx is redelivered under the same key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    AuthFixture auth;
    String admin;
    String adminId;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        admin = auth.adminToken();
        adminId = AuditTrailReceiver.actorOf(admin);
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(auth.svc.databaseUrl(), sql, params);
    }

    private long auditRows(String entityId) {
        return rows("select 1 from auth.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", entityId).size();
    }

    private String outboxId(String action, String entityId) {
        var found = rows("select id::text as id from auth.outbox where topic = ? and payload->>'entity_id' = ?", "audit." + action, entityId);
        assertEquals(1, found.size(), () -> "one " + action + " row about " + entityId + ": " + found);
        return (String) found.getFirst().get("id");
    }

    private Entry one(String action, String entityType, String entityId, String from, String to) {
        Entry e = auth.audit.awaitOne(action, entityId);
        assertEquals(outboxId(action, entityId), e.key(), "the Idempotency-Key is the outbox id");
        assertTrue(e.bearer(), "sent with a service token");
        assertEquals("auth-service", e.body().path("service").asText());
        assertEquals(entityType, e.body().path("entity_type").asText());
        assertEquals(adminId, e.body().path("actor").asText());
        assertEquals(from, e.body().path("from").isNull() ? null : e.body().path("from").asText());
        assertEquals(to, e.body().path("to").asText());
        assertTrue(e.body().hasNonNull("occurred_at"));
        return e;
    }

    private int version(String id) {
        return auth.svc.api().auth().oauth2(admin).get("/users/" + id).then().statusCode(200).extract().path("version");
    }

    private io.restassured.response.Response patch(String id, Map<String, Object> body) {
        var withVersion = new java.util.HashMap<String, Object>(body);
        withVersion.put("version", version(id));
        return auth.svc.api().auth().oauth2(admin).contentType("application/json").body(withVersion).patch("/users/" + id);
    }

    @Test
    void a_role_change_a_deactivation_and_a_reactivation_each_leave_one_entry() {
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("audited"), List.of("dispatcher"), Map.of());
        assertEquals(0, auditRows(id), "creating a user is not one of the audited actions");

        patch(id, Map.of("roles", List.of("sales_agent", "dispatcher"))).then().statusCode(200);
        one("user.roles_changed", "user", id, "dispatcher", "dispatcher,sales_agent");

        // the same roles in another order, and a change of name only: nothing to audit
        patch(id, Map.of("roles", List.of("dispatcher", "sales_agent"), "full_name", "Dana")).then().statusCode(200);
        assertEquals(1, auditRows(id));

        patch(id, Map.of("active", false)).then().statusCode(200);
        one("user.deactivated", "user", id, "active", "inactive");
        patch(id, Map.of("active", true)).then().statusCode(200);
        one("user.reactivated", "user", id, "inactive", "active");

        auth.svc.api().auth().oauth2(admin).delete("/users/" + id).then().statusCode(204);
        awaitEntries("user.deactivated", id, 2);
        // deactivating an inactive user does nothing, and audits nothing
        auth.svc.api().auth().oauth2(admin).delete("/users/" + id).then().statusCode(204);
        assertEquals(4, auditRows(id));
        assertEquals(1, auth.audit.entries("user.roles_changed", id).size());
        assertEquals(1, auth.audit.entries("user.reactivated", id).size());
    }

    @Test
    void a_refused_change_leaves_no_entry() {
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("refused"), List.of("dispatcher"), Map.of());
        // a stale version, an unknown role, a role without its record, and a non-admin
        auth.svc.api().auth().oauth2(admin).contentType("application/json").body(Map.of("version", 99, "roles", List.of("manager")))
                .patch("/users/" + id).then().statusCode(409);
        patch(id, Map.of("roles", List.of("wizard"))).then().statusCode(400);
        patch(id, Map.of("roles", List.of("client"))).then().statusCode(400);
        String managerEmail = AuthFixture.uniqueEmail("manager");
        auth.createUser(admin, managerEmail, List.of("manager"), Map.of());
        String manager = auth.loginOk(managerEmail, AuthFixture.GOOD_PASSWORD).path("access_token");
        auth.svc.api().auth().oauth2(manager).contentType("application/json").body(Map.of("version", version(id), "active", false))
                .patch("/users/" + id).then().statusCode(403);
        auth.svc.api().auth().oauth2(manager).delete("/users/" + id).then().statusCode(403);
        // an admin cannot deactivate themselves
        auth.svc.api().auth().oauth2(admin).delete("/users/" + adminId).then().statusCode(409);
        assertEquals(0, auditRows(id));
        assertEquals(0, auditRows(adminId));
    }

    @Test
    void a_new_role_and_a_change_of_its_permissions_each_leave_one_entry() {
        String name = "auditor_" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", name, "description", "Reads the books", "permissions", List.of("finance:read")))
                .post("/roles").then().statusCode(201);
        one("role.created", "role", name, null, "finance:read");
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("finance:read", "analytics:read"))).put("/roles/" + name + "/permissions")
                .then().statusCode(200);
        one("role.permissions_changed", "role", name, "finance:read", "analytics:read,finance:read");
        // the same set again, a refused change of admin's, and an unknown permission: none
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("analytics:read", "finance:read"))).put("/roles/" + name + "/permissions")
                .then().statusCode(200);
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("finance:read"))).put("/roles/admin/permissions").then().statusCode(409);
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("nothing:ever"))).put("/roles/" + name + "/permissions").then().statusCode(400);
        assertEquals(2, auditRows(name));
        assertEquals(0, auditRows("admin"));
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("retry"), List.of("dispatcher"), Map.of());
        auth.audit.unavailable(true);
        String key;
        try {
            patch(id, Map.of("roles", List.of("manager"))).then().statusCode(200);
            key = outboxId("user.roles_changed", id);
            auth.audit.awaitAttempt(key);
            awaitUntil(() -> !rows("select 1 from auth.outbox where id = ?::uuid and status = 'pending' and attempts >= 1"
                    + " and last_error like '%503%' and leased_until is null", key).isEmpty(), "a failed attempt recorded");
        } finally {
            auth.audit.unavailable(false);
        }
        // the backoff puts the next attempt 10 s and more away: make it due now instead of waiting it out
        assertEquals(1, Rows.execute(auth.svc.databaseUrl(), "update auth.outbox set next_attempt_at = now() where id = ?::uuid", key));
        awaitUntil(() -> "delivered".equals(rows("select status from auth.outbox where id = ?::uuid", key).getFirst().get("status")), "delivered");
        var statuses = auth.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(key, one("user.roles_changed", "user", id, "dispatcher", "manager").key());
    }

    private void awaitEntries(String action, String entityId, int n) {
        awaitUntil(() -> auth.audit.entries(action, entityId).size() >= n, n + " " + action + " entries");
        assertEquals(n, auth.audit.entries(action, entityId).size());
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not reached: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
