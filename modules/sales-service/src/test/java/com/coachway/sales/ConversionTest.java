package com.coachway.sales;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.common.http.Json;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Conversion against the real client-, pricing- and charter-service (auth-service signs the
 * tokens): the client and the inquiry are made with the caller's own token, before the lead is
 * marked; a refusal or a half-done attempt leaves the lead as it was and a retry makes nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionTest {
    static final String CLIENTS = "/api/v1/clients";
    static final String CHARTERS = "/api/v1/charters";
    static final String DEAD = SalesPlatform.DEAD;
    Platform platform;
    /** change-mgmt-service's /audit-events: where lead.converted goes. */
    final AuditTrailReceiver audit = new AuditTrailReceiver();

    @BeforeAll
    void start() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", CLIENTS, ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", CHARTERS, CharterService::start,
                        Map.of("PAYMENT_SERVICE_URL", DEAD, "NOTIFICATION_SERVICE_URL", DEAD, "FINANCE_SERVICE_URL", DEAD))
                .service("sales-service", SalesPlatform.SALES, SalesService::start,
                        Map.of("NOTIFICATION_SERVICE_URL", DEAD, "CHANGE_MGMT_SERVICE_URL", audit.url()))
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
        audit.close();
    }

    long auditRows(String leadId) {
        return rows("select 1 from sales.outbox where topic like 'audit.%' and payload->>'entity_id' = ?", leadId).size();
    }

    RequestSpecification as(String role) {
        return platform.api(SalesPlatform.SALES).auth().oauth2(platform.token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(SalesPlatform.SALES).auth().oauth2(platform.token(role));
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    static String subjectOf(String jwt) {
        var payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return Json.MAPPER.readTree(payload).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String lead(String company, String email, Integer passengers) {
        var l = new LinkedHashMap<String, Object>();
        l.put("name", "Morgan Planner");
        if (company != null) l.put("company", company);
        if (email != null) l.put("email", email);
        l.put("phone", "+16175550123");
        l.put("source", "website");
        l.put("trip_description", "Museum day trip");
        if (passengers != null) l.put("estimated_passengers", passengers);
        Response r = as("sales_agent").contentType("application/json").body(l).post("/leads");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    static Map<String, Object> trip(String vehicleType) {
        String day = "2027-05-14";
        var c = new LinkedHashMap<String, Object>();
        c.put("trip_type", "round_trip");
        c.put("pickup_at", day + "T08:00:00-04:00");
        c.put("return_at", day + "T18:00:00-04:00");
        c.put("stops", List.of(
                Map.of("sequence", 1, "address", "1 Main St, Springfield", "depart_at", day + "T08:00:00-04:00"),
                Map.of("sequence", 2, "address", "Science Museum, Boston", "arrive_at", day + "T10:30:00-04:00", "depart_at", day + "T16:00:00-04:00")));
        c.put("vehicles", List.of(Map.of("vehicle_type", vehicleType, "quantity", 1)));
        c.put("miles", 120);
        c.put("notes", "Wheelchair lift needed");
        return c;
    }

    Response convert(String role, String leadId, Map<String, Object> body) {
        return as(role).contentType("application/json").body(body).post("/leads/" + leadId + "/convert");
    }

    long clients() {
        return platform.count("client.clients");
    }

    long charters() {
        return platform.count("charter.charters");
    }

    @Test
    void a_lead_becomes_a_client_and_a_charter_inquiry_made_with_the_callers_token() {
        String id = lead("Lakeside School", "office@lakeside-school.com", 40);
        String reference = as("sales_agent").get("/leads/" + id).path("reference");
        var r = convert("sales_agent", id, Map.of("charter", trip("coach_56"), "client", Map.of("type", "school")));
        r.then().statusCode(200).body("lead_id", equalTo(id));
        String client = r.path("client_id");
        String charter = r.path("charter_id");

        platform.api(CLIENTS).auth().oauth2(platform.adminToken()).get("/clients/" + client).then().statusCode(200)
                .body("name", equalTo("Lakeside School")).body("type", equalTo("school")).body("email", equalTo("office@lakeside-school.com"))
                .body("phone", equalTo("+16175550123"));
        platform.api(CHARTERS).auth().oauth2(platform.adminToken()).get("/charters/" + charter).then().statusCode(200)
                .body("status", equalTo("inquiry")).body("client_id", equalTo(client)).body("passenger_count", equalTo(40))
                .body("notes", containsString(reference)).body("notes", containsString("Museum day trip"))
                .body("notes", containsString("Wheelchair lift needed"));
        // charter-service recorded the sales agent, not sales-service, as who made the inquiry
        String agentUser = subjectOf(platform.token("sales_agent"));
        platform.api(CHARTERS).auth().oauth2(platform.adminToken()).get("/charters/" + charter + "/history").then().statusCode(200)
                .body("items[0].actor", equalTo(agentUser));
        as("sales_agent").get("/leads/" + id).then().statusCode(200).body("converted_client_id", equalTo(client))
                .body("converted_charter_id", equalTo(charter)).body("status", equalTo("qualified")).body("version", equalTo(2))
                .body("converted_at", org.hamcrest.Matchers.notNullValue());

        var entry = audit.awaitOne("lead.converted", id);
        assertEquals(rows("select id::text as id from sales.outbox where topic = 'audit.lead.converted' and payload->>'entity_id' = ?", id)
                .getFirst().get("id"), entry.key(), "the Idempotency-Key is the outbox id");
        assertEquals(agentUser, entry.body().path("actor").asText());
        assertEquals("new", entry.body().path("from").asText());
        assertEquals("qualified", entry.body().path("to").asText());
        assertEquals(client, entry.body().path("details").path("client_id").asText());
        assertEquals(charter, entry.body().path("details").path("charter_id").asText());
        assertEquals(reference, entry.body().path("details").path("reference").asText());

        long c = clients();
        long ch = charters();
        convert("manager", id, Map.of("charter", trip("coach_56"))).then().statusCode(409)
                .body("detail", containsString(client)).body("detail", containsString(charter));
        assertEquals(c, clients());
        assertEquals(ch, charters());
        assertEquals(1, auditRows(id), "a refused second conversion leaves no entry");
    }

    @Test
    void a_lead_whose_email_is_a_clients_already_is_converted_to_that_client() {
        String existing = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("name", "Returning Travel", "type", "travel_agency", "email", "Desk@Returning-Travel.com")).post("/clients")
                .then().statusCode(201).extract().path("id");
        String id = lead(null, "desk@returning-travel.com", 30);
        long before = clients();
        convert("sales_agent", id, Map.of("charter", trip("coach_56"))).then().statusCode(200).body("client_id", equalTo(existing));
        assertEquals(before, clients());
    }

    @Test
    void a_refusal_by_charter_service_leaves_the_lead_as_it_was_and_the_retry_reuses_the_client_made_half_way() {
        String id = lead("Half Way Club", "trips@half-way-club.com", 25);
        long clientsBefore = clients();
        long chartersBefore = charters();
        convert("sales_agent", id, Map.of("charter", trip("hovercraft"))).then().statusCode(400)
                .body("errors.field", hasItem(containsString("charter.")));
        assertEquals(chartersBefore, charters());
        assertEquals(clientsBefore + 1, clients(), "the client was made before charter-service refused");
        as("sales_agent").get("/leads/" + id).then().body("converted_client_id", nullValue()).body("status", equalTo("new"))
                .body("version", equalTo(1));
        assertNull(rows("select converting_until from sales.lead where id = ?::uuid", id).getFirst().get("converting_until"),
                "the claim is released");
        assertEquals(0, auditRows(id), "a refused conversion leaves no entry");

        convert("sales_agent", id, Map.of("charter", trip("coach_56"))).then().statusCode(200);
        assertEquals(clientsBefore + 1, clients(), "the retry found the client instead of making a second");
        assertEquals(chartersBefore + 1, charters());
    }

    @Test
    void what_cannot_be_converted_is_refused_and_nothing_is_made() {
        long c = clients();
        long ch = charters();
        String noEmail = lead("Anon Co", null, 20);
        convert("sales_agent", noEmail, Map.of("charter", trip("coach_56"))).then().statusCode(400).body("errors.field", hasItem("client.email"));
        String noCount = lead("Countless Co", "hello@countless-co.com", null);
        convert("sales_agent", noCount, Map.of("charter", trip("coach_56"))).then().statusCode(400)
                .body("errors.field", hasItem("charter.passenger_count"));
        String lost = lead("Gone Co", "bye@gone-co.com", 10);
        as("sales_agent").contentType("application/json").body(Map.of("version", 1, "status", "lost", "lost_reason", "No budget"))
                .patch("/leads/" + lost).then().statusCode(200);
        convert("sales_agent", lost, Map.of("charter", trip("coach_56"))).then().statusCode(409).body("detail", containsString("lost"));
        convert("sales_agent", UUID.randomUUID().toString(), Map.of("charter", trip("coach_56"))).then().statusCode(404);

        String ok = lead("Fine Co", "hi@fine-co.com", 12);
        String path = "/leads/" + ok + "/convert";
        rawAs("sales_agent").contentType("application/json").body("{\"charter\":").post(path).then().statusCode(400);
        rawAs("sales_agent").contentType("application/json").body(Map.of()).post(path).then().statusCode(400).body("errors.field", hasItem("charter"));
        var noStops = new HashMap<>(trip("coach_56"));
        noStops.remove("stops");
        rawAs("sales_agent").contentType("application/json").body(Map.of("charter", noStops)).post(path).then().statusCode(400);
        var withClientId = new HashMap<>(trip("coach_56"));
        withClientId.put("client_id", UUID.randomUUID().toString());
        rawAs("sales_agent").contentType("application/json").body(Map.of("charter", withClientId)).post(path).then().statusCode(400);
        rawAs("sales_agent").contentType("application/json").body(Map.of("charter", trip("coach_56"), "client", Map.of("type", "alien")))
                .post(path).then().statusCode(400);
        rawAs("dispatcher").contentType("application/json").body(Map.of("charter", trip("coach_56"))).post(path).then().statusCode(403);
        rawAs("accountant").contentType("application/json").body(Map.of("charter", trip("coach_56"))).post(path).then().statusCode(403);
        platform.raw(SalesPlatform.SALES).contentType("application/json").body(Map.of("charter", trip("coach_56"))).post(path)
                .then().statusCode(401);
        assertEquals(c, clients());
        assertEquals(ch, charters());
        as("sales_agent").get("/leads/" + ok).then().body("converted_client_id", nullValue()).body("version", equalTo(1));
    }
}
