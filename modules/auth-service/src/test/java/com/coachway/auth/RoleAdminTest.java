package com.coachway.auth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAdminTest {
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

    @Test
    void the_built_in_roles_are_listed_with_their_permissions() {
        auth.svc.api().auth().oauth2(admin).queryParam("limit", 200).get("/roles").then().statusCode(200)
                .body("items.name", hasItems("admin", "manager", "sales_agent", "dispatcher", "accountant",
                        "driver", "client", "vendor", "service"))
                .body("items.find { it.name == 'accountant' }.permissions", hasItem("payments:write"))
                .body("items.find { it.name == 'client' }.permissions", equalTo(List.of("portal:client")));
        auth.svc.api().auth().oauth2(admin).queryParam("limit", 200).get("/permissions").then().statusCode(200)
                .body("items.code", hasItems("users:write", "charters:read"));
    }

    @Test
    void an_admin_creates_a_role_and_replaces_its_permissions() {
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "auditor", "description", "Reads the books", "permissions", List.of("finance:read")))
                .post("/roles").then().statusCode(201).header("Location", "/roles/auditor")
                .body("built_in", equalTo(false)).body("permissions", equalTo(List.of("finance:read")));
        auth.svc.api().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("finance:read", "analytics:read")))
                .put("/roles/auditor/permissions").then().statusCode(200)
                .body("permissions", equalTo(List.of("analytics:read", "finance:read")));
        // the new role can be granted
        auth.createUser(admin, AuthFixture.uniqueEmail("auditor"), List.of("auditor"), Map.of());
    }

    @Test
    void bad_role_requests_are_refused_and_write_nothing() {
        long roles = auth.count("auth.roles");
        long grants = auth.count("auth.role_permissions");
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "manager", "permissions", List.of())).post("/roles").then().statusCode(409);
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "Bad Name!", "permissions", List.of())).post("/roles").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "ghost", "permissions", List.of("fly:planes"))).post("/roles").then().statusCode(400)
                .body("errors.field", hasItem("permissions"));
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"x1\",\"permissions\":\"all\"}").post("/roles").then().statusCode(400);
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("users:read"))).put("/roles/admin/permissions").then().statusCode(409);
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of())).put("/roles/nobody/permissions").then().statusCode(404);
        auth.svc.raw().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("permissions", List.of("nope:nope"))).put("/roles/dispatcher/permissions").then().statusCode(400);
        assertEquals(roles, auth.count("auth.roles"));
        assertEquals(grants, auth.count("auth.role_permissions"));
    }
}
