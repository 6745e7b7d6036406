package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientListTest {
    RecordingNeighbour charters;
    ClientFixture fx;
    String walnut;
    String birch;
    String cedar;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
        walnut = fx.createClient(Map.of("name", "Walnut Grove School", "type", "school", "email", "office@walnutgrove.example.org",
                "phone", "(518) 555-0199")).path("id");
        birch = fx.createClient(Map.of("name", "birch & Co", "type", "corporate", "email", "ap@birch.example.com",
                "phone", "+44 20 7946 0958", "status", "inactive")).path("id");
        cedar = fx.createClient(Map.of("name", "Cedar 100%_Tours", "type", "travel_agency", "email", "cedar@tours.example.net")).path("id");
        fx.createContact(birch, Map.of("name", "Zelda Quartermain"));
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    private List<String> idsFor(Map<String, ?> params) {
        return fx.as("sales_agent").queryParams(params).get("/clients").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void q_finds_clients_by_part_of_name_email_or_phone_in_any_case() {
        assertEquals(List.of(walnut), idsFor(Map.of("q", "WALNUT gro")));
        assertEquals(List.of(birch), idsFor(Map.of("q", "@BIRCH.example")));
        assertEquals(List.of(walnut), idsFor(Map.of("q", "555-0199")));
        assertEquals(List.of(birch), idsFor(Map.of("q", "7946 0958")));
    }

    @Test
    void q_with_phone_digits_ignores_how_the_number_was_written() {
        assertEquals(List.of(walnut), idsFor(Map.of("q", "5185550199")));
        assertEquals(List.of(walnut), idsFor(Map.of("q", "518.555.0199")));
        assertEquals(List.of(birch), idsFor(Map.of("q", "+442079460958")));
    }

    @Test
    void q_finds_a_client_by_one_of_its_contacts_names() {
        assertEquals(List.of(birch), idsFor(Map.of("q", "quarterMAIN")));
    }

    @Test
    void q_is_a_plain_substring_so_like_wildcards_match_only_themselves() {
        assertEquals(List.of(cedar), idsFor(Map.of("q", "100%_")));
        assertEquals(List.of(), idsFor(Map.of("q", "%%")));
        assertEquals(List.of(), idsFor(Map.of("q", "_a_")));
        assertEquals(List.of(), idsFor(Map.of("q", "\\")));
    }

    @Test
    void type_and_status_filter_and_combine_with_q() {
        fx.as("accountant").queryParam("type", "school").get("/clients").then().statusCode(200)
                .body("items.type", everyItem(equalTo("school"))).body("items.id", hasItem(walnut));
        fx.as("accountant").queryParam("status", "inactive").get("/clients").then().statusCode(200)
                .body("items.id", contains(birch)).body("total", equalTo(1));
        assertEquals(List.of(), idsFor(Map.of("q", "walnut", "status", "inactive")));
        assertEquals(List.of(walnut), idsFor(Map.of("q", "walnut", "type", "school", "status", "active")));
    }

    @Test
    void the_list_sorts_by_name_by_default_case_insensitively_and_on_request_by_other_fields() {
        assertEquals(List.of(birch, cedar, walnut), idsFor(Map.of()));
        assertEquals(List.of(walnut, cedar, birch), idsFor(Map.of("sort", "-name")));
        assertEquals(List.of(walnut, birch, cedar), idsFor(Map.of("sort", "created_at")));
        assertEquals(List.of(cedar, birch, walnut), idsFor(Map.of("sort", "-created_at")));
        assertEquals(List.of(birch, cedar, walnut), idsFor(Map.of("sort", "email")));
        assertEquals(List.of(walnut, cedar, birch), idsFor(Map.of("sort", "-email")));
    }

    @Test
    void the_list_pages_with_a_total() {
        fx.as("sales_agent").queryParam("limit", 2).get("/clients").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(2)).body("offset", equalTo(0)).body("items.id", contains(birch, cedar));
        fx.as("sales_agent").queryParam("limit", 2).queryParam("offset", 2).get("/clients").then()
                .body("total", equalTo(3)).body("items.id", contains(walnut));
        fx.as("sales_agent").queryParam("offset", 50).get("/clients").then().body("total", equalTo(3)).body("items.size()", equalTo(0));
        fx.as("sales_agent").get("/clients").then().body("limit", equalTo(50));
    }

    @Test
    void bad_list_parameters_are_400_naming_the_parameter() {
        var cases = Map.of(
                "limit", List.of("0", "201", "ten"),
                "offset", List.of("-1", "x"),
                "type", List.of("company"),
                "status", List.of("deleted"),
                "sort", List.of("price", "--name", "name,-email"),
                "q", List.of("q".repeat(201)));
        cases.forEach((param, values) -> values.forEach(v ->
                fx.rawAs("sales_agent").queryParam(param, v).get("/clients").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem(param))));
    }
}
