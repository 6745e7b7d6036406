package com.coachway.portals;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.payment.PaymentService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.emptyList;
import static com.coachway.portals.PortalsPlatform.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client portal over the real charter- and payment-service (with client- and pricing-service
 * behind them): their contracts are what portals reads, and their own tenancy is what keeps two
 * clients apart first. Documents, invoices and change cases are stood in for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNeighboursTest {
    static final String CHARTERS = "/api/v1/charters";
    static final String PAYMENTS = "/api/v1/payments";
    final RecordingNeighbour finance = new RecordingNeighbour(200, json(Map.of("status", "applied")));
    final RecordingNeighbour others = new RecordingNeighbour(200, emptyList());
    Platform platform;
    String clientA;
    String clientB;
    String charterA;
    String charterB;
    String quoteA;
    String quoteB;

    @BeforeAll
    void start() {
        finance.answer("/invoices", 200, emptyList());
        var portalsEnv = Map.of("DOCUMENT_SERVICE_URL", others.url(), "VENDOR_SERVICE_URL", others.url(),
                "CHANGE_MGMT_SERVICE_URL", others.url(), "ANALYTICS_SERVICE_URL", others.url(), "SALES_SERVICE_URL", others.url());
        platform = Platform.builder()
                .env("FINANCE_SERVICE_URL", finance.url())
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", "/api/v1/clients", ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start, Map.of("OUTBOX_POLL_INTERVAL_MS", "100"))
                .service("payment-service", PAYMENTS, PaymentService::start)
                .service("portals-service", PortalsPlatform.PORTALS, PortalsService::start, portalsEnv)
                .start();
        clientA = newClient("Riverside Academy");
        clientB = newClient("Hilltop Rotary");
        charterA = charter(clientA, "2030-05-14");
        charterB = charter(clientB, "2030-05-15");
        quoteA = sentQuote(charterA);
        quoteB = sentQuote(charterB);
    }

    @AfterAll
    void stop() {
        platform.close();
        finance.close();
        others.close();
    }

    RequestSpecification staff(String route) {
        return platform.api(route).auth().oauth2(platform.token("sales_agent"));
    }

    RequestSpecification portal(String clientId) {
        return platform.api(PortalsPlatform.PORTALS).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    String newClient(String name) {
        return platform.api("/api/v1/clients").auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("name", name, "type", "school", "email", "trips-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"))
                .post("/clients").then().statusCode(201).extract().path("id");
    }

    String charter(String clientId, String day) {
        var body = new LinkedHashMap<String, Object>();
        body.put("client_id", clientId);
        body.put("trip_type", "round_trip");
        body.put("passenger_count", 40);
        body.put("pickup_at", day + "T08:00:00-04:00");
        body.put("return_at", day + "T18:00:00-04:00");
        body.put("stops", List.of(Map.of("sequence", 1, "address", "10 River Rd, Cambridge, MA", "depart_at", day + "T08:00:00-04:00"),
                Map.of("sequence", 2, "address", "Plimoth Patuxet, Plymouth, MA", "arrive_at", day + "T09:30:00-04:00")));
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)));
        body.put("miles", 100);
        return staff(CHARTERS).contentType("application/json").body(body).post("/charters").then().statusCode(201).extract().path("id");
    }

    String sentQuote(String charterId) {
        String quote = staff(CHARTERS).contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes")
                .then().statusCode(201).extract().path("id");
        staff(CHARTERS).contentType("application/json").body("{}").post("/quotes/" + quote + "/send").then().statusCode(200);
        return quote;
    }

    /** The portal's charter page once payment-service has the charter's schedule (opened through charter-service's outbox). */
    Response awaitBalance(String clientId, String charterId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Response r = portal(clientId).get("/client/charters/" + charterId);
            if (r.statusCode() == 200 && r.path("balance") != null) return r;
            if (System.nanoTime() > deadline) throw new AssertionError("no balance for " + charterId + ": " + r.asString());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void a_client_sees_its_own_charter_and_quote_accepts_it_and_never_reaches_the_other_clients() {
        Response overview = portal(clientA).get("/client/overview");
        overview.then().statusCode(200).body("unavailable", equalTo(List.of())).body("balance_due", equalTo(0.0f));
        assertEquals(List.of(quoteA), overview.jsonPath().getList("open_quotes.id"));

        Response page = portal(clientA).get("/client/charters/" + charterA);
        page.then().statusCode(200).body("charter.id", equalTo(charterA)).body("charter.client_id", equalTo(clientA))
                .body("unavailable", equalTo(List.of())).body("payments", equalTo(List.of())).body("balance", equalTo(null));
        assertEquals(List.of(quoteA), page.jsonPath().getList("quotes.id"));

        // client B's ids, asked of the real services with client A's token
        for (Response r : List.of(portal(clientA).get("/client/charters/" + charterB),
                portal(clientA).contentType("application/json").body("{}").post("/client/quotes/" + quoteB + "/accept"))) {
            assertEquals(404, r.statusCode(), r::asString);
            assertFalse(r.asString().contains(clientB) || r.asString().contains(charterB), r::asString);
        }
        portal(clientA).contentType("application/json").body(Map.of("charter_id", charterB, "type", "other", "description", "not mine",
                        "requested_changes", Map.of("note", "a stop in Quincy")))
                .post("/client/change-requests").then().statusCode(400).body("errors[0].field", equalTo("charter_id"));
        staff(CHARTERS).get("/quotes/" + quoteB).then().statusCode(200).body("status", equalTo("sent"));
        Response list = portal(clientA).get("/client/charters");
        assertEquals(List.of(charterA), list.jsonPath().getList("items.id"));
        // the real charter-service takes the offset the portal passes on (the overview above, its in-progress ask)
        Response skipped = portal(clientA).queryParam("offset", 1).get("/client/charters");
        assertEquals(200, skipped.statusCode(), skipped::asString);
        assertEquals(List.of(), skipped.jsonPath().getList("items.id"));
        assertEquals(1, skipped.jsonPath().getInt("offset"));
        assertEquals(1, skipped.jsonPath().getInt("total"));

        // client A accepts its own quote in the portal: charter-service books it, payment-service opens its schedule
        BigDecimal total = new BigDecimal(portal(clientA).contentType("application/json").body("{}").post("/client/quotes/" + quoteA + "/accept")
                .then().statusCode(200).body("status", equalTo("accepted")).extract().path("total").toString());
        staff(CHARTERS).get("/charters/" + charterA).then().statusCode(200).body("status", equalTo("booked"));
        Response booked = awaitBalance(clientA, charterA);
        assertEquals(0, total.compareTo(new BigDecimal(booked.path("balance.outstanding").toString())), booked::asString);
        Response after = portal(clientA).get("/client/overview");
        after.then().statusCode(200).body("unavailable", equalTo(List.of()));
        assertEquals(List.of(charterA), after.jsonPath().getList("upcoming_trips.id"));
        assertEquals(0, total.compareTo(new BigDecimal(after.path("balance_due").toString())), after::asString);
        assertTrue(after.jsonPath().getList("open_quotes").isEmpty());

        // and client B's portal still shows only its own, with its quote open
        Response b = portal(clientB).get("/client/overview");
        b.then().statusCode(200);
        assertEquals(List.of(quoteB), b.jsonPath().getList("open_quotes.id"));
        assertFalse(b.asString().contains(charterA) || b.asString().contains(clientA), b::asString);
    }
}
