package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Together;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCrudTest {
    RecordingNeighbour charters;
    ClientFixture fx;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    private static Map<String, Object> usAddress() {
        var a = new LinkedHashMap<String, Object>();
        a.put("line1", "1 Main St");
        a.put("line2", "Suite 200");
        a.put("city", "Albany");
        a.put("state", "NY");
        a.put("postal_code", "12207-1234");
        a.put("country", "US");
        return a;
    }

    private Response create(Object body) {
        return fx.rawAs("sales_agent").contentType("application/json").body(body).post("/clients");
    }

    @Test
    void a_sales_agent_creates_a_client_with_every_field_and_reads_it_back() {
        String email = ClientFixture.uniqueEmail("first");
        var body = new HashMap<String, Object>(Map.of("name", "First Baptist Church", "type", "church", "email", email,
                "phone", "+1 (518) 555-0100", "billing_address", usAddress(), "payment_terms_days", 30,
                "credit_limit", new java.math.BigDecimal("5000.50"), "tax_exempt", true, "notes", "Prefers the 56-seat coach"));
        Response r = fx.as("sales_agent").contentType("application/json").body(body).post("/clients");
        r.then().statusCode(201)
                .body("name", equalTo("First Baptist Church")).body("type", equalTo("church")).body("email", equalTo(email))
                .body("phone", equalTo("+1 (518) 555-0100")).body("billing_address.state", equalTo("NY"))
                .body("billing_address.postal_code", equalTo("12207-1234")).body("payment_terms_days", equalTo(30))
                .body("tax_exempt", equalTo(true)).body("status", equalTo("active")).body("version", equalTo(1))
                .body("primary_contact", nullValue()).body("created_at", notNullValue());
        assertTrue(r.asString().contains("\"credit_limit\":5000.50"), r.asString());
        String id = r.path("id");
        assertEquals("/clients/" + id, r.header("Location"));
        fx.as("dispatcher").get("/clients/" + id).then().statusCode(200)
                .body("billing_address.line2", equalTo("Suite 200")).body("notes", equalTo("Prefers the 56-seat coach"));
    }

    @Test
    void a_minimal_client_gets_the_documented_defaults() {
        Response r = fx.createClient(Map.of("type", "individual"));
        r.then().body("payment_terms_days", equalTo(0)).body("tax_exempt", equalTo(false)).body("status", equalTo("active"))
                .body("phone", nullValue()).body("billing_address", nullValue()).body("notes", nullValue());
        assertTrue(r.asString().contains("\"credit_limit\":0.00"), r.asString());
    }

    @Test
    void a_duplicate_email_in_any_case_is_409_and_writes_nothing() {
        String email = ClientFixture.uniqueEmail("dup");
        fx.createClient(Map.of("email", email));
        long before = fx.count("client.clients");
        create(ClientFixture.clientBody(Map.of("email", email.toUpperCase()))).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already exists"));
        assertEquals(before, fx.count("client.clients"));
    }

    @Test
    void changing_the_email_to_another_clients_is_409_and_changes_nothing() {
        String taken = ClientFixture.uniqueEmail("taken");
        fx.createClient(Map.of("email", taken));
        String id = fx.newClientId();
        fx.rawAs("sales_agent").contentType("application/json").body(Map.of("version", 1, "email", taken.toUpperCase(), "name", "Renamed"))
                .patch("/clients/" + id).then().statusCode(409);
        fx.as("sales_agent").get("/clients/" + id).then().body("version", equalTo(1)).body("name", containsString("Acme"));
        // its own email in another case is not a duplicate
        String own = fx.as("sales_agent").get("/clients/" + id).path("email");
        fx.as("sales_agent").contentType("application/json").body(Map.of("version", 1, "email", own.toUpperCase()))
                .patch("/clients/" + id).then().statusCode(200).body("email", equalTo(own.toUpperCase()));
    }

    @Test
    void concurrent_creates_with_one_email_give_exactly_one_client() throws Exception {
        String email = ClientFixture.uniqueEmail("race");
        long before = fx.count("client.clients");
        List<Integer> codes = Together.run(8, i -> create(ClientFixture.clientBody(Map.of("email", i % 2 == 0 ? email : email.toUpperCase()))).statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes::toString);
        assertEquals(before + 1, fx.count("client.clients"));
    }

    Stream<Arguments> invalidClientBodies() {
        return Stream.of(
                arguments("{", null),
                arguments("[]", null),
                arguments("{\"name\":\"A\",\"type\":\"corporate\",\"email\":\"a@example.com\",\"name\":\"B\"}", null),
                arguments(Map.of("type", "corporate", "email", "a@example.com"), "name"),
                arguments(Map.of("name", "A", "email", "a@example.com"), "type"),
                arguments(Map.of("name", "A", "type", "corporate"), "email"),
                arguments(ClientFixture.clientBody(Map.of("name", "  ")), "name"),
                arguments(ClientFixture.clientBody(Map.of("name", "n".repeat(201))), "name"),
                arguments(ClientFixture.clientBody(Map.of("name", 42)), "name"),
                arguments(ClientFixture.clientBody(Map.of("type", "company")), "type"),
                arguments(ClientFixture.clientBody(Map.of("email", "not-an-email")), "email"),
                arguments(ClientFixture.clientBody(Map.of("phone", "call me")), "phone"),
                arguments(ClientFixture.clientBody(Map.of("phone", "555-12")), "phone"),
                arguments(ClientFixture.clientBody(Map.of("phone", "+1 555 123 4567 8901 23")), "phone"),
                arguments(ClientFixture.clientBody(Map.of("phone", "555+1234567")), "phone"),
                arguments(ClientFixture.clientBody(Map.of("phone", 5551234567L)), "phone"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", "1 Main St")), "billing_address"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "state", "ZZ"))), "billing_address.state"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "state", null))), "billing_address.state"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "postal_code", "1220"))), "billing_address.postal_code"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "country", "USA"))), "billing_address.country"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "country", "us"))), "billing_address.country"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "city", null))), "billing_address.city"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", with(usAddress(), "zip", "12207"))), "billing_address.zip"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", Map.of("line1", "1 Rue X", "city", "Montréal",
                        "state", "QC", "postal_code", "H2X", "country", "CA"))), "billing_address.postal_code"),
                arguments(ClientFixture.clientBody(Map.of("billing_address", Map.of("line1", "1 High St", "city", "London",
                        "postal_code", "SW1A 1AA!", "country", "GB"))), "billing_address.postal_code"),
                arguments(ClientFixture.clientBody(Map.of("payment_terms_days", 20)), "payment_terms_days"),
                arguments(ClientFixture.clientBody(Map.of("payment_terms_days", "30")), "payment_terms_days"),
                arguments(ClientFixture.clientBody(Map.of("payment_terms_days", 30.5)), "payment_terms_days"),
                arguments(ClientFixture.clientBody(Map.of("credit_limit", -1)), "credit_limit"),
                arguments(ClientFixture.clientBody(Map.of("credit_limit", new java.math.BigDecimal("10.125"))), "credit_limit"),
                arguments(ClientFixture.clientBody(Map.of("credit_limit", "100")), "credit_limit"),
                arguments(ClientFixture.clientBody(Map.of("credit_limit", new java.math.BigDecimal("1E11"))), "credit_limit"),
                arguments(ClientFixture.clientBody(Map.of("tax_exempt", "yes")), "tax_exempt"),
                arguments(ClientFixture.clientBody(with(new HashMap<>(), "tax_exempt", null)), "tax_exempt"),
                arguments(ClientFixture.clientBody(Map.of("status", "deleted")), "status"),
                arguments(ClientFixture.clientBody(Map.of("notes", "n".repeat(4001))), "notes"),
                arguments(ClientFixture.clientBody(Map.of("notes", "a\u0000b")), "notes"),
                arguments(ClientFixture.clientBody(Map.of("vip", true)), "vip"),
                arguments(ClientFixture.clientBody(Map.of("id", UUID.randomUUID().toString())), "id"),
                arguments(ClientFixture.clientBody(Map.of("version", 7)), "version"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidClientBodies")
    void an_invalid_client_body_is_400_naming_the_field_and_writes_nothing(Object body, String field) {
        long before = fx.count("client.clients");
        var then = create(body).then().statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
        assertEquals(before, fx.count("client.clients"));
    }

    @Test
    void a_client_body_that_is_not_json_or_is_missing_is_refused_and_writes_nothing() {
        long before = fx.count("client.clients");
        fx.rawAs("sales_agent").contentType("text/plain").body("name=A").post("/clients").then().statusCode(415);
        fx.rawAs("sales_agent").contentType("application/json").post("/clients").then().statusCode(400);
        assertEquals(before, fx.count("client.clients"));
    }

    @Test
    void addresses_outside_the_us_are_checked_by_their_own_rules() {
        fx.createClient(Map.of("billing_address", Map.of("line1", "1 Rue X", "city", "Montréal", "state", "QC",
                "postal_code", "H2X 1Y4", "country", "CA"))).then().body("billing_address.country", equalTo("CA"));
        fx.createClient(Map.of("billing_address", Map.of("line1", "1 High St", "city", "London", "postal_code", "SW1A 1AA",
                "country", "GB"))).then().body("billing_address.state", nullValue());
        fx.createClient(Map.of("billing_address", Map.of("line1", "Calle 5", "city", "Cancún", "country", "MX")))
                .then().body("billing_address.postal_code", nullValue());
    }

    @Test
    void a_patch_changes_only_what_it_names_needs_the_current_version_and_bumps_it() {
        String id = fx.createClient(Map.of("phone", "518-555-0100", "billing_address", usAddress(), "notes", "n")).path("id");
        fx.as("manager").contentType("application/json")
                .body(Map.of("version", 1, "name", "Acme Renamed", "payment_terms_days", 45, "credit_limit", 250, "status", "inactive"))
                .patch("/clients/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("Acme Renamed")).body("payment_terms_days", equalTo(45))
                .body("status", equalTo("inactive")).body("phone", equalTo("518-555-0100")).body("billing_address.city", equalTo("Albany"));
        fx.rawAs("sales_agent").contentType("application/json").body(Map.of("version", 1, "name", "Stale"))
                .patch("/clients/" + id).then().statusCode(409).body("detail", containsString("version 2"));
        fx.rawAs("sales_agent").contentType("application/json").body(Map.of("name", "No version"))
                .patch("/clients/" + id).then().statusCode(400).body("errors.field", hasItem("version"));

        var clear = new HashMap<String, Object>();
        clear.put("version", 2);
        clear.put("phone", null);
        clear.put("notes", null);
        clear.put("billing_address", null);
        fx.as("sales_agent").contentType("application/json").body(clear).patch("/clients/" + id).then().statusCode(200)
                .body("version", equalTo(3)).body("phone", nullValue()).body("notes", nullValue()).body("billing_address", nullValue());
        fx.as("sales_agent").contentType("application/json")
                .body(Map.of("version", 3, "billing_address", Map.of("line1", "9 Elm", "city", "Austin", "state", "TX",
                        "postal_code", "73301", "country", "US")))
                .patch("/clients/" + id).then().statusCode(200)
                .body("billing_address.line1", equalTo("9 Elm")).body("billing_address.line2", nullValue());
    }

    @Test
    void an_invalid_patch_is_400_and_changes_nothing() {
        String id = fx.newClientId();
        for (Object body : List.of("{", Map.of("version", 1, "type", "company"), Map.of("version", 1, "name", ""),
                Map.of("version", 1, "payment_terms_days", 90), Map.of("version", 1, "credit_limit", -5),
                with(with(new HashMap<>(), "version", 1), "name", null), with(with(new HashMap<>(), "version", 1), "email", null),
                with(with(new HashMap<>(), "version", 1), "status", null),
                Map.of("version", 1, "billing_address", Map.of("line1", "x", "city", "y", "country", "US")),
                Map.of("version", 0, "name", "x"), Map.of("version", "1", "name", "x"), Map.of("version", 1, "created_at", "2026-01-01T00:00:00Z"))) {
            fx.rawAs("sales_agent").contentType("application/json").body(body).patch("/clients/" + id).then().statusCode(400);
        }
        fx.as("sales_agent").get("/clients/" + id).then().body("version", equalTo(1));
    }

    @Test
    void unknown_and_malformed_client_ids_are_404() {
        String unknown = UUID.randomUUID().toString();
        fx.as("sales_agent").get("/clients/" + unknown).then().statusCode(404);
        fx.as("sales_agent").get("/clients/not-a-uuid").then().statusCode(404);
        fx.as("sales_agent").contentType("application/json").body(Map.of("version", 1, "name", "x"))
                .patch("/clients/" + unknown).then().statusCode(404);
        fx.as("manager").delete("/clients/" + unknown).then().statusCode(404);
        fx.as("manager").delete("/clients/1-1-1-1-1").then().statusCode(404);
    }

    @Test
    void every_staff_role_keeps_clients_up_to_date_and_deleting_is_for_managers() {
        String id = fx.newClientId();
        int version = 1;
        for (String role : List.of("dispatcher", "accountant")) {
            fx.as(role).get("/clients/" + id).then().statusCode(200);
            fx.as(role).get("/clients").then().statusCode(200);
            fx.as(role).contentType("application/json").body(Map.of("version", version, "credit_limit", 5000, "payment_terms_days", 45))
                    .patch("/clients/" + id).then().statusCode(200).body("version", equalTo(++version));
            String created = fx.as(role).contentType("application/json").body(ClientFixture.clientBody(Map.of())).post("/clients")
                    .then().statusCode(201).extract().path("id");
            fx.as(role).delete("/clients/" + created).then().statusCode(403);
        }
        long before = fx.count("client.clients");
        fx.as("sales_agent").delete("/clients/" + id).then().statusCode(403);
        fx.as("service").get("/clients/" + id).then().statusCode(200).body("id", equalTo(id));
        fx.as("service").contentType("application/json").body(ClientFixture.clientBody(Map.of())).post("/clients").then().statusCode(403);
        fx.as("service").contentType("application/json").body(Map.of("version", version, "name", "x")).patch("/clients/" + id).then().statusCode(403);
        fx.platform.api(ClientFixture.ROUTE).get("/clients/" + id).then().statusCode(401);
        fx.platform.api(ClientFixture.ROUTE).auth().oauth2("not.a.token").get("/clients").then().statusCode(401);
        assertEquals(before, fx.count("client.clients"));
        fx.as("sales_agent").get("/clients/" + id).then().body("version", equalTo(version)).body("payment_terms_days", equalTo(45));
    }

    @Test
    void the_service_answers_health_and_its_contract() {
        fx.platform.api(ClientFixture.ROUTE).get("/health").then().statusCode(200)
                .body("service", equalTo("client-service")).body("checks.database.status", equalTo("up"));
        fx.platform.api(ClientFixture.ROUTE).get("/openapi.yaml").then().statusCode(200)
                .body(containsString("CoachWay client-service"));
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        var copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
