package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.testsupport.TestKeys;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authorization fails closed: a route that declares no roles stops the service before it starts. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouteRolesTest {
    private static final TokenVerifier VERIFIER = new TokenVerifier(TestKeys.generate("k").provider());
    private static final Handler OK = ctx -> ctx.result("ok");

    private enum Foreign implements RouteRole { ANYONE }

    private static ServiceApp app() {
        return ServiceApp.named("roles-test").auth(VERIFIER);
    }

    @Test
    void a_route_without_roles_fails_the_build_naming_every_such_route() {
        var e = assertThrows(IllegalStateException.class, () -> app().routes(r -> {
            r.get("/open", OK);
            r.post("/things", OK, Role.ADMIN);
            r.delete("/things/{id}", OK);
        }).build());

        assertTrue(e.getMessage().contains("GET /open"), e.getMessage());
        assertTrue(e.getMessage().contains("DELETE /things/{id}"), e.getMessage());
        assertFalse(e.getMessage().contains("POST /things"), e.getMessage());
        assertTrue(e.getMessage().startsWith("roles-test will not start"), e.getMessage());
    }

    @Test
    void a_route_with_only_roles_that_are_not_ours_fails_the_build() {
        var e = assertThrows(IllegalStateException.class, () -> app().routes(r -> r.patch("/x", OK, Foreign.ANYONE)).build());
        assertTrue(e.getMessage().contains("PATCH /x"), e.getMessage());
    }

    @Test
    void public_authenticated_and_role_routes_build_and_start() {
        var javalin = assertDoesNotThrow(() -> app().routes(r -> {
            r.get("/anyone", OK, Role.PUBLIC);
            r.get("/me", OK, Role.AUTHENTICATED);
            r.post("/staff", OK, Role.STAFF);
        }).build());
        javalin.start(0);
        javalin.stop();
    }
}
