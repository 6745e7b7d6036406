package com.coachway.notification;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static com.coachway.notification.FakeProvider.Reply;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker with the real SendGrid and Twilio SDKs, pointed at local fakes that speak their
 * wire formats: retries with backoff on 5xx and 429 (honouring Retry-After), failure for good
 * after five attempts with the provider's error kept, failure at once on a refusal that will
 * not change, and the provider's message id recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderDeliveryTest {
    FakeSendGrid sendGrid;
    FakeTwilio twilio;
    NotificationPlatform n;

    @BeforeAll
    void start() {
        sendGrid = new FakeSendGrid();
        twilio = new FakeTwilio();
        n = new NotificationPlatform(sendGrid, twilio, Map.of());
    }

    @AfterAll
    void stop() {
        n.close();
        sendGrid.close();
        twilio.close();
    }

    private static String email() {
        return "rider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String phone() {
        return "+1617" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    @Test
    void health_names_the_providers_in_use() {
        n.platform.api(NotificationPlatform.ROUTE).get("/health").then().statusCode(200)
                .body("provider", equalTo("sendgrid+twilio")).body("providers.email", equalTo("sendgrid")).body("providers.sms", equalTo("twilio"));
    }

    @Test
    void an_email_goes_through_sendgrid_and_its_message_id_is_recorded() {
        String to = email();
        String id = n.queue(NotificationPlatform.email(to, "Your trip", "See you at 8."));
        n.awaitStatus(id, "sent").then().body("provider", equalTo("sendgrid")).body("provider_message_id", startsWith("sg-"))
                .body("attempts", equalTo(1)).body("last_error", nullValue());
        assertEquals(1, sendGrid.deliveriesOf(id));
    }

    @Test
    void an_sms_goes_through_twilio_and_its_sid_is_recorded() {
        String to = phone();
        String id = n.queue(NotificationPlatform.sms(to, "Your coach is outside."));
        n.awaitStatus(id, "sent").then().body("provider", equalTo("twilio")).body("provider_message_id", startsWith("SM"))
                .body("attempts", equalTo(1));
        assertEquals(1, twilio.deliveriesOf(to + "|Your coach is outside."));
    }

    @Test
    void a_provider_answering_500_twice_then_accepting_ends_sent_after_three_attempts() {
        String to = email();
        sendGrid.script(to, FakeSendGrid.error(500, "internal error"), FakeSendGrid.error(503, "unavailable"));
        String id = n.queue(NotificationPlatform.email(to, "Retry me", "Third time lucky."));
        n.awaitStatus(id, "sent").then().body("attempts", equalTo(3)).body("provider_message_id", startsWith("sg-"));
        assertEquals(3, sendGrid.seenBy(to).size());
        assertEquals(1, sendGrid.deliveriesOf(id));

        String phone = phone();
        twilio.script(phone, FakeTwilio.error(500, 20500, "Internal Server Error"), FakeTwilio.error(500, 20500, "Internal Server Error"));
        String sms = n.queue(NotificationPlatform.sms(phone, "Retry me too"));
        n.awaitStatus(sms, "sent").then().body("attempts", equalTo(3)).body("provider_message_id", startsWith("SM"));
        assertEquals(3, twilio.seenBy(phone).size(), "the SDK's own retries are off: one request per attempt");
    }

    @Test
    void a_provider_always_failing_ends_failed_after_five_attempts_with_its_error_kept_and_a_retry_sends_it() {
        String to = email();
        sendGrid.always(to, FakeSendGrid.error(502, "bad gateway upstream"));
        String id = n.queue(NotificationPlatform.email(to, "Doomed", "Never arrives."));
        n.awaitStatus(id, "failed").then().body("attempts", equalTo(5)).body("provider", equalTo("sendgrid"))
                .body("last_error", containsString("502")).body("last_error", containsString("bad gateway upstream"))
                .body("failed_at", notNullValue()).body("next_attempt_at", nullValue());
        assertEquals(5, sendGrid.seenBy(to).size());
        n.as("manager").get("/notifications?status=failed&to=" + to).then().body("total", equalTo(1))
                .body("items[0].last_error", containsString("bad gateway upstream"));

        // the provider recovers; an operator sends it again
        sendGrid.succeed(to);
        n.as("manager").post("/notifications/" + id + "/retry").then().statusCode(202).body("status", equalTo("queued"))
                .body("attempts", equalTo(0)).body("last_error", containsString("bad gateway upstream"));
        n.awaitStatus(id, "sent").then().body("attempts", equalTo(1));
        n.as("manager").post("/notifications/" + id + "/retry").then().statusCode(409).body("detail", containsString("is sent"));
    }

    @Test
    void a_429_is_retried_no_sooner_than_its_retry_after() {
        String to = email();
        sendGrid.script(to, new Reply(429, Map.of("Retry-After", "1"), "{\"errors\":[{\"message\":\"too many requests\"}]}"));
        String id = n.queue(NotificationPlatform.email(to, "Busy", "Wait for it."));
        n.await(() -> sendGrid.seenBy(to).size() == 1 && "queued".equals(n.get(id).path("status")) && n.get(id).path("last_error") != null,
                () -> "the 429 was not recorded: " + n.get(id).asString());
        Response waiting = n.get(id);
        Duration planned = Duration.between(OffsetDateTime.parse(waiting.path("last_attempt_at")), OffsetDateTime.parse(waiting.path("next_attempt_at")));
        assertTrue(planned.compareTo(Duration.ofSeconds(1)) >= 0, "next attempt " + planned + " after the 429, not the Retry-After of 1 s");
        n.awaitStatus(id, "sent").then().body("attempts", equalTo(2));
        var seen = sendGrid.seenBy(to);
        assertTrue(FakeProvider.gap(seen.get(0), seen.get(1)).compareTo(Duration.ofSeconds(1)) >= 0, FakeProvider.lines(seen).toString());

        String phone = phone();
        twilio.script(phone, new Reply(429, Map.of("Retry-After", "1"), "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}"));
        String sms = n.queue(NotificationPlatform.sms(phone, "Busy too"));
        n.awaitStatus(sms, "sent").then().body("attempts", equalTo(2));
        var smsSeen = twilio.seenBy(phone);
        assertTrue(FakeProvider.gap(smsSeen.get(0), smsSeen.get(1)).compareTo(Duration.ofSeconds(1)) >= 0, FakeProvider.lines(smsSeen).toString());
    }

    @Test
    void an_address_the_provider_rejects_fails_at_once() {
        String to = email();
        sendGrid.always(to, FakeSendGrid.error(400, "Does not contain a valid address."));
        String id = n.queue(NotificationPlatform.email(to, "Nope", "Nobody home."));
        n.awaitStatus(id, "failed").then().body("attempts", equalTo(1)).body("last_error", containsString("valid address"));
        assertEquals(1, sendGrid.seenBy(to).size());

        String phone = phone();
        twilio.always(phone, FakeTwilio.error(400, 21211, "The 'To' number " + phone + " is not a valid phone number."));
        String sms = n.queue(NotificationPlatform.sms(phone, "Nobody home either"));
        n.awaitStatus(sms, "failed").then().body("attempts", equalTo(1)).body("provider", equalTo("twilio"))
                .body("last_error", containsString("21211")).body("last_error", containsString("not a valid phone number"));
        assertEquals(1, twilio.seenBy(phone).size());
    }
}
