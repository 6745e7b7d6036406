package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query parameters read through a real ServiceApp with its contract, as handlers read them: the
 * contract (src/test/resources/openapi.yaml, /search) judges lengths, ranges and allowed values,
 * the readers turn what passed into values.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueryTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp(service -> service.openApiFrom(QueryTest.class), r -> r.get("/search", ctx -> {
            var q = Query.of(ctx);
            var out = new HashMap<String, Object>();
            out.put("q", q.string("q"));
            out.put("status", q.string("status"));
            out.put("active", q.bool("active"));
            out.put("client_id", q.uuid("client_id"));
            out.put("from", q.date("from"));
            out.put("page", q.page());
            q.validate();
            ctx.json(out);
        }, Role.PUBLIC));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, String> errors(TestApp.Reply reply) {
        assertEquals(400, reply.status());
        var out = new HashMap<String, String>();
        for (JsonNode e : reply.json().path("errors")) out.put(e.path("field").asText(), e.path("message").asText());
        return out;
    }

    @Test
    void absent_or_blank_parameters_are_null_and_paging_defaults_to_50_from_0() {
        var reply = app.get("/search?q=%20%20&status=");

        assertEquals(200, reply.status());
        assertTrue(reply.json().path("q").isNull());
        assertTrue(reply.json().path("status").isNull());
        assertTrue(reply.json().path("active").isNull());
        assertEquals(50, reply.json().path("page").path("limit").asInt());
        assertEquals(0, reply.json().path("page").path("offset").asInt());
    }

    @Test
    void well_formed_parameters_are_read_and_trimmed() {
        var reply = app.get("/search?q=%20bus%20&status=active&active=false&client_id=6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a"
                + "&from=2026-05-01&limit=200&offset=400");

        assertEquals(200, reply.status());
        assertEquals("bus", reply.json().path("q").asText());
        assertEquals("active", reply.json().path("status").asText());
        assertEquals(false, reply.json().path("active").asBoolean(true));
        assertEquals("6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a", reply.json().path("client_id").asText());
        assertEquals("2026-05-01", reply.json().path("from").asText());
        assertEquals(200, reply.json().path("page").path("limit").asInt());
        assertEquals(400, reply.json().path("page").path("offset").asInt());
    }

    @Test
    void every_bad_parameter_is_reported_at_once_each_with_the_message_for_its_type() {
        var reply = app.get("/search?q=0123456789x&status=deleted&active=maybe1&client_id=1-1-1-1-1&from=2026-02-30&limit=0&offset=-1");

        assertEquals(Map.of(
                "q", "must be at most 10 characters",
                "status", "must be one of active, inactive",
                "active", "must be true or false",
                "client_id", "must be a UUID",
                "from", "must be a date, YYYY-MM-DD",
                "limit", "must be at least 1",
                "offset", "must be at least 0"), errors(reply));
        assertEquals(Problems.VALIDATION, reply.json().path("type").asText());
    }

    @Test
    void values_too_long_for_their_type_get_that_types_message_not_a_length_message() {
        var reply = app.get("/search?active=falsehood&client_id=6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a0&from=2026-05-011"
                + "&limit=99999999999999999999&status=" + "x".repeat(101));

        assertEquals(Map.of(
                "active", "must be true or false",
                "client_id", "must be a UUID",
                "from", "must be a date, YYYY-MM-DD",
                "limit", "must be at most 200",
                "status", "must be one of active, inactive"), errors(reply));
    }

    @Test
    void a_limit_above_200_or_not_a_number_is_refused_rather_than_clamped() {
        assertEquals(Map.of("limit", "must be at most 200"), errors(app.get("/search?limit=201")));
        assertEquals(Map.of("limit", "must be a whole number"), errors(app.get("/search?limit=ten")));
    }

    @Test
    void a_nul_character_in_a_parameter_is_refused() {
        assertEquals(Map.of("q", "must be text without NUL characters"), errors(app.get("/search?q=a%00b")));
    }

    @Test
    void a_cursor_in_after_is_read_for_keyset_paging() {
        String next = new Cursor("things", List.of("2026-05-01T08:00Z", "6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a")).encode();
        var reply = app.get("/search?limit=20&after=" + next);

        assertEquals(200, reply.status());
        assertEquals("things", reply.json().path("page").path("after").path("order").asText());
        assertEquals("2026-05-01T08:00Z", reply.json().path("page").path("after").path("keys").path(0).asText());
        assertEquals(0, reply.json().path("page").path("offset").asInt());
    }

    @Test
    void an_after_that_is_no_cursor_is_refused() {
        assertEquals(Map.of("after", "must be the next cursor of an earlier page of this list"), errors(app.get("/search?after=garbage")));
        assertEquals(Map.of("after", "must be at most 1000 characters"),
                errors(app.get("/search?after=" + "A".repeat(Cursor.MAX_LENGTH + 1))));
    }

    @Test
    void after_and_a_nonzero_offset_together_are_refused() {
        String next = new Cursor("things", List.of("1")).encode();

        assertEquals(Map.of("after", "cannot be combined with offset; the cursor already says where the page starts"),
                errors(app.get("/search?offset=10&after=" + next)));
        assertEquals(200, app.get("/search?offset=0&after=" + next).status());
    }
}
