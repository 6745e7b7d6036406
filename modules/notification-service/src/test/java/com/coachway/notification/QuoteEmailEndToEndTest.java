package com.coachway.notification;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sending a quote in charter-service really queues the quote email here: charter's outbox
 * delivers notification.requested, the quote_sent template renders from the data charter sends,
 * and the log provider sends it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteEmailEndToEndTest {
    static final String CHARTERS = "/api/v1/charters";
    Platform platform;

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", "/api/v1/clients", ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start, Map.of("OUTBOX_POLL_INTERVAL_MS", "50"))
                .service("notification-service", NotificationPlatform.ROUTE, NotificationService::start, Map.of("NOTIFY_POLL_INTERVAL_MS", "50"))
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private String created(Response r) {
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    @Test
    void sending_a_quote_queues_and_sends_the_quote_email_to_the_contact() {
        String admin = platform.adminToken();
        String sales = platform.token("sales_agent");
        String email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example.org";
        String client = created(platform.api("/api/v1/clients").auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "Riverside Academy", "type", "school", "email", "trips-" + UUID.randomUUID() + "@example.org")).post("/clients"));
        String contact = created(platform.api("/api/v1/clients").auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "Pat Planner", "email", email)).post("/clients/" + client + "/contacts"));
        String day = "2027-06-03";
        String charter = created(platform.api(CHARTERS).auth().oauth2(sales).contentType("application/json").body(Map.of(
                "client_id", client, "contact_id", contact, "trip_type", "round_trip", "passenger_count", 40,
                "pickup_at", day + "T08:00:00-04:00", "return_at", day + "T18:00:00-04:00",
                "stops", List.of(Map.of("sequence", 1, "address", "10 River Rd, Cambridge", "depart_at", day + "T08:00:00-04:00"),
                        Map.of("sequence", 2, "address", "Plimoth Patuxet, Plymouth", "arrive_at", day + "T09:30:00-04:00")),
                "vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)), "miles", 100)).post("/charters"));
        String quote = created(platform.api(CHARTERS).auth().oauth2(sales).contentType("application/json").body("{}").post("/charters/" + charter + "/quotes"));
        Response sent = platform.api(CHARTERS).auth().oauth2(sales).contentType("application/json").body("{}").post("/quotes/" + quote + "/send");
        assertEquals(200, sent.statusCode(), sent::asString);
        String reference = platform.api(CHARTERS).auth().oauth2(sales).get("/charters/" + charter).path("reference");
        String total = platform.api(CHARTERS).auth().oauth2(sales).get("/quotes/" + quote).path("total").toString();

        var notifications = platform.api(NotificationPlatform.ROUTE).auth().oauth2(platform.token("manager"));
        NotificationPlatform.await(() -> "sent".equals(platform.api(NotificationPlatform.ROUTE).auth().oauth2(platform.token("manager"))
                        .get("/notifications?template_code=quote_sent&to=" + email).path("items[0].status")),
                () -> "the quote email was not sent: " + platform.api(NotificationPlatform.ROUTE).auth().oauth2(platform.token("manager"))
                        .get("/notifications?to=" + email).asString());
        notifications.get("/notifications?template_code=quote_sent&to=" + email).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].provider", equalTo("log"))
                .body("items[0].created_by", equalTo("charter-service"))
                .body("items[0].subject", equalTo("Your CoachWay quote " + reference))
                .body("items[0].body", containsString("Dear Pat Planner,"))
                .body("items[0].body", containsString("for charter " + reference + " (Riverside Academy)"))
                .body("items[0].body", containsString("Total: " + new java.math.BigDecimal(total).setScale(2) + " USD"));
    }
}
