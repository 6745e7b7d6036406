package com.coachway.payment;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real neighbours: accepting a quote in charter-service opens the schedule here through
 * charter's outbox, and payments are checked against charter-service's own charters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingFlowTest {
    static final String CHARTERS = "/api/v1/charters";
    static final String PAYMENTS = "/api/v1/payments";
    Platform platform;
    String clientId;
    /** finance-service, which both services' outboxes feed (not the subject here). */
    final RecordingNeighbour finance = new RecordingNeighbour(200, PaymentPlatform.FINANCE_APPLIED);

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", "/api/v1/clients", ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start, Map.of("OUTBOX_POLL_INTERVAL_MS", "100",
                        "FINANCE_SERVICE_URL", finance.url()))
                .service("payment-service", PAYMENTS, PaymentService::start, Map.of("FINANCE_SERVICE_URL", finance.url()))
                .start();
        clientId = platform.api("/api/v1/clients").auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("name", "Riverside Academy", "type", "school", "email", "trips-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"))
                .post("/clients").then().statusCode(201).extract().path("id");
    }

    @AfterAll
    void stop() {
        platform.close();
        finance.close();
    }

    private RequestSpecification charters(String role) {
        return platform.api(CHARTERS).auth().oauth2(platform.token(role));
    }

    private RequestSpecification payments(String role) {
        return platform.api(PAYMENTS).auth().oauth2(platform.token(role));
    }

    private String charter(String day) {
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
        return charters("sales_agent").contentType("application/json").body(body).post("/charters").then().statusCode(201).extract().path("id");
    }

    private String sentQuote(String charterId) {
        String quote = charters("sales_agent").contentType("application/json").body("{}").post("/charters/" + charterId + "/quotes")
                .then().statusCode(201).extract().path("id");
        charters("sales_agent").contentType("application/json").body("{}").post("/quotes/" + quote + "/send").then().statusCode(200);
        return quote;
    }

    private Response awaitSchedule(String charterId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Response r = payments("accountant").queryParam("charter_id", charterId).get("/schedules");
            if (r.statusCode() == 200 && r.jsonPath().getInt("total") == 1) return r;
            if (System.nanoTime() > deadline) throw new AssertionError("no schedule for charter " + charterId + ": " + r.asString());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void accepting_a_quote_opens_the_schedule_with_a_quarter_due_now_and_a_wire_pays_the_deposit() {
        String charterId = charter("2027-05-14");
        String quote = sentQuote(charterId);
        BigDecimal total = new BigDecimal(charters("sales_agent").contentType("application/json").body("{}")
                .post("/quotes/" + quote + "/accept").then().statusCode(200).extract().path("total").toString());

        Response schedule = awaitSchedule(charterId);
        BigDecimal deposit = total.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
        var bookedAt = ((java.sql.Timestamp) Rows.query(platform.databaseUrl(),
                "select created_at from charter.outbox where topic = 'payment.schedule_requested' and payload->>'charter_id' = ?", charterId)
                .getFirst().get("created_at")).toInstant();
        String bookedOn = bookedAt.atZone(ZoneId.of("America/New_York")).toLocalDate().toString();
        assertEquals(List.of("deposit", "balance"), schedule.jsonPath().getList("items[0].installments.kind"));
        assertEquals(0, deposit.compareTo(new BigDecimal(schedule.jsonPath().getString("items[0].installments[0].amount"))));
        assertEquals(0, total.subtract(deposit).compareTo(new BigDecimal(schedule.jsonPath().getString("items[0].installments[1].amount"))));
        assertEquals(List.of(bookedOn, "2027-04-30"), schedule.jsonPath().getList("items[0].installments.due_date"));
        assertEquals(clientId, schedule.jsonPath().getString("items[0].client_id"));
        assertEquals(quote, schedule.jsonPath().getString("items[0].quote_id"));

        var wire = new LinkedHashMap<String, Object>(Map.of("charter_id", charterId, "client_id", clientId, "amount", deposit,
                "method", "wire", "reference", "FED-20270301-1", "received_at", "2027-03-01T10:00:00Z"));
        payments("accountant").header("Idempotency-Key", "wire-" + charterId).contentType("application/json").body(wire).post("/payments")
                .then().statusCode(201).body("status", equalTo("succeeded"));
        Response balance = payments("accountant").get("/balances/" + charterId);
        balance.then().statusCode(200);
        assertEquals(0, total.compareTo(new BigDecimal(balance.path("total").toString())));
        assertEquals(0, deposit.compareTo(new BigDecimal(balance.path("paid").toString())));
        assertEquals(0, total.subtract(deposit).compareTo(new BigDecimal(balance.path("outstanding").toString())));
        payments("accountant").queryParam("charter_id", charterId).get("/schedules").then()
                .body("items[0].installments.status", equalTo(List.of("paid", "open")));
        // the client user reads its own balance
        platform.api(PAYMENTS).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId))).get("/balances/" + charterId)
                .then().statusCode(200);
    }

    @Test
    void charter_service_decides_which_charter_exists_and_whether_it_takes_payments() {
        String quoted = charter("2027-05-20");
        sentQuote(quoted);
        var body = new LinkedHashMap<String, Object>(Map.of("client_id", clientId, "amount", 10, "method", "cash",
                "received_at", "2027-03-01T10:00:00Z"));
        body.put("charter_id", quoted);
        long before = platform.count("payment.payments");
        payments("accountant").contentType("application/json").body(body).post("/payments").then().statusCode(409)
                .body("detail", containsString("is quoted"));
        body.put("charter_id", UUID.randomUUID().toString());
        payments("accountant").contentType("application/json").body(body).post("/payments").then().statusCode(404);
        assertEquals(before, platform.count("payment.payments"));
    }
}
