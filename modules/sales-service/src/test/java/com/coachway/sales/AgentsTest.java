package com.coachway.sales;

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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Agents: made by managers, read by the sales team, taken out of the rotation and back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    @Test
    void a_manager_makes_an_agent_and_the_sales_team_reads_it() {
        String user = sp.user(List.of("sales_agent"));
        var r = sp.as("manager").contentType("application/json")
                .body(Map.of("user_id", user, "name", "Dana Seller", "email", "dana@coachway-sales.com")).post("/agents");
        r.then().statusCode(201).body("user_id", equalTo(user)).body("active", equalTo(true)).body("version", equalTo(1));
        String id = r.path("id");
        assertEquals("/agents/" + id, r.header("Location"));
        sp.as("sales_agent").get("/agents/" + id).then().statusCode(200).body("name", equalTo("Dana Seller"));
        sp.as("sales_agent").get("/agents").then().statusCode(200).body("items.id", hasItem(id));
        sp.deactivate(id);
        sp.as("manager").queryParam("active", true).get("/agents").then().statusCode(200).body("items.id", not(hasItem(id)))
                .body("items.active", everyItem(equalTo(true)));
        sp.as("manager").queryParam("active", false).get("/agents").then().statusCode(200).body("items.id", hasItem(id));
        sp.as("admin").get("/agents/" + id).then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(2));
    }

    @Test
    void one_user_is_one_agent() {
        String user = sp.user(List.of("sales_agent"));
        var body = Map.of("user_id", user, "name", "Twice", "email", "twice@coachway-sales.com");
        sp.as("manager").contentType("application/json").body(body).post("/agents").then().statusCode(201);
        long before = sp.count("sales.agent");
        sp.as("admin").contentType("application/json").body(body).post("/agents").then().statusCode(409).body("detail", containsString(user));
        assertEquals(before, sp.count("sales.agent"));
    }

    private io.restassured.response.Response makeAgent(SalesPlatform on, String userId) {
        return on.as("manager").contentType("application/json")
                .body(Map.of("user_id", userId, "name", "Would Be", "email", "would.be@coachway-sales.com")).post("/agents");
    }

    @Test
    void a_user_auth_service_does_not_know_is_refused_on_user_id_and_writes_nothing() {
        long before = sp.count("sales.agent");
        makeAgent(sp, UUID.randomUUID().toString()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("user_id"))).body("errors[0].message", equalTo("is not a user"));
        assertEquals(before, sp.count("sales.agent"));
    }

    @Test
    void a_deactivated_user_is_refused_though_it_holds_sales_agent_and_writes_nothing() {
        String user = sp.user(List.of("sales_agent"));
        sp.platform.api("/api/v1/auth").auth().oauth2(sp.platform.adminToken()).delete("/users/" + user).then().statusCode(204);
        long before = sp.count("sales.agent");
        makeAgent(sp, user).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(user)).body("detail", containsString("deactivated"));
        assertEquals(before, sp.count("sales.agent"));
    }

    @Test
    void a_user_without_the_sales_agent_role_is_refused_and_a_manager_alone_does_not_qualify() {
        long before = sp.count("sales.agent");
        for (String role : List.of("manager", "dispatcher", "accountant")) {
            String user = sp.user(List.of(role));
            makeAgent(sp, user).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString(user)).body("detail", containsString("does not hold the sales_agent role"));
        }
        assertEquals(before, sp.count("sales.agent"));
    }

    @Test
    void a_manager_who_also_holds_sales_agent_qualifies() {
        String user = sp.user(List.of("manager", "sales_agent"));
        makeAgent(sp, user).then().statusCode(201).body("user_id", equalTo(user)).body("active", equalTo(true));
    }

    @Test
    void with_auth_service_unreachable_making_an_agent_is_a_503_that_writes_nothing() {
        // tokens are still verified (AUTH_JWKS_URL), but sales-service cannot reach auth-service's API
        try (var down = new SalesPlatform(Map.of("AUTH_URL", SalesPlatform.DEAD))) {
            String user = down.user(List.of("sales_agent"));
            makeAgent(down, user).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("detail", containsString("auth-service"));
            assertEquals(0, down.count("sales.agent"));
            down.as("manager").get("/agents").then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void bad_agent_input_and_the_wrong_roles_are_refused_and_write_nothing() {
        long before = sp.count("sales.agent");
        sp.rawAs("manager").contentType("application/json").body("{\"user_id\":").post("/agents").then().statusCode(400);
        sp.rawAs("manager").contentType("application/json").body(Map.of("name", "No User", "email", "x@coachway-sales.com")).post("/agents")
                .then().statusCode(400).body("errors.field", hasItem("user_id"));
        sp.rawAs("manager").contentType("application/json").body(Map.of("user_id", "not-a-uuid", "name", "X", "email", "x@coachway-sales.com"))
                .post("/agents").then().statusCode(400).body("errors.field", hasItem("user_id"));
        sp.rawAs("manager").contentType("application/json").body(Map.of("user_id", UUID.randomUUID().toString(), "name", "X", "email", "nope"))
                .post("/agents").then().statusCode(400).body("errors.field", hasItem("email"));
        sp.rawAs("manager").contentType("application/json")
                .body(Map.of("user_id", UUID.randomUUID().toString(), "name", "X", "email", "x@coachway-sales.com", "boss", true))
                .post("/agents").then().statusCode(400);
        sp.rawAs("manager").contentType("text/plain").body("hello").post("/agents").then().statusCode(415);
        var ok = Map.of("user_id", UUID.randomUUID().toString(), "name", "X", "email", "x@coachway-sales.com");
        sp.rawAs("sales_agent").contentType("application/json").body(ok).post("/agents").then().statusCode(403);
        sp.rawAs("dispatcher").contentType("application/json").body(ok).post("/agents").then().statusCode(403);
        sp.platform.raw(SalesPlatform.SALES).contentType("application/json").body(ok).post("/agents").then().statusCode(401);
        sp.rawAs("dispatcher").get("/agents").then().statusCode(403);
        assertEquals(before, sp.count("sales.agent"));

        String id = sp.agent("Patch Target");
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + id).then().statusCode(403);
        sp.rawAs("manager").contentType("application/json").body(Map.of("active", "no")).patch("/agents/" + id).then().statusCode(400);
        sp.rawAs("manager").contentType("application/json").body(Map.of()).patch("/agents/" + id).then().statusCode(400);
        sp.as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/" + UUID.randomUUID()).then().statusCode(404);
        sp.as("manager").contentType("application/json").body(Map.of("active", false)).patch("/agents/not-an-id").then().statusCode(404);
        sp.as("manager").get("/agents/" + UUID.randomUUID()).then().statusCode(404);
        sp.as("manager").get("/agents/" + id).then().statusCode(200).body("active", equalTo(true)).body("version", equalTo(1));
        sp.rawAs("manager").queryParam("active", "maybe").get("/agents").then().statusCode(400);
        sp.rawAs("manager").queryParam("limit", 0).get("/agents").then().statusCode(400);
        sp.rawAs("manager").queryParam("after", "garbage").get("/agents").then().statusCode(400);
    }

    @Test
    void the_agent_list_pages_in_rotation_order() {
        for (int i = 0; i < 3; i++) sp.agent("Pager " + i);
        var first = sp.as("manager").queryParam("limit", 2).get("/agents");
        first.then().statusCode(200);
        String next = first.path("next");
        var second = sp.as("manager").queryParam("limit", 2).queryParam("after", next).get("/agents");
        second.then().statusCode(200);
        java.util.List<String> a = first.path("items.id");
        java.util.List<String> b = second.path("items.id");
        assertEquals(2, a.size());
        b.forEach(id -> assertEquals(false, a.contains(id)));
    }
}
