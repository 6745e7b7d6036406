package com.coachway.payment;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET): card endpoints say so with a 503, manual payments work. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutStripeTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform(false, Map.of());
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    @Test
    void health_is_healthy_and_says_stripe_is_not_configured() {
        pay.platform.api(PaymentPlatform.ROUTE).get("/health").then().statusCode(200).body("status", equalTo("healthy"))
                .body("service", equalTo("payment-service"))
                .body("checks.stripe.status", equalTo("up")).body("checks.stripe.detail", containsString("not configured"));
    }

    @Test
    void card_endpoints_answer_503_saying_stripe_is_not_configured_and_write_nothing() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "500.00");
        var before = pay.counts();
        pay.intent("accountant", charter, "100.00").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("detail", containsString("Stripe is not configured"))
                .body("detail", containsString("STRIPE_SECRET_KEY"));
        pay.asClientUser(client).contentType("application/json").body(Map.of("charter_id", charter.toString(), "amount", 1))
                .post("/intents").then().statusCode(503);
        pay.webhook("{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{}}}", "t=1,v1=00")
                .then().statusCode(503).contentType("application/problem+json").body("detail", containsString("STRIPE_WEBHOOK_SECRET"));
        assertEquals(before, pay.counts());
        assertEquals(0, pay.stripe.requests().size());
    }

    @Test
    void manual_payments_and_their_refunds_still_work() {
        UUID client = UUID.randomUUID();
        UUID charter = pay.scheduledCharter(client, "500.00");
        String payment = pay.paid(charter, client, "125.00");
        pay.as("accountant").contentType("application/json").body(Map.of("amount", 25)).post("/payments/" + payment + "/refunds")
                .then().statusCode(201).body("status", equalTo("succeeded"));
        pay.balance(charter).then().body("paid", equalTo(125.00f)).body("refunded", equalTo(25.00f)).body("outstanding", equalTo(400.00f));
    }
}
