package com.coachway.auth;

import com.coachway.testkit.KeysetPaging;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Every auth-service list pages by cursor as it does by offset, filters applied. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTest {
    AuthFixture auth;
    String admin;
    String tag;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        admin = auth.adminToken();
        tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        // mixed case, so the order by lower(email) differs from the order by email
        for (String local : List.of("B-" + tag, "a-" + tag, "C-" + tag, "b2-" + tag, "A2-" + tag)) {
            auth.createUser(admin, local + "@example.com", List.of("accountant"), Map.of());
        }
        auth.createUser(admin, "d-" + tag + "@example.com", List.of("dispatcher"), Map.of());
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private Supplier<RequestSpecification> asAdmin() {
        return () -> auth.svc.api().auth().oauth2(admin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "q", "role"})
    void users_by_cursor_are_the_users_by_offset(String filter) {
        Map<String, ?> params = switch (filter) {
            case "q" -> Map.of("q", tag);
            case "role" -> Map.of("role", "accountant", "active", true);
            default -> Map.of();
        };
        KeysetPaging.assertWalkMatchesOffsets(asAdmin(), "/users", params, 2, "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/roles", "/permissions"})
    void roles_and_permissions_by_cursor_are_those_by_offset(String path) {
        KeysetPaging.assertWalkMatchesOffsets(asAdmin(), path, Map.of(), 2, path.equals("/roles") ? "name" : "code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users", "/roles", "/permissions"})
    void a_bad_cursor_is_refused(String path) {
        KeysetPaging.assertBadCursorsRefused(asAdmin(), path, Map.of());
    }
}
