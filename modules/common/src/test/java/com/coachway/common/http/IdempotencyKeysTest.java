package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdempotencyKeysTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        // The contract (src/test/resources/openapi.yaml, /key) limits the key to 1..200 characters.
        app = new TestApp(service -> service.openApiFrom(IdempotencyKeysTest.class), r -> r.get("/key", ctx -> {
            var body = new HashMap<String, Object>();
            body.put("key", IdempotencyKeys.read(ctx));
            ctx.json(body);
        }, Role.PUBLIC));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void no_header_means_no_key() {
        var reply = app.get("/key");
        assertEquals(200, reply.status());
        assertEquals(true, reply.json().get("key").isNull());
    }

    @Test
    void a_printable_key_is_returned_as_sent() {
        var reply = app.get("/key", "Idempotency-Key", "order-42:try#1");
        assertEquals("order-42:try#1", reply.json().get("key").asText());
    }

    @Test
    void an_over_long_or_blank_key_is_a_400_problem() {
        assertEquals(400, app.get("/key", "Idempotency-Key", "k".repeat(201)).status());
        assertEquals(200, app.get("/key", "Idempotency-Key", "k".repeat(200)).status());
        var reply = app.get("/key", "Idempotency-Key", " ");
        assertEquals(400, reply.status());
        assertEquals(Problems.CONTENT_TYPE, reply.contentType().split(";")[0]);
    }

    @Test
    void a_fingerprint_is_equal_only_for_equal_values_in_the_same_order() {
        assertEquals(IdempotencyKeys.fingerprint("a", 1, null), IdempotencyKeys.fingerprint("a", 1, null));
        assertEquals(64, IdempotencyKeys.fingerprint("a").length());
        assertNotEquals(IdempotencyKeys.fingerprint("a", "b"), IdempotencyKeys.fingerprint("b", "a"));
        assertNotEquals(IdempotencyKeys.fingerprint("a\u0000b"), IdempotencyKeys.fingerprint("a", "b"));
        assertNotEquals(IdempotencyKeys.fingerprint((Object) null), IdempotencyKeys.fingerprint("null"));
        assertNotEquals(IdempotencyKeys.fingerprint((Object) null), IdempotencyKeys.fingerprint(""));
        assertNotEquals(IdempotencyKeys.fingerprint("ab", "c"), IdempotencyKeys.fingerprint("a", "bc"));
    }
}
