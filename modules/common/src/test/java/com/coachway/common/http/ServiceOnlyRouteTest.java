package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.testsupport.TestKeys;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role.SERVICE_ONLY: a route only a real service token passes; admin, who passes every other check, is refused. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceOnlyRouteTest {
    private static final TestKeys KEYS = TestKeys.generate("k");
    private static final Handler OK = ctx -> ctx.result("ok");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = ServiceApp.named("service-only-test").auth(new TokenVerifier(KEYS.provider()))
                .routes(r -> {
                    r.post("/events/x", OK, Role.SERVICE_ONLY);
                    r.post("/staff", OK, Role.MANAGER);
                    r.post("/services", OK, Role.SERVICE);
                })
                .build().start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> post(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_service_token_passes() throws Exception {
        var answer = post("/events/x", KEYS.sign(KEYS.serviceClaims("payment-service")));
        assertEquals(200, answer.statusCode());
        assertEquals("ok", answer.body());
    }

    @Test
    void admin_is_refused_403_naming_why_although_it_passes_every_other_role_check() throws Exception {
        var refused = post("/events/x", KEYS.userToken("admin"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Only a service token may call this route"), refused.body());
        assertEquals(200, post("/staff", KEYS.userToken("admin")).statusCode());
        assertEquals(200, post("/services", KEYS.userToken("admin")).statusCode());
    }

    @Test
    void every_other_user_role_is_refused_403_and_no_token_401() throws Exception {
        for (String role : new String[]{"manager", "sales_agent", "dispatcher", "accountant", "driver", "client", "vendor"}) {
            assertEquals(403, post("/events/x", KEYS.userToken(role)).statusCode(), role);
        }
        assertEquals(401, post("/events/x", null).statusCode());
        assertEquals(401, post("/events/x", "not-a-token").statusCode());
    }

    @Test
    void a_user_token_that_claims_service_beside_admin_is_a_service_token_only_if_it_says_service() throws Exception {
        // roles ["admin","service"]: the service role is what counts, as for Role.SERVICE routes
        var both = KEYS.sign(KEYS.serviceClaims("charter-service").withClaim("roles", java.util.List.of("admin", "service")));
        assertEquals(200, post("/events/x", both).statusCode());
    }

    @Test
    void service_only_beside_another_role_fails_the_build() {
        var e = assertThrows(IllegalStateException.class, () -> ServiceApp.named("mixed").auth(new TokenVerifier(KEYS.provider()))
                .routes(r -> r.post("/events/y", OK, Role.SERVICE_ONLY, Role.ADMIN)).build());
        assertTrue(e.getMessage().contains("POST /events/y"), e.getMessage());
        assertTrue(e.getMessage().contains("SERVICE_ONLY"), e.getMessage());
    }

    @Test
    void service_only_is_no_role_a_token_can_name() {
        assertTrue(Role.fromCode("service_only").isEmpty());
        assertEquals(Role.SERVICE, Role.fromCode("service").orElseThrow());
    }
}
