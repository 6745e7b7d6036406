package com.coachway.sales;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Email preferences, set by staff and by the public unsubscribe token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferencesTest {
    SalesPlatform sp;

    @BeforeAll
    void start() {
        sp = new SalesPlatform();
    }

    @AfterAll
    void stop() {
        sp.close();
    }

    String tokenOf(String email) {
        return (String) sp.rows("select unsubscribe_token from sales.email_preference where email = ?", email).getFirst().get("unsubscribe_token");
    }

    @Test
    void an_address_never_set_reads_as_opted_in_and_stores_nothing() {
        long before = sp.count("sales.email_preference");
        sp.as("sales_agent").get("/email-preferences/Never.Set@example.com").then().statusCode(200)
                .body("email", equalTo("never.set@example.com")).body("marketing_opt_in", equalTo(true))
                .body("source", equalTo("default")).body("updated_at", nullValue());
        assertEquals(before, sp.count("sales.email_preference"));
    }

    @Test
    void staff_set_a_preference_and_letter_case_does_not_matter() {
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", false))
                .put("/email-preferences/Case.Person@Example.com").then().statusCode(200)
                .body("email", equalTo("case.person@example.com")).body("marketing_opt_in", equalTo(false)).body("source", equalTo("staff"));
        sp.as("manager").get("/email-preferences/CASE.PERSON@EXAMPLE.COM").then().statusCode(200).body("marketing_opt_in", equalTo(false));
        String token = tokenOf("case.person@example.com");
        sp.as("admin").contentType("application/json").body(Map.of("marketing_opt_in", true))
                .put("/email-preferences/case.person@example.com").then().statusCode(200).body("marketing_opt_in", equalTo(true));
        assertEquals(token, tokenOf("case.person@example.com"), "the token stays with the address");
        assertEquals(256 / 6 + 1, token.length(), "256 bits as base64url without padding");
    }

    @Test
    void the_public_unsubscribe_opts_the_tokens_address_out_however_often_it_is_sent() {
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true))
                .put("/email-preferences/leaving@example.com").then().statusCode(200);
        String token = tokenOf("leaving@example.com");
        sp.anonymous().contentType("application/json").body(Map.of("token", token)).post("/unsubscribe")
                .then().statusCode(200).body("status", equalTo("unsubscribed"));
        sp.anonymous().contentType("application/json").body(Map.of("token", token)).post("/unsubscribe")
                .then().statusCode(200).body("status", equalTo("unsubscribed"));
        sp.as("sales_agent").get("/email-preferences/leaving@example.com").then().statusCode(200)
                .body("marketing_opt_in", equalTo(false)).body("source", equalTo("unsubscribe"));
    }

    @Test
    void the_link_opens_a_page_that_changes_nothing_until_its_button_posts_the_token() {
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true))
                .put("/email-preferences/clicker@example.com").then().statusCode(200);
        String token = tokenOf("clicker@example.com");
        var page = sp.anonymous().queryParam("token", token).get("/unsubscribe");
        page.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        assertEquals(true, page.asString().contains("method: 'POST'"), "the page posts the token");
        assertEquals(false, page.asString().contains("clicker"), "the page shows nothing of the address");
        sp.as("sales_agent").get("/email-preferences/clicker@example.com").then().body("marketing_opt_in", equalTo(true));
    }

    @Test
    void an_unknown_token_or_a_bad_body_changes_nothing() {
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", true))
                .put("/email-preferences/staying@example.com").then().statusCode(200);
        var before = sp.rows("select email, marketing_opt_in, updated_at from sales.email_preference order by email");
        sp.anonymous().contentType("application/json").body(Map.of("token", "no-such-token")).post("/unsubscribe").then().statusCode(404);
        sp.rawAnonymous().contentType("application/json").body("{\"token\":").post("/unsubscribe").then().statusCode(400);
        sp.rawAnonymous().contentType("application/json").body(Map.of()).post("/unsubscribe").then().statusCode(400);
        sp.rawAnonymous().contentType("application/json").body(Map.of("token", 42)).post("/unsubscribe").then().statusCode(400);
        sp.rawAnonymous().contentType("application/json").body(Map.of("token", "")).post("/unsubscribe").then().statusCode(400);
        sp.rawAnonymous().contentType("application/json").body(Map.of("token", "x", "email", "staying@example.com")).post("/unsubscribe")
                .then().statusCode(400);
        sp.rawAnonymous().contentType("text/plain").body("token=x").post("/unsubscribe").then().statusCode(415);
        assertEquals(before, sp.rows("select email, marketing_opt_in, updated_at from sales.email_preference order by email"));
    }

    @Test
    void bad_preference_input_and_the_wrong_roles_are_refused_and_write_nothing() {
        long before = sp.count("sales.email_preference");
        sp.as("sales_agent").get("/email-preferences/not-an-address").then().statusCode(404);
        sp.as("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", false))
                .put("/email-preferences/not-an-address").then().statusCode(404);
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of("marketing_opt_in", "no"))
                .put("/email-preferences/someone@example.com").then().statusCode(400).body("errors.field", hasItem("marketing_opt_in"));
        sp.rawAs("sales_agent").contentType("application/json").body(Map.of()).put("/email-preferences/someone@example.com").then().statusCode(400);
        sp.rawAs("sales_agent").contentType("application/json").body("{").put("/email-preferences/someone@example.com").then().statusCode(400);
        sp.rawAs("dispatcher").contentType("application/json").body(Map.of("marketing_opt_in", false))
                .put("/email-preferences/someone@example.com").then().statusCode(403);
        sp.rawAs("accountant").get("/email-preferences/someone@example.com").then().statusCode(403);
        sp.rawAnonymous().get("/email-preferences/someone@example.com").then().statusCode(401);
        assertEquals(before, sp.count("sales.email_preference"));
    }
}
