package com.coachway.portals;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.charter;
import static com.coachway.portals.PortalsPlatform.json;
import static com.coachway.portals.PortalsPlatform.page;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * payment- and analytics-service accept connections and never answer: the pages wait for them no
 * longer than PORTAL_CALL_TIMEOUT_MS, then answer 200 without them. (Without the deadline these
 * requests would not return at all, so the bound below can be generous.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingDownstreamTest {
    static final int TIMEOUT_MS = 800;
    final HangingNeighbour payments = new HangingNeighbour();
    final HangingNeighbour analytics = new HangingNeighbour();
    PortalsPlatform pp;
    final UUID client = UUID.randomUUID();
    final UUID charterId = UUID.randomUUID();

    @BeforeAll
    void start() {
        pp = new PortalsPlatform(Map.of("PAYMENT_SERVICE_URL", payments.url(), "ANALYTICS_SERVICE_URL", analytics.url(),
                "PORTAL_CALL_TIMEOUT_MS", String.valueOf(TIMEOUT_MS)));
        var c = charter(charterId, client, "booked", "2030-05-01T08:00:00-04:00", null);
        pp.charters.answer("/charters", 200, json(page(List.of(c))));
        pp.charters.answer("/charters/" + charterId, 200, json(c));
        pp.charters.answer("/charters/" + charterId + "/quotes", 200, json(page(List.of())));
        pp.changeMgmt.answer("/cases", 200, json(page(List.of())));
        pp.sales.answer("/leads", 200, json(page(List.of())));
    }

    @AfterAll
    void stop() {
        pp.close();
        payments.close();
        analytics.close();
    }

    long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void a_hanging_payment_service_leaves_the_charter_page_200_within_the_timeout() {
        Response[] r = new Response[1];
        long ms = timed(() -> r[0] = pp.asClient(client).get("/client/charters/" + charterId));
        r[0].then().statusCode(200).body("unavailable", equalTo(List.of("payments"))).body("payments", nullValue())
                .body("charter.id", equalTo(charterId.toString()));
        assertTrue(ms >= TIMEOUT_MS - 50, "it waited for payment-service up to its deadline (" + ms + " ms)");
        // The neighbour never answers, so any answer at all is the deadline's; the bound is wide
        // so a loaded CI machine cannot fail it, and only tells "bounded" from "hung".
        assertTrue(ms < TIMEOUT_MS + 5_000, "answered in " + ms + " ms, timeout " + TIMEOUT_MS);
        assertTrue(payments.connections() > 0, "payment-service was asked");
    }

    @Test
    void a_hanging_payment_service_leaves_the_overview_200_within_the_timeout() {
        Response[] r = new Response[1];
        long ms = timed(() -> r[0] = pp.asClient(client).get("/client/overview"));
        r[0].then().statusCode(200).body("unavailable", equalTo(List.of("payments"))).body("balance_due", nullValue());
        assertTrue(ms < TIMEOUT_MS + 5_000, "answered in " + ms + " ms, timeout " + TIMEOUT_MS);
    }

    @Test
    void a_hanging_analytics_service_leaves_the_dashboard_200_with_the_counts() {
        Response[] r = new Response[1];
        long ms = timed(() -> r[0] = pp.as("manager").get("/admin/dashboard"));
        r[0].then().statusCode(200).body("unavailable", equalTo(List.of("analytics"))).body("analytics", nullValue())
                .body("open_cases", equalTo(0)).body("open_leads", equalTo(0));
        assertTrue(ms < TIMEOUT_MS + 5_000, "answered in " + ms + " ms, timeout " + TIMEOUT_MS);
    }
}
