package com.coachway.common.audit;

import com.coachway.common.auth.Caller;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.Json;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.testsupport.EmbeddedDb;
import com.coachway.common.testsupport.FakeService;
import com.coachway.common.testsupport.FakeService.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditTrailTest {
    private static final String SCHEMA = "aud";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneId.of("America/New_York"));
    private static HikariDataSource dataSource;
    private static DSLContext dsl;
    private final Outbox outbox = new Outbox(SCHEMA);
    private final AuditTrail audit = new AuditTrail(outbox, "auth-service", CLOCK, "user.deactivated", "user.roles_changed");
    private final FakeService changeMgmt = new FakeService();

    @BeforeAll
    static void database() {
        dataSource = EmbeddedDb.newDatabaseWithOutbox(SCHEMA, 4);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void empty() {
        dsl.execute("truncate aud.outbox");
    }

    @AfterEach
    void stop() {
        changeMgmt.close();
    }

    @Test
    void an_entry_is_an_outbox_row_of_topic_audit_action_whose_payload_is_the_receivers_body() throws Exception {
        UUID user = UUID.randomUUID();
        UUID id = dsl.transactionResult(c -> audit.append(c.dsl(), "user.deactivated", "user", user, "service:x", "active", "inactive",
                Map.of("reason", "left")));
        var row = dsl.fetchOne("select topic, payload::text from aud.outbox where id = ?", id);
        assertEquals("audit.user.deactivated", row.get(0, String.class));
        JsonNode body = Json.MAPPER.readTree(row.get(1, String.class));
        assertEquals(Set.of("service", "action", "entity_type", "entity_id", "actor", "occurred_at", "from", "to", "details"),
                Set.copyOf(iterable(body)));
        assertEquals("auth-service", body.path("service").asText());
        assertEquals("user.deactivated", body.path("action").asText());
        assertEquals("user", body.path("entity_type").asText());
        assertEquals(user.toString(), body.path("entity_id").asText());
        assertEquals("service:x", body.path("actor").asText());
        assertEquals(Instant.parse("2026-12-01T10:15:30Z"), Instant.parse(body.path("occurred_at").asText()));
        assertEquals("active", body.path("from").asText());
        assertEquals("inactive", body.path("to").asText());
        assertEquals("left", body.path("details").path("reason").asText());
    }

    @Test
    void without_details_the_field_is_left_out_and_null_states_are_nulls() throws Exception {
        UUID id = dsl.transactionResult(c -> audit.append(c.dsl(), "user.roles_changed", "user", "u-1", "system", null, "admin"));
        JsonNode body = Json.MAPPER.readTree(dsl.fetchOne("select payload::text from aud.outbox where id = ?", id).get(0, String.class));
        assertFalse(body.has("details"));
        assertTrue(body.has("from") && body.path("from").isNull());
    }

    @Test
    void a_rolled_back_action_leaves_no_entry() {
        assertThrows(IllegalStateException.class, () -> dsl.transaction(c -> {
            audit.append(c.dsl(), "user.deactivated", "user", "u-1", "system", "active", "inactive");
            throw new IllegalStateException("refused");
        }));
        assertEquals(0, dsl.fetchCount(DSL.table(DSL.name(SCHEMA, "outbox"))));
    }

    @Test
    void an_undeclared_action_or_a_bad_shape_is_a_programming_error() {
        dsl.transaction(c -> {
            assertThrows(IllegalArgumentException.class, () -> audit.append(c.dsl(), "user.deleted", "user", "u", "system", null, null));
            assertThrows(IllegalArgumentException.class, () -> audit.append(c.dsl(), "user.deactivated", "User", "u", "system", null, null));
            assertThrows(IllegalArgumentException.class, () -> audit.append(c.dsl(), "user.deactivated", "user", "", "system", null, null));
            assertThrows(IllegalArgumentException.class, () -> audit.append(c.dsl(), "user.deactivated", "user", "u", "", null, null));
        });
        assertThrows(IllegalArgumentException.class, () -> new AuditTrail(outbox, "auth-service", CLOCK, "deactivated"));
        assertThrows(IllegalArgumentException.class, () -> new AuditTrail(outbox, "Auth", CLOCK, "user.deactivated"));
        assertEquals(0, dsl.fetchCount(DSL.table(DSL.name(SCHEMA, "outbox"))));
    }

    @Test
    void a_long_state_is_cut_to_the_receivers_200_characters() throws Exception {
        UUID id = dsl.transactionResult(c -> audit.append(c.dsl(), "user.roles_changed", "user", "u", "system", "x".repeat(500), "y"));
        JsonNode body = Json.MAPPER.readTree(dsl.fetchOne("select payload::text from aud.outbox where id = ?", id).get(0, String.class));
        assertEquals(200, body.path("from").asText().length());
    }

    @Test
    void the_actor_is_the_user_id_or_service_and_client_id_or_system() {
        UUID user = UUID.randomUUID();
        var person = new Caller(user.toString(), user, "a@b.c", Set.of("admin"), null, null, null, UUID.randomUUID(), Instant.now());
        var service = new Caller("charter-service", null, null, Set.of("service"), null, null, null, null, Instant.now());
        assertEquals(user.toString(), AuditTrail.actor(person));
        assertEquals("service:charter-service", AuditTrail.actor(service));
        assertEquals("system", AuditTrail.actor(null));
    }

    @Test
    void the_worker_delivers_each_declared_topic_to_audit_events_with_the_outbox_id_as_key_and_retries_a_5xx_with_the_same_key() {
        changeMgmt.answer(new java.util.function.Function<>() {
            int calls;

            @Override
            public synchronized Answer apply(FakeService.Request r) {
                return ++calls == 1 ? Answer.problem(503, "{\"type\":\"about:blank\",\"title\":\"Unavailable\",\"status\":503}")
                        : Answer.json(201, "{\"status\":\"recorded\"}");
            }
        });
        UUID id = dsl.transactionResult(c -> audit.append(c.dsl(), "user.roles_changed", "user", "u-1", "system", "client", "admin"));
        var client = ServiceClient.builder("change-mgmt-service", changeMgmt.uri()).token(() -> "svc").build();
        var handlers = audit.handlers(client);
        assertEquals(Set.of("audit.user.deactivated", "audit.user.roles_changed"), handlers.keySet());
        try (var worker = OutboxWorker.builder(dsl, outbox).handlers(handlers).maxAttempts(3)
                .backoff(new com.coachway.common.outbox.Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), 0)).build()) {
            worker.runOnce();
            assertEquals(1, changeMgmt.requests().size());
            com.coachway.common.testsupport.Await.until(java.time.Duration.ofSeconds(10), "redelivered", () -> {
                worker.runOnce();
                return changeMgmt.requests().size() == 2;
            });
        }
        for (var request : changeMgmt.requests()) {
            assertEquals("/audit-events", request.path());
            assertEquals(id.toString(), request.header("Idempotency-Key"));
            assertEquals("Bearer svc", request.header("Authorization"));
        }
        assertEquals("delivered", dsl.fetchOne("select status from aud.outbox where id = ?", id).get(0, String.class));
    }

    private static java.util.List<String> iterable(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
