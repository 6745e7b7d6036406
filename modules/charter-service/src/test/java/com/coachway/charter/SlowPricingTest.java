package com.coachway.charter;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow pricing-service holds nothing of charter-service's: while a quote is priced or accepted
 * and pricing takes its time, the charter's row is not locked (another request on it answers),
 * /health answers, and no pooled connection sits idle in a transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowPricingTest {
    SlowPricing pricing;
    CharterPlatform cw;
    String clientId;

    @BeforeAll
    void start() {
        pricing = new SlowPricing();
        // One attempt per outbox event: a give-back refused once has failed for good.
        cw = new CharterPlatform(Map.of("PRICING_SERVICE_URL", pricing.uri().toString(), "OUTBOX_MAX_ATTEMPTS", "1"));
        pricing.forwardTo(URI.create(cw.platform.gatewayUrl() + CharterPlatform.PRICING));
        clientId = cw.createClient();
    }

    @AfterAll
    void stop() {
        cw.close();
        pricing.close();
    }

    /** charter-service's sessions that are inside a transaction and waiting for it to go on. */
    private List<Map<String, Object>> idleInTransaction() {
        List<Map<String, Object>> sessions = cw.rows("select state, query from pg_stat_activity "
                + "where datname = current_database() and application_name = 'charter-service'");
        assertFalse(sessions.isEmpty(), "charter-service's pooled connections are found by their application_name");
        return sessions.stream().filter(s -> String.valueOf(s.get("state")).startsWith("idle in transaction")).toList();
    }

    /** What another user does with the charter meanwhile: read it, change its notes, and the service's health. */
    private void otherRequestsOnTheSameCharterAnswer(String charterId) {
        cw.getCharter(charterId).then().statusCode(200);
        cw.as("sales_agent").contentType("application/json")
                .body(Map.of("version", cw.version(charterId), "notes", "Changed while pricing was slow"))
                .patch("/charters/" + charterId).then().statusCode(200).body("notes", equalTo("Changed while pricing was slow"));
        cw.platform.api(CharterPlatform.CHARTERS).get("/health").then().statusCode(200);
    }

    @Test
    void accepting_a_quote_while_pricing_is_slow_to_count_its_promo_code_locks_nothing() throws Exception {
        String code = "SLOW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken()).contentType("application/json")
                .body(Map.of("code", code, "discount_type", "percent", "discount_value", 10, "max_uses", 5))
                .post("/promo-codes").then().statusCode(201);
        String charterId = cw.createCharter(clientId, "2027-08-02");
        String quoteId = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(quoteId).then().statusCode(200);

        pricing.hold("POST /promo-codes/" + code + "/redemptions");
        CompletableFuture<Response> accept = CompletableFuture.supplyAsync(() -> cw.accept(quoteId));
        assertTrue(pricing.awaitHeld(), "the accept asked pricing to count the promo code");

        otherRequestsOnTheSameCharterAnswer(charterId);
        assertFalse(accept.isDone(), "the accept is still waiting for pricing");
        assertEquals(List.of(), idleInTransaction());

        pricing.release();
        accept.get(30, TimeUnit.SECONDS).then().statusCode(200).body("status", equalTo("accepted"));
        cw.getCharter(charterId).then().body("status", equalTo("booked")).body("notes", equalTo("Changed while pricing was slow"));
        cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken()).get("/promo-codes/" + code + "/redemptions")
                .then().body("total", equalTo(1)).body("items[0].reference", equalTo(quoteId));
    }

    @Test
    void pricing_a_quote_while_pricing_is_slow_locks_nothing_and_a_change_meanwhile_is_noticed() throws Exception {
        String charterId = cw.createCharter(clientId, "2027-08-03");

        pricing.hold("POST /calculate");
        CompletableFuture<Response> create = CompletableFuture.supplyAsync(() -> cw.as("sales_agent")
                .contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes"));
        assertTrue(pricing.awaitHeld(), "the new quote asked pricing for the price");

        otherRequestsOnTheSameCharterAnswer(charterId);
        assertFalse(create.isDone(), "the new quote is still waiting for pricing");
        assertEquals(List.of(), idleInTransaction());

        pricing.release();
        create.get(30, TimeUnit.SECONDS).then().statusCode(409).body("detail", containsString("changed while it was being priced"));
        cw.createQuote(charterId);
    }

    @Test
    void while_a_promo_use_is_given_back_an_accept_of_its_quote_is_refused_and_afterwards_a_retry_books_and_counts_it_once() throws Exception {
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> promos =
                () -> cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken());
        String code = "BACK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        promos.get().contentType("application/json").body(Map.of("code", code, "discount_type", "percent", "discount_value", 5, "max_uses", 1))
                .post("/promo-codes").then().statusCode(201);
        String charterId = cw.createCharter(clientId, "2027-08-04");
        String quoteId = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(quoteId).then().statusCode(200);

        // The booking's last write fails after pricing counted the use, and pricing is slow to give it back.
        pricing.hold("DELETE /promo-codes/" + code + "/redemptions/" + quoteId);
        cw.acceptFailingAtCommit(charterId, quoteId);
        assertTrue(pricing.awaitHeld(), "the outbox worker asked pricing to give the use back");

        cw.accept(quoteId).then().statusCode(409).body("detail", containsString("being given back"));
        assertEquals(List.of(), idleInTransaction(), "the worker waits for pricing outside any transaction");

        pricing.release();
        cw.awaitOutboxDelivered("promo.release_requested", "quote_id", quoteId);
        promos.get().get("/promo-codes/" + code).then().body("uses", equalTo(0));
        cw.accept(quoteId).then().statusCode(200).body("status", equalTo("accepted"));
        promos.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));
    }

    @Test
    void a_give_back_that_fails_for_good_clears_its_mark_so_the_quote_can_still_be_booked_counting_its_use_once() {
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> promos =
                () -> cw.platform.api(CharterPlatform.PRICING).auth().oauth2(cw.platform.adminToken());
        String code = "LOST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        promos.get().contentType("application/json").body(Map.of("code", code, "discount_type", "percent", "discount_value", 5, "max_uses", 1))
                .post("/promo-codes").then().statusCode(201);
        String charterId = cw.createCharter(clientId, "2027-08-11");
        String quoteId = cw.as("sales_agent").contentType("application/json").body(Map.of("promo_code", code))
                .post("/charters/" + charterId + "/quotes").then().statusCode(201).extract().path("id");
        cw.send(quoteId).then().statusCode(200);

        pricing.refuse("DELETE /promo-codes/" + code + "/redemptions/" + quoteId);
        try {
            cw.acceptFailingAtCommit(charterId, quoteId);
            cw.awaitOutbox("promo.release_requested", "quote_id", quoteId, "failed");
            cw.awaitRow("select 1 from charter.charter_quotes where id = ?::uuid and promo_release_event is null",
                    () -> "the give-back's mark was not cleared after its last attempt", quoteId);
        } finally {
            pricing.stopRefusing();
        }
        promos.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));

        cw.accept(quoteId).then().statusCode(200).body("status", equalTo("accepted"));
        promos.get().get("/promo-codes/" + code).then().body("uses", equalTo(1));
    }
}
