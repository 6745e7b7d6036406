package com.coachway.notification;

import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Queueing messages, without provider keys: the log provider sends, and every bad request is a 4xx that writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationApiTest {
    NotificationPlatform n;

    @BeforeAll
    void start() {
        n = new NotificationPlatform();
    }

    @AfterAll
    void stop() {
        n.close();
    }

    static Map<String, Object> quoteSent(String to) {
        var data = new HashMap<String, Object>(Map.of("reference", "CW-2027-00042", "recipient_name", "Dana", "quote_version", 2,
                "client_name", "Riverside Academy", "pickup_at", "2027-05-01T12:00:00Z", "total", new java.math.BigDecimal("1250.50"),
                "currency", "USD", "valid_until", "2027-04-15T12:00:00Z", "charter_id", UUID.randomUUID().toString()));
        return new HashMap<>(Map.of("channel", "email", "to", to, "template_code", "quote_sent", "data", data));
    }

    private String to() {
        return "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void without_provider_keys_health_says_log_and_the_log_provider_sends_the_rendered_message() {
        n.platform.api(NotificationPlatform.ROUTE).get("/health").then().statusCode(200)
                .body("provider", equalTo("log")).body("providers.email", equalTo("log")).body("providers.sms", equalTo("log"));
        String to = to();
        Response r = n.as("sales_agent").contentType("application/json").body(quoteSent(to)).post("/notifications");
        r.then().statusCode(202).body("status", equalTo("queued")).body("id", notNullValue());
        assertEquals("/notifications/" + r.path("id"), r.header("Location"));

        n.awaitStatus(r.path("id"), "sent").then()
                .body("to", equalTo(to)).body("template_code", equalTo("quote_sent")).body("provider", equalTo("log"))
                .body("provider_message_id", equalTo("log-" + r.path("id"))).body("attempts", equalTo(1))
                .body("subject", equalTo("Your CoachWay quote CW-2027-00042"))
                .body("body", containsString("Dear Dana,")).body("body", containsString("Total: 1250.50 USD"))
                .body("body", containsString("quote version 2 for charter CW-2027-00042 (Riverside Academy)"))
                .body("sent_at", notNullValue()).body("next_attempt_at", nullValue()).body("last_error", nullValue());
        n.as("manager").get("/notifications?to=" + to + "&status=sent&template_code=quote_sent").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(r.path("id")));
    }

    @Test
    void the_queue_is_in_the_metrics_on_the_service_port() {
        String metrics = io.restassured.RestAssured.get(n.platform.serviceUri("notification-service") + "/metrics").asString();
        for (String gauge : List.of("notifications_queued_messages", "notifications_failed_messages", "notifications_oldest_queued_age_seconds")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(gauge), gauge + " in " + metrics.lines().filter(l -> l.startsWith("notif")).toList());
        }
    }

    @Test
    void an_own_text_message_by_email_and_by_sms() {
        String email = n.queue(NotificationPlatform.email(to(), "Your pickup", "See you at 8."));
        String sms = n.queue(NotificationPlatform.sms("+16175550100", "Your coach is outside."));
        n.awaitStatus(email, "sent").then().body("subject", equalTo("Your pickup")).body("body", equalTo("See you at 8."));
        n.awaitStatus(sms, "sent").then().body("channel", equalTo("sms")).body("subject", nullValue()).body("to", equalTo("+16175550100"));
    }

    @Test
    void a_missing_variable_a_bad_address_or_a_wrong_shape_is_a_400_naming_the_field_and_queues_nothing() {
        long before = n.count("notification.notifications");
        var noReference = quoteSent(to());
        @SuppressWarnings("unchecked") var data = (Map<String, Object>) noReference.get("data");
        data.remove("reference");
        var nullName = quoteSent(to());
        @SuppressWarnings("unchecked") var data2 = (Map<String, Object>) nullName.get("data");
        data2.put("recipient_name", null);
        record Case(Map<String, Object> body, String field) {
        }
        var cases = List.of(
                new Case(noReference, "data.reference"),
                new Case(nullName, "data.recipient_name"),
                new Case(quoteSent("not-an-email"), "to"),
                new Case(quoteSent("dana@"), "to"),
                new Case(NotificationPlatform.sms("6175550100", "hi"), "to"),
                new Case(NotificationPlatform.sms("+1 617 555 0100", "hi"), "to"),
                new Case(NotificationPlatform.sms("dana@example.com", "hi"), "to"),
                new Case(Map.of("channel", "sms", "to", "+16175550100", "template_code", "quote_sent", "data", Map.of()), "channel"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "template_code", "no_such", "data", Map.of()), "template_code"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "body", "no subject"), "subject"),
                new Case(Map.of("channel", "email", "to", "a@example.com"), "body"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "template_code", "quote_sent", "body", "both"), "body"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "subject", "s", "body", "b", "data", Map.of()), "data"),
                new Case(Map.of("channel", "sms", "to", "+16175550100", "subject", "s", "body", "b"), "subject"),
                new Case(NotificationPlatform.sms("+16175550100", "x".repeat(1601)), "body"),
                new Case(Map.of("channel", "pigeon", "to", "a@example.com", "body", "b"), "channel"),
                new Case(Map.of("channel", "email", "to", 42, "subject", "s", "body", "b"), "to"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "subject", "s", "body", "b", "cc", "x"), "cc"),
                new Case(Map.of("channel", "email", "to", "a@example.com", "template_code", "quote_sent", "data", "text"), "data"),
                new Case(Map.of("to", "a@example.com", "subject", "s", "body", "b"), "channel"));
        for (var c : cases) {
            n.rawAs("sales_agent").contentType("application/json").body(c.body()).post("/notifications").then()
                    .statusCode(400).contentType(containsString("application/problem+json")).body("errors.field", hasItem(c.field()));
        }
        for (String bad : List.of("{\"channel\":", "[]", "null", "\"x\"", "")) {
            n.rawAs("sales_agent").contentType("application/json").body(bad).post("/notifications").then()
                    .statusCode(400).contentType(containsString("application/problem+json"));
        }
        n.rawAs("sales_agent").contentType("text/plain").body("channel=email").post("/notifications").then().statusCode(415);
        assertEquals(before, n.count("notification.notifications"));
    }

    @Test
    void the_same_idempotency_key_answers_the_first_message_and_another_body_under_it_is_a_409() throws Exception {
        String key = "quote-email-" + UUID.randomUUID();
        var body = quoteSent(to());
        long before = n.count("notification.notifications");
        List<Response> answers = Together.run(8, i -> n.as("service").contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/notifications"));
        answers.forEach(a -> a.then().statusCode(202).body("status", equalTo("queued")));
        String id = answers.getFirst().path("id");
        answers.forEach(a -> assertEquals(id, a.path("id")));
        assertEquals(before + 1, n.count("notification.notifications"));

        // the same request with its keys in another order and 1250.5 for 1250.50 is the same request
        var reordered = new java.util.LinkedHashMap<String, Object>();
        reordered.put("data", new java.util.TreeMap<>((Map<?, ?>) body.get("data")));
        @SuppressWarnings("unchecked") var reorderedData = (Map<String, Object>) reordered.get("data");
        reorderedData.put("total", 1250.5);
        reordered.put("to", body.get("to"));
        reordered.put("template_code", "quote_sent");
        reordered.put("channel", "email");
        n.as("service").contentType("application/json").header("Idempotency-Key", key).body(reordered).post("/notifications")
                .then().statusCode(202).body("id", equalTo(id));

        var other = quoteSent(to());
        n.as("service").contentType("application/json").header("Idempotency-Key", key).body(other).post("/notifications")
                .then().statusCode(409).body("detail", containsString("different notification"));
        // keys are per caller: another caller's key of the same text is its own
        String mine = n.as("sales_agent").contentType("application/json").header("Idempotency-Key", key).body(body).post("/notifications")
                .then().statusCode(202).extract().path("id");
        assertNotEquals(id, mine);
        assertEquals(before + 2, n.count("notification.notifications"));
        n.rawAs("service").contentType("application/json").header("Idempotency-Key", " ").body(body).post("/notifications").then().statusCode(400);
    }

    @Test
    void lists_filter_and_page_by_cursor_as_by_offset() {
        String to = to();
        for (int i = 0; i < 5; i++) n.queue(NotificationPlatform.email(to, "s" + i, "b" + i));
        KeysetPaging.assertWalkMatchesOffsets(() -> n.as("manager"), "/notifications", Map.of("to", to), 2, "id");
        KeysetPaging.assertWalkMatchesOffsets(() -> n.as("manager"), "/notifications", Map.of("channel", "email"), 3, "id");
        n.as("manager").get("/notifications?to=" + to).then().body("total", equalTo(5)).body("items[0].subject", equalTo("s4"));
        n.rawAs("manager").get("/notifications?status=lost").then().statusCode(400).body("errors.field", hasItem("status"));
        n.rawAs("manager").get("/notifications?after=garbage").then().statusCode(400).body("errors.field", hasItem("after"));
        n.rawAs("manager").get("/notifications?limit=0").then().statusCode(400);
    }

    @Test
    void unknown_ids_wrong_roles_and_illegal_states_are_refused_and_change_nothing() {
        String id = n.queue(NotificationPlatform.email(to(), "s", "b"));
        n.awaitStatus(id, "sent");
        String before = n.rows("select string_agg(id || status || attempts, ',' order by id) s from notification.notifications").getFirst().get("s").toString();

        n.as("manager").contentType("application/json").post("/notifications/" + id + "/retry").then()
                .statusCode(409).body("detail", startsWith("The notification is sent"));
        n.as("manager").post("/notifications/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        n.as("manager").post("/notifications/not-an-id/retry").then().statusCode(404);
        n.as("manager").get("/notifications/" + UUID.randomUUID()).then().statusCode(404);
        n.as("manager").get("/notifications/1-1-1-1-1").then().statusCode(404);
        for (String role : List.of("sales_agent", "dispatcher", "accountant", "service")) {
            n.as(role).post("/notifications/" + id + "/retry").then().statusCode(403);
        }
        var client = n.platform.api(NotificationPlatform.ROUTE).auth().oauth2(n.platform.portalToken("client", UUID.randomUUID()));
        client.contentType("application/json").body(NotificationPlatform.email(to(), "s", "b")).post("/notifications").then().statusCode(403);
        n.platform.api(NotificationPlatform.ROUTE).auth().oauth2(n.platform.portalToken("client", UUID.randomUUID()))
                .get("/notifications/" + id).then().statusCode(403);
        n.platform.api(NotificationPlatform.ROUTE).contentType("application/json").body(NotificationPlatform.email(to(), "s", "b"))
                .post("/notifications").then().statusCode(401);
        assertEquals(before, n.rows("select string_agg(id || status || attempts, ',' order by id) s from notification.notifications").getFirst().get("s").toString());
    }
}
