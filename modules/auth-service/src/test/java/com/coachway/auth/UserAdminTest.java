package com.coachway.auth;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminTest {
    AuthFixture auth;
    String admin;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        admin = auth.adminToken();
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private Response create(Object body) {
        return auth.svc.raw().auth().oauth2(admin).contentType("application/json").body(body).post("/users");
    }

    @Test
    void an_admin_creates_a_user_who_can_then_sign_in() {
        String email = AuthFixture.uniqueEmail("agent");
        Response r = auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", email, "full_name", "Ann Agent", "password", AuthFixture.GOOD_PASSWORD,
                        "roles", List.of("sales_agent")))
                .post("/users");
        r.then().statusCode(201).body("email", equalTo(email)).body("version", equalTo(1))
                .body("roles", equalTo(List.of("sales_agent"))).body("active", equalTo(true));
        assertEquals("/users/" + r.path("id"), r.header("Location"));
        auth.svc.api().auth().oauth2(admin).get("/users/" + r.path("id")).then().statusCode(200)
                .body("full_name", equalTo("Ann Agent"));
        auth.loginOk(email, AuthFixture.GOOD_PASSWORD).then().body("user.roles", equalTo(List.of("sales_agent")));
    }

    @Test
    void a_duplicate_email_in_any_case_is_409_and_writes_nothing() {
        String email = AuthFixture.uniqueEmail("dup");
        auth.createUser(admin, email, List.of("dispatcher"), Map.of());
        long before = auth.count("auth.users");
        create(Map.of("email", email.toUpperCase(), "full_name", "Dup", "password", AuthFixture.GOOD_PASSWORD,
                "roles", List.of("dispatcher"))).then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, auth.count("auth.users"));
    }

    @Test
    void invalid_user_bodies_are_400_with_field_errors_and_write_nothing() {
        long users = auth.count("auth.users");
        long grants = auth.count("auth.user_roles");
        String ok = "\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"]";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{", null);
        cases.put("{\"email\":\"not-an-email\"," + ok + "}", "email");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"short\",\"roles\":[\"dispatcher\"]}", "password");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"" + "x".repeat(129) + "\",\"roles\":[\"dispatcher\"]}", "password");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"password123\",\"roles\":[\"dispatcher\"]}", "password");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[]}", "roles");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":\"admin\"}", "roles");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"pilot\"]}", "roles");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"client\"]}", "client_id");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"client\",\"manager\"],\"client_id\":\"" + UUID.randomUUID() + "\"}", "roles");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"service\"]}", "roles");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"],\"vendor_id\":\"" + UUID.randomUUID() + "\"}", "vendor_id");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"driver\"],\"driver_id\":\"123\"}", "driver_id");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"" + "n".repeat(201) + "\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"]}", "full_name");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"a\\u0000b\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"]}", "full_name");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\"],\"is_superuser\":true}", "is_superuser");
        cases.put("{\"email\":\"a@example.com\",\"full_name\":\"N\",\"password\":\"Correct-Horse-42\",\"roles\":[\"dispatcher\",\"dispatcher\"]}", "roles[1]");
        cases.put("{\"email\":\"a@example.com\"}", "full_name");
        for (var c : cases.entrySet()) {
            var then = create(c.getKey()).then().statusCode(400).contentType("application/problem+json");
            if (c.getValue() != null) then.body("errors.field", hasItem(c.getValue()));
        }
        assertEquals(users, auth.count("auth.users"));
        assertEquals(grants, auth.count("auth.user_roles"));
    }

    @Test
    void portal_users_carry_their_record_in_the_token() {
        UUID client = UUID.randomUUID();
        String email = AuthFixture.uniqueEmail("client");
        auth.createUser(admin, email, List.of("client"), Map.of("client_id", client.toString()));
        String token = auth.loginOk(email, AuthFixture.GOOD_PASSWORD).path("access_token");
        assertEquals(client.toString(), com.auth0.jwt.JWT.decode(token).getClaim("client_id").asString());
        auth.svc.api().auth().oauth2(token).get("/me").then().statusCode(200).body("client_id", equalTo(client.toString()));
    }

    @Test
    void the_user_list_filters_and_pages() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) auth.createUser(admin, "acct" + i + "-" + tag + "@example.com", List.of("accountant"), Map.of());
        auth.svc.api().auth().oauth2(admin).queryParam("q", tag).queryParam("limit", 2).get("/users").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("limit", equalTo(2)).body("offset", equalTo(0));
        auth.svc.api().auth().oauth2(admin).queryParam("q", tag).queryParam("offset", 2).get("/users").then()
                .body("items.size()", equalTo(1));
        auth.svc.api().auth().oauth2(admin).queryParam("role", "accountant").queryParam("active", true).get("/users").then()
                .statusCode(200).body("items.roles", everyItem(hasItem("accountant")));
        auth.svc.api().auth().oauth2(admin).queryParam("q", "100%_\\").get("/users").then().statusCode(200).body("total", equalTo(0));
        for (var bad : List.of(Map.of("limit", "0"), Map.of("limit", "201"), Map.of("offset", "-1"), Map.of("active", "maybe"), Map.of("limit", "ten"))) {
            auth.svc.raw().auth().oauth2(admin).queryParams(bad).get("/users").then().statusCode(400);
        }
    }

    @Test
    void a_service_token_reads_one_user_and_nothing_more() {
        String service = auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID, "client_secret", AuthFixture.SERVICE_SECRET))
                .post("/token").then().statusCode(200).extract().path("access_token");
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("read-by-service"), List.of("sales_agent"), Map.of());
        auth.svc.api().auth().oauth2(service).get("/users/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("roles", equalTo(List.of("sales_agent"))).body("active", equalTo(true));
        auth.svc.api().auth().oauth2(service).get("/users/" + UUID.randomUUID()).then().statusCode(404);
        // reading one user is all: listing, making and changing users stay the admin's
        long before = auth.count("auth.users");
        auth.svc.raw().auth().oauth2(service).get("/users").then().statusCode(403);
        auth.svc.raw().auth().oauth2(service).contentType("application/json")
                .body(Map.of("email", AuthFixture.uniqueEmail("by-service"), "full_name", "S", "password", AuthFixture.GOOD_PASSWORD,
                        "roles", List.of("admin"))).post("/users").then().statusCode(403);
        auth.svc.raw().auth().oauth2(service).contentType("application/json").body(Map.of("version", 1, "roles", List.of("admin")))
                .patch("/users/" + id).then().statusCode(403);
        auth.svc.raw().auth().oauth2(service).delete("/users/" + id).then().statusCode(403);
        assertEquals(before, auth.count("auth.users"));
        auth.svc.api().auth().oauth2(admin).get("/users/" + id).then().statusCode(200).body("version", equalTo(1)).body("active", equalTo(true));
    }

    @Test
    void other_non_admin_roles_still_cannot_read_a_user() {
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("private"), List.of("dispatcher"), Map.of());
        for (String role : List.of("manager", "sales_agent", "dispatcher", "accountant")) {
            String email = AuthFixture.uniqueEmail(role.replace('_', '-'));
            auth.createUser(admin, email, List.of(role), Map.of());
            String token = auth.loginOk(email, AuthFixture.GOOD_PASSWORD).path("access_token");
            auth.svc.raw().auth().oauth2(token).get("/users/" + id).then().statusCode(403);
        }
        auth.svc.raw().get("/users/" + id).then().statusCode(401);
    }

    @Test
    void unknown_and_malformed_ids_are_404() {
        auth.svc.api().auth().oauth2(admin).get("/users/" + UUID.randomUUID()).then().statusCode(404);
        auth.svc.raw().auth().oauth2(admin).get("/users/not-a-uuid").then().statusCode(404);
        auth.svc.raw().auth().oauth2(admin).contentType("application/json").body("{\"version\":1,\"full_name\":\"x\"}")
                .patch("/users/" + UUID.randomUUID()).then().statusCode(404);
        auth.svc.api().auth().oauth2(admin).delete("/users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_patch_needs_the_current_version_and_bumps_it() {
        String id = auth.createUser(admin, AuthFixture.uniqueEmail("patch"), List.of("dispatcher"), Map.of());
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("version", 1, "full_name", "Dana Dispatcher", "roles", List.of("dispatcher", "sales_agent")))
                .patch("/users/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("full_name", equalTo("Dana Dispatcher"))
                .body("roles", equalTo(List.of("dispatcher", "sales_agent")));
        auth.svc.raw().auth().oauth2(admin).contentType("application/json").body(Map.of("version", 1, "full_name", "Stale"))
                .patch("/users/" + id).then().statusCode(409).body("detail", containsString("version 2"));
        auth.svc.raw().auth().oauth2(admin).contentType("application/json").body(Map.of("full_name", "No version"))
                .patch("/users/" + id).then().statusCode(400).body("errors.field", hasItem("version"));
        auth.svc.raw().auth().oauth2(admin).contentType("application/json").body(Map.of("version", 2, "active", "no"))
                .patch("/users/" + id).then().statusCode(400).body("errors.field", hasItem("active"));
        auth.svc.api().auth().oauth2(admin).get("/users/" + id).then().body("full_name", equalTo("Dana Dispatcher"));
    }

    @Test
    void a_deactivated_users_tokens_stop_working_and_it_cannot_sign_in() {
        String email = AuthFixture.uniqueEmail("leaver");
        String id = auth.createUser(admin, email, List.of("sales_agent"), Map.of());
        Response session = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        auth.svc.api().auth().oauth2(session.path("access_token")).get("/me").then().statusCode(200);

        auth.svc.api().auth().oauth2(admin).delete("/users/" + id).then().statusCode(204);

        auth.svc.api().auth().oauth2(session.path("access_token")).get("/me").then().statusCode(401);
        auth.svc.api().contentType("application/json").body(Map.of("refresh_token", session.path("refresh_token")))
                .post("/refresh").then().statusCode(401);
        Response denied = auth.login(email, AuthFixture.GOOD_PASSWORD);
        assertEquals(401, denied.statusCode());
        assertEquals(auth.login("nobody@example.com", "x-y-z-1-2-3").path("detail"), denied.<String>path("detail"));
        auth.svc.api().auth().oauth2(admin).get("/users/" + id).then().body("active", equalTo(false));
        // idempotent
        auth.svc.api().auth().oauth2(admin).delete("/users/" + id).then().statusCode(204);
    }

    @Test
    void an_admin_cannot_lock_itself_out() {
        String myId = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD).path("user.id");
        auth.svc.api().auth().oauth2(admin).delete("/users/" + myId).then().statusCode(409);
        int version = auth.svc.api().auth().oauth2(admin).get("/users/" + myId).path("version");
        auth.svc.api().auth().oauth2(admin).contentType("application/json").body(Map.of("version", version, "roles", List.of("manager")))
                .patch("/users/" + myId).then().statusCode(409);
        auth.svc.api().auth().oauth2(admin).get("/me").then().statusCode(200).body("roles", hasItem("admin"));
    }

    @Test
    void password_change_keeps_this_session_and_ends_the_others() {
        String email = AuthFixture.uniqueEmail("changer");
        auth.createUser(admin, email, List.of("accountant"), Map.of());
        Response here = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response elsewhere = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String token = here.path("access_token");

        auth.svc.api().auth().oauth2(token).contentType("application/json")
                .body(Map.of("current_password", "wrong-password-1", "new_password", "Brand-New-Pass-9"))
                .post("/me/password").then().statusCode(400).body("errors.field", hasItem("current_password"));
        auth.svc.raw().auth().oauth2(token).contentType("application/json")
                .body(Map.of("current_password", AuthFixture.GOOD_PASSWORD, "new_password", "short"))
                .post("/me/password").then().statusCode(400).body("errors.field", hasItem("new_password"));
        auth.loginOk(email, AuthFixture.GOOD_PASSWORD); // nothing changed yet

        auth.svc.api().auth().oauth2(token).contentType("application/json")
                .body(Map.of("current_password", AuthFixture.GOOD_PASSWORD, "new_password", "Brand-New-Pass-9"))
                .post("/me/password").then().statusCode(204);

        auth.svc.api().auth().oauth2(token).get("/me").then().statusCode(200);
        auth.svc.api().auth().oauth2(elsewhere.path("access_token")).get("/me").then().statusCode(401);
        assertEquals(401, auth.login(email, AuthFixture.GOOD_PASSWORD).statusCode());
        auth.loginOk(email, "Brand-New-Pass-9").then().body("user.email", notNullValue());
    }
}
