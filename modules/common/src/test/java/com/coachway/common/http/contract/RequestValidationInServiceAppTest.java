package com.coachway.common.http.contract;

import com.coachway.common.auth.JwksKeyProvider;
import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.testsupport.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check as a service runs it: before the handler, as problem+json, with the body handed on. */
class RequestValidationInServiceAppTest {
    static TestApp app;
    static final List<String> handled = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = new TestApp(s -> s.openApiFrom(RequestValidationInServiceAppTest.class), r -> {
            r.get("/things", ctx -> ctx.json(List.of()), Role.PUBLIC);
            r.post("/things", ctx -> {
                handled.add(JsonInput.of(ctx).requiredString("name"));
                ctx.status(201).json(List.of());
            }, Role.PUBLIC);
            r.post("/batches", ctx -> {
                var items = JsonInput.items(ctx);
                for (var item : items) handled.add("stop " + item.requiredInt("sequence"));
                items.getFirst().validate();
                ctx.json(List.of());
            }, Role.PUBLIC);
            r.post("/things/{id}", ctx -> {
                handled.add("id " + ctx.pathParam("id"));
                ctx.json(List.of());
            }, Role.PUBLIC);
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static final String STOPS = "\"stops\":[{\"sequence\":1,\"address\":\"Main St\"}]";

    @Test
    void a_body_that_breaks_the_contract_is_a_400_naming_each_field_and_the_handler_never_runs() {
        int before = handled.size();
        var reply = app.post("/things", "application/json", "{\"name\":null,\"stops\":[{\"sequence\":0}],\"colour\":\"red\"}");
        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals("https://coachway.dev/problems/validation", reply.json().path("type").asText());
        assertEquals("Invalid request", reply.json().path("title").asText());
        var fields = new ArrayList<String>();
        for (JsonNode e : reply.json().path("errors")) fields.add(e.path("field").asText());
        assertEquals(List.of("name", "stops[0].sequence", "stops[0].address", "colour").stream().sorted().toList(),
                fields.stream().sorted().toList(), reply.json().toString());
        assertEquals(before, handled.size());
    }

    @Test
    void a_valid_body_reaches_the_handler_already_parsed() {
        var reply = app.post("/things", "application/json; charset=utf-8", "{\"name\":\"Ann\"," + STOPS + "}");
        assertEquals(201, reply.status(), () -> String.valueOf(reply.json()));
        assertEquals("Ann", handled.getLast());
    }

    @Test
    void bodies_that_are_not_json_objects_are_refused_as_before() {
        assertEquals(415, app.post("/things", "text/plain", "name=x").status());
        var malformed = app.post("/things", "application/json", "{\"name\":");
        assertEquals(400, malformed.status());
        assertEquals("https://coachway.dev/problems/bad-request", malformed.json().path("type").asText());
        assertEquals(400, app.post("/things", "application/json", "[]").status());
        assertEquals(400, app.post("/things", "application/json", "").status());
    }

    @Test
    void an_array_body_is_checked_item_by_item_naming_each_by_its_index_and_handed_on() {
        int before = handled.size();
        var reply = app.post("/batches", "application/json", "[{\"sequence\":1,\"address\":\"A\"},{\"sequence\":0}]");
        assertEquals(400, reply.status());
        var fields = new ArrayList<String>();
        for (JsonNode e : reply.json().path("errors")) fields.add(e.path("field").asText());
        assertEquals(List.of("[1].address", "[1].sequence"), fields.stream().sorted().toList(), reply.json().toString());
        assertEquals(before, handled.size());
        var tooMany = app.post("/batches", "application/json", "[" + "{\"sequence\":1,\"address\":\"A\"},".repeat(3)
                + "{\"sequence\":1,\"address\":\"A\"}]");
        assertEquals(400, tooMany.status());
        assertEquals("must have at most 3 items", tooMany.json().path("errors").get(0).path("message").asText());

        assertEquals(200, app.post("/batches", "application/json", "[{\"sequence\":2,\"address\":\"A\"},{\"sequence\":3,\"address\":\"B\"}]")
                .status());
        assertEquals(List.of("stop 2", "stop 3"), handled.subList(handled.size() - 2, handled.size()));
    }

    @Test
    void an_array_body_that_is_no_json_array_is_a_400_and_nan_is_no_json() {
        var object = app.post("/batches", "application/json", "{\"sequence\":1,\"address\":\"A\"}");
        assertEquals(400, object.status());
        assertEquals("The request body must be a JSON array", object.json().path("detail").asText());
        var nan = app.post("/batches", "application/json", "[{\"sequence\":NaN,\"address\":\"A\"}]");
        assertEquals(400, nan.status());
        assertEquals("https://coachway.dev/problems/bad-request", nan.json().path("type").asText());
        assertEquals(415, app.post("/batches", "text/plain", "[]").status());
    }

    @Test
    void an_optional_body_may_be_left_out_but_not_sent_wrong() {
        assertEquals(200, app.post("/things/abc", "text/plain", "").status());
        assertEquals(200, app.post("/things/abc", "application/json", "{\"reason\":null}").status());
        var reply = app.post("/things/abc", "application/json", "{\"why\":1}");
        assertEquals(400, reply.status());
        assertEquals("why", reply.json().path("errors").get(0).path("field").asText());
        assertEquals(400, app.post("/things/" + "x".repeat(37), "application/json", "{}").status());
    }

    @Test
    void query_parameters_and_headers_are_checked_too() {
        var reply = app.get("/things?limit=0&status=gone");
        assertEquals(400, reply.status());
        assertEquals(2, reply.json().path("errors").size(), reply.json().toString());
        assertEquals(200, app.get("/things?limit=5&status=open&unknown=1").status());
        var header = app.post("/things", "application/json", "{\"name\":\"Ann\"," + STOPS + "}", "Idempotency-Key", "x".repeat(11));
        assertEquals(400, header.status());
        assertEquals("Idempotency-Key", header.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void a_route_the_contract_does_not_describe_stops_the_service_at_start() {
        var verifier = new TokenVerifier(new JwksKeyProvider(URI.create("http://127.0.0.1:9/jwks.json"), Duration.ofMinutes(1)));
        var e = assertThrows(IllegalStateException.class, () -> ServiceApp.named("test-service").auth(verifier)
                .openApiFrom(RequestValidationInServiceAppTest.class)
                .routes(r -> {
                    r.get("/things", ctx -> ctx.result("ok"), Role.PUBLIC);
                    r.delete("/things/{id}", ctx -> ctx.status(204), Role.PUBLIC);
                })
                .build());
        assertTrue(e.getMessage().contains("DELETE /things/{id}"), e.getMessage());
    }
}
