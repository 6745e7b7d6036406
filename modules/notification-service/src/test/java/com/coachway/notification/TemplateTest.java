package com.coachway.notification;

import com.coachway.testkit.KeysetPaging;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Templates: the seeded set, read by staff and services, edited by managers; a text that does not compile is a 400. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateTest {
    NotificationPlatform n;

    @BeforeAll
    void start() {
        n = new NotificationPlatform();
    }

    @AfterAll
    void stop() {
        n.close();
    }

    private String templates() {
        return n.rows("select string_agg(code || ':' || version || ':' || coalesce(subject, '') || ':' || body, '|' order by code) t from notification.templates")
                .getFirst().get("t").toString();
    }

    @Test
    void the_spec_set_is_seeded_with_the_variables_each_uses() {
        n.as("dispatcher").get("/templates?limit=200").then().statusCode(200)
                .body("total", equalTo(9))
                .body("items.code", equalTo(List.of("bid_awarded", "bid_request", "booking_confirmed", "change_request_update",
                        "driver_assigned", "password_reset", "payment_receipt", "quote_sent", "trip_reminder")));
        n.as("service").get("/templates/quote_sent").then().statusCode(200)
                .body("channel", equalTo("email")).body("version", equalTo(1)).body("updated_by", nullValue())
                .body("variables", hasItems("reference", "recipient_name", "quote_version", "client_name", "pickup_at", "total",
                        "currency", "valid_until"));
        n.as("accountant").get("/templates?channel=sms").then().statusCode(200)
                .body("items.code", equalTo(List.of("driver_assigned", "trip_reminder"))).body("items.subject", hasItem(nullValue()));
    }

    @Test
    void templates_page_by_cursor_as_by_offset() {
        KeysetPaging.assertWalkMatchesOffsets(() -> n.as("manager"), "/templates", Map.of(), 2, "code");
        KeysetPaging.assertWalkMatchesOffsets(() -> n.as("manager"), "/templates", Map.of("channel", "email"), 3, "code");
    }

    @Test
    void a_manager_edits_a_template_and_new_messages_use_it() {
        Response r = n.as("manager").contentType("application/json").body(Map.of("channel", "email",
                "subject", "Booked! {{reference}}", "body", "Hello {{recipient_name}}, {{reference}} is booked for {{pickup_at}}.",
                "version", 1)).put("/templates/booking_confirmed");
        r.then().statusCode(200).body("version", equalTo(2)).body("subject", equalTo("Booked! {{reference}}"))
                .body("variables", equalTo(List.of("reference", "recipient_name", "pickup_at"))).body("updated_by", notNullValue());
        String id = n.queue(Map.of("channel", "email", "to", "pat@example.com", "template_code", "booking_confirmed",
                "data", Map.of("reference", "CW-2027-00001", "recipient_name", "Pat", "pickup_at", "1 May 08:00")));
        n.get(id).then().body("subject", equalTo("Booked! CW-2027-00001")).body("body", equalTo("Hello Pat, CW-2027-00001 is booked for 1 May 08:00."));

        // the version read is stale now
        n.as("manager").contentType("application/json").body(Map.of("channel", "email", "subject", "x", "body", "y", "version", 1))
                .put("/templates/booking_confirmed").then().statusCode(409).body("detail", containsString("version 2"));
    }

    @Test
    void a_text_that_does_not_compile_or_does_not_fit_the_channel_is_a_400_and_changes_nothing() {
        String before = templates();
        record Case(Map<String, Object> body, String field) {
        }
        for (var c : List.of(
                new Case(Map.of("channel", "email", "subject", "Hi {{name", "body", "ok"), "subject"),
                new Case(Map.of("channel", "email", "subject", "Hi", "body", "{{#stops}}unclosed"), "body"),
                new Case(Map.of("channel", "email", "subject", "Hi", "body", "{{> footer}}"), "body"),
                new Case(Map.of("channel", "email", "body", "no subject"), "subject"),
                new Case(Map.of("channel", "email", "subject", "Hi", "body", "x", "color", "red"), "color"),
                new Case(Map.of("channel", "fax", "subject", "Hi", "body", "x"), "channel"),
                new Case(Map.of("channel", "email", "subject", "Hi", "body", 42), "body"))) {
            n.rawAs("manager").contentType("application/json").body(c.body()).put("/templates/quote_sent").then()
                    .statusCode(400).contentType(containsString("application/problem+json")).body("errors.field", hasItem(c.field()));
        }
        n.rawAs("manager").contentType("application/json").body(Map.of("channel", "sms", "subject", "Hi", "body", "x"))
                .put("/templates/trip_reminder").then().statusCode(400).body("errors.field", hasItem("subject"));
        n.rawAs("manager").contentType("application/json").body("{\"channel\":\"email\",").put("/templates/quote_sent").then().statusCode(400);
        n.rawAs("manager").contentType("text/plain").body("channel=email").put("/templates/quote_sent").then().statusCode(415);
        assertEquals(before, templates());
    }

    @Test
    void unknown_codes_wrong_roles_and_another_channel_are_refused_and_change_nothing() {
        String before = templates();
        var ok = Map.<String, Object>of("channel", "email", "subject", "s", "body", "b");
        n.as("manager").contentType("application/json").body(ok).put("/templates/no_such_template").then().statusCode(404);
        n.rawAs("manager").contentType("application/json").body(ok).put("/templates/Bad%20Code").then().statusCode(404);
        n.as("manager").get("/templates/no_such_template").then().statusCode(404);
        n.rawAs("manager").get("/templates?channel=fax").then().statusCode(400).body("errors.field", hasItem("channel"));
        n.rawAs("manager").get("/templates?after=garbage").then().statusCode(400).body("errors.field", hasItem("after"));
        for (String role : List.of("sales_agent", "dispatcher", "accountant", "service")) {
            n.as(role).contentType("application/json").body(ok).put("/templates/quote_sent").then().statusCode(403);
        }
        n.platform.api(NotificationPlatform.ROUTE).auth().oauth2(n.platform.portalToken("client", java.util.UUID.randomUUID()))
                .get("/templates").then().statusCode(403);
        n.platform.api(NotificationPlatform.ROUTE).get("/templates").then().statusCode(401);
        n.as("manager").contentType("application/json").body(Map.of("channel", "sms", "body", "b")).put("/templates/quote_sent")
                .then().statusCode(409).body("detail", containsString("channel cannot change"));
        assertEquals(before, templates());
    }
}
