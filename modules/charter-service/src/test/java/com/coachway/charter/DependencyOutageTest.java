package com.coachway.charter;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * charter-service with client-service and pricing-service unreachable (nothing listens where they
 * should be): what needs them is a 503 naming the dependency, never a 500, and writes nothing;
 * what does not need them keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependencyOutageTest {
    static final String DEAD = "http://127.0.0.1:1";
    Platform platform;

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("charter-service", CharterPlatform.CHARTERS, CharterService::start,
                        Map.of("CLIENT_SERVICE_URL", DEAD, "PRICING_SERVICE_URL", DEAD))
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private RequestSpecification as(String role) {
        return platform.api(CharterPlatform.CHARTERS).auth().oauth2(platform.token(role));
    }

    @Test
    void creating_a_charter_or_a_vehicle_is_503_and_writes_nothing() {
        long charters = platform.count("charter.charters");
        long vehicles = platform.count("charter.vehicles");
        as("sales_agent").contentType("application/json").body(CharterPlatform.charterBody(UUID.randomUUID().toString(), "2027-05-10"))
                .post("/charters").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("pricing-service"));
        as("dispatcher").contentType("application/json").body(CharterPlatform.vehicleBody("coach_56", 56))
                .post("/vehicles").then().statusCode(503).body("detail", containsString("pricing-service"));
        assertEquals(charters, platform.count("charter.charters"));
        assertEquals(vehicles, platform.count("charter.vehicles"));
    }

    @Test
    void bad_input_is_still_400_without_asking_anyone() {
        platform.raw(CharterPlatform.CHARTERS).auth().oauth2(platform.token("sales_agent")).contentType("application/json")
                .body(Map.of("client_id", "nope")).post("/charters").then().statusCode(400);
    }

    @Test
    void pricing_a_charter_is_503_and_writes_nothing() throws Exception {
        String id = UUID.randomUUID().toString();
        Rows.execute(platform.databaseUrl(), "insert into charter.charters (id, reference, client_id, trip_type, passenger_count, pickup_at, ends_at, miles, created_by) "
                + "values ('" + id + "', 'CW-2027-90001', '" + UUID.randomUUID() + "', 'one_way', 10, '2027-05-10T12:00Z', '2027-05-10T16:00Z', 50, 'test')");
        Rows.execute(platform.databaseUrl(), "insert into charter.charter_vehicle_lines (id, charter_id, position, vehicle_type, capacity) values ('"
                + UUID.randomUUID() + "', '" + id + "', 1, 'coach_56', 56)");
        long quotes = platform.count("charter.charter_quotes");
        as("sales_agent").contentType("application/json").body("{}").post("/charters/" + id + "/quotes").then().statusCode(503)
                .body("detail", containsString("client-service"));
        assertEquals(quotes, platform.count("charter.charter_quotes"));
        as("manager").get("/charters/" + id).then().statusCode(200).body("reference", equalTo("CW-2027-90001"));
    }

    @Test
    void reading_works_and_health_reports_the_database() {
        as("manager").get("/charters").then().statusCode(200);
        as("manager").get("/vehicles").then().statusCode(200);
        platform.api(CharterPlatform.CHARTERS).get("/health").then().statusCode(200)
                .body("service", equalTo("charter-service")).body("checks.database.status", equalTo("up"));
    }
}
