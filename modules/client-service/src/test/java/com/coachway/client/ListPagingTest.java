package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.KeysetPaging;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every client-service list pages by cursor as it does by offset, in every sort order, filters applied. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTest {
    RecordingNeighbour charters;
    ClientFixture fx;
    String withContacts;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
        // names and emails equal but for case, so lower(name) ties and the id decides
        for (String name : List.of("Oak Tours", "oak tours", "OAK TOURS", "Elm", "elm", "Ash")) {
            fx.createClient(Map.of("name", name, "type", name.startsWith("O") || name.startsWith("o") ? "school" : "corporate"));
        }
        withContacts = fx.newClientId();
        for (String name : List.of("Zed", "zed", "Amy", "amy", "Bob")) fx.createContact(withContacts, Map.of("name", name));
        fx.createContact(withContacts, Map.of("name", "Yves", "is_primary", true));
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    private Supplier<RequestSpecification> asAgent() {
        return () -> fx.as("sales_agent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "email", "-email", "created_at", "-created_at", "updated_at", "-updated_at"})
    void clients_by_cursor_are_the_clients_by_offset_in_every_order(String sort) {
        KeysetPaging.assertWalkMatchesOffsets(asAgent(), "/clients", Map.of("sort", sort), 2, "id");
    }

    @Test
    void clients_by_cursor_keep_the_filters() {
        var params = new HashMap<String, Object>(Map.of("type", "school", "status", "active", "q", "oak"));
        KeysetPaging.assertWalkMatchesOffsets(asAgent(), "/clients", params, 2, "id");
    }

    @Test
    void contacts_by_cursor_are_the_contacts_by_offset_primary_first() {
        var ids = KeysetPaging.assertWalkMatchesOffsets(asAgent(), "/clients/" + withContacts + "/contacts", Map.of(), 2, "id");
        assertEquals(6, ids.size());
    }

    @Test
    void a_cursor_of_one_sort_is_refused_by_another() {
        String next = fx.as("sales_agent").queryParam("sort", "name").queryParam("limit", 1).get("/clients").path("next");
        fx.as("sales_agent").queryParam("sort", "-name").queryParam("after", next).get("/clients").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clients", "contacts"})
    void a_bad_cursor_is_refused(String list) {
        KeysetPaging.assertBadCursorsRefused(asAgent(), list.equals("clients") ? "/clients" : "/clients/" + withContacts + "/contacts", Map.of());
    }
}
