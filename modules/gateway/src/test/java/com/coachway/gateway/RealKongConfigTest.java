package com.coachway.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's kong/kong.yml, served against an echo upstream standing in for every service host. */
class RealKongConfigTest {
    private static KongConfig config;
    private static EchoUpstream echo;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        config = KongConfig.load(RepoFiles.file("kong/kong.yml"));
        echo = new EchoUpstream("echo");
        Map<String, java.net.URI> upstreams = new java.util.HashMap<>();
        config.services().forEach(s -> upstreams.put(s.host(), echo.uri()));
        gateway = Gateway.start(config, upstreams, 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        echo.close();
    }

    @Test
    void every_public_route_lives_under_api_v1_and_says_it_strips_it() throws Exception {
        assertFalse(config.services().isEmpty());
        // KongConfig refuses strip_path: false; our HTTP convention also writes it out on each route.
        long routes = config.services().stream().mapToLong(s -> s.routes().size()).sum();
        long strips = java.nio.file.Files.readAllLines(RepoFiles.file("kong/kong.yml")).stream()
                .filter(l -> l.trim().equals("strip_path: true")).count();
        assertEquals(routes, strips, "every route in kong.yml says strip_path: true");
        for (Service service : config.services()) {
            for (Route route : service.routes()) {
                assertFalse(route.paths().isEmpty(), route.name() + " has no paths");
                for (String path : route.paths()) {
                    assertTrue(path.startsWith("/api/v1/"), route.name() + ": " + path);
                }
            }
        }
    }

    @Test
    void login_maps_to_the_auth_service_login_path() {
        JsonPath seen = given().port(gateway.port()).contentType("application/json").body("{}")
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
        assertEquals("/login", seen.getString("path"));
        assertEquals("auth-service:8000", seen.getString("headers.host[0]"));
    }

    @Test
    void the_public_credential_endpoints_are_rate_limited_and_other_auth_routes_are_not() {
        for (String endpoint : List.of("login", "token", "refresh")) {
            var r = given().port(gateway.port()).body("{}").post("/api/v1/auth/" + endpoint);
            assertEquals("60", r.header("X-RateLimit-Limit-Minute"), endpoint);
            assertEquals("/" + endpoint, r.jsonPath().getString("path"), endpoint + " reaches its own auth-service path");
        }
        for (String path : List.of("/api/v1/auth/me", "/api/v1/auth/.well-known/jwks.json")) {
            assertEquals(null, given().port(gateway.port()).get(path).header("X-RateLimit-Limit-Minute"), path);
        }
        assertEquals(null, given().port(gateway.port()).body("{}").post("/api/v1/auth/logout").header("X-RateLimit-Limit-Minute"));
    }

    @Test
    void me_maps_to_the_auth_service_me_path() {
        JsonPath seen = given().port(gateway.port()).get("/api/v1/auth/me")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("/me", seen.getString("path"));
        assertEquals("GET", seen.getString("method"));
    }

    @Test
    void a_get_on_the_login_path_goes_to_the_general_auth_route() {
        JsonPath seen = given().port(gateway.port()).get("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("/login", seen.getString("path"));
    }
}
