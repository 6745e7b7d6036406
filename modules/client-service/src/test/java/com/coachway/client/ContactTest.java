package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactTest {
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

    private Response contact(String clientId, String contactId) {
        return fx.as("sales_agent").get("/clients/" + clientId + "/contacts/" + contactId);
    }

    private Response patch(String clientId, String contactId, Object body) {
        return fx.rawAs("sales_agent").contentType("application/json").body(body).patch("/clients/" + clientId + "/contacts/" + contactId);
    }

    @Test
    void a_clients_first_contact_becomes_its_primary_and_shows_on_the_client() {
        String client = fx.newClientId();
        Response r = fx.createContact(client, Map.of("name", "Pat Organizer", "email", "pat@example.com",
                "phone", "518-555-0101", "title", "Trip coordinator"));
        r.then().body("is_primary", equalTo(true)).body("client_id", equalTo(client)).body("version", equalTo(1))
                .body("title", equalTo("Trip coordinator"));
        String id = r.path("id");
        assertEquals("/clients/" + client + "/contacts/" + id, r.header("Location"));
        fx.as("dispatcher").get("/clients/" + client).then().body("primary_contact.id", equalTo(id))
                .body("primary_contact.name", equalTo("Pat Organizer")).body("primary_contact.phone", equalTo("518-555-0101"));
        fx.createContact(client, Map.of("name", "Second Person")).then().body("is_primary", equalTo(false))
                .body("email", nullValue()).body("phone", nullValue()).body("title", nullValue());
        fx.as("service").get("/clients/" + client + "/contacts/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("client_id", equalTo(client)).body("name", equalTo("Pat Organizer"))
                .body("email", equalTo("pat@example.com")).body("is_primary", equalTo(true));
    }

    @Test
    void a_first_contact_that_says_it_is_not_primary_is_not() {
        String client = fx.newClientId();
        fx.createContact(client, Map.of("name", "Not Main", "is_primary", false)).then().body("is_primary", equalTo(false));
        fx.as("sales_agent").get("/clients/" + client).then().body("primary_contact", nullValue());
        // the client still has no primary, so the next contact becomes it
        fx.createContact(client, Map.of("name", "Main")).then().body("is_primary", equalTo(true));
    }

    @Test
    void marking_a_contact_primary_unmarks_the_previous_one_and_bumps_its_version() {
        String client = fx.newClientId();
        String first = fx.createContact(client, Map.of("name", "First")).path("id");
        String second = fx.createContact(client, Map.of("name", "Second")).path("id");
        patch(client, second, Map.of("version", 1, "is_primary", true)).then().statusCode(200)
                .body("is_primary", equalTo(true)).body("version", equalTo(2));
        contact(client, first).then().body("is_primary", equalTo(false)).body("version", equalTo(2));
        fx.as("sales_agent").get("/clients/" + client).then().body("primary_contact.id", equalTo(second));

        String third = fx.createContact(client, Map.of("name", "Third", "is_primary", true)).path("id");
        contact(client, second).then().body("is_primary", equalTo(false)).body("version", equalTo(3));
        fx.as("sales_agent").get("/clients/" + client + "/contacts").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(third, first, second));
        assertEquals(1, fx.countWhere("client.contacts", "client_id = '" + client + "' and is_primary"));
    }

    @Test
    void unmarking_or_deleting_the_primary_leaves_none_until_another_is_marked() {
        String client = fx.newClientId();
        String first = fx.createContact(client, Map.of("name", "First")).path("id");
        String second = fx.createContact(client, Map.of("name", "Second")).path("id");
        patch(client, first, Map.of("version", 1, "is_primary", false)).then().statusCode(200).body("is_primary", equalTo(false));
        fx.as("sales_agent").get("/clients/" + client).then().body("primary_contact", nullValue());
        patch(client, second, Map.of("version", 1, "is_primary", true)).then().statusCode(200);
        fx.as("sales_agent").delete("/clients/" + client + "/contacts/" + second).then().statusCode(204);
        fx.as("sales_agent").get("/clients/" + client).then().body("primary_contact", nullValue());
        contact(client, first).then().body("is_primary", equalTo(false));
        fx.as("sales_agent").get("/clients/" + client + "/contacts/" + second).then().statusCode(404);
        fx.as("sales_agent").delete("/clients/" + client + "/contacts/" + second).then().statusCode(404);
    }

    @Test
    void a_contact_patch_changes_only_what_it_names_and_needs_the_current_version() {
        String client = fx.newClientId();
        String id = fx.createContact(client, Map.of("name", "Pat", "email", "pat@example.com", "phone", "5185550101", "title", "Coordinator")).path("id");
        patch(client, id, Map.of("version", 1, "name", "Pat Smith", "title", "Director")).then().statusCode(200)
                .body("name", equalTo("Pat Smith")).body("title", equalTo("Director")).body("email", equalTo("pat@example.com"))
                .body("is_primary", equalTo(true)).body("version", equalTo(2));
        patch(client, id, Map.of("version", 1, "name", "Stale")).then().statusCode(409).body("detail", containsString("version 2"));
        patch(client, id, Map.of("name", "No version")).then().statusCode(400).body("errors.field", hasItem("version"));
        var clear = new HashMap<String, Object>();
        clear.put("version", 2);
        clear.put("email", null);
        clear.put("phone", null);
        clear.put("title", null);
        fx.as("sales_agent").contentType("application/json").body(clear).patch("/clients/" + client + "/contacts/" + id)
                .then().statusCode(200).body("email", nullValue()).body("phone", nullValue()).body("title", nullValue())
                .body("name", equalTo("Pat Smith")).body("version", equalTo(3));
    }

    @Test
    void invalid_contact_bodies_are_400_and_write_nothing() {
        String client = fx.newClientId();
        String id = fx.createContact(client, Map.of("name", "Kept")).path("id");
        long before = fx.count("client.contacts");
        var cases = new LinkedHashMap<Object, String>();
        cases.put("{", null);
        cases.put("\"x\"", null);
        cases.put(Map.of("email", "a@example.com"), "name");
        cases.put(Map.of("name", " "), "name");
        cases.put(Map.of("name", "n".repeat(201)), "name");
        cases.put(Map.of("name", "A", "email", "nope"), "email");
        cases.put(Map.of("name", "A", "email", ""), "email");
        cases.put(Map.of("name", "A", "phone", "twelve"), "phone");
        cases.put(Map.of("name", "A", "phone", ""), "phone");
        // Ten digits padded past the contract's 30 characters: the contract refuses it, PhoneRule need not.
        cases.put(Map.of("name", "A", "phone", "1".repeat(10) + " ".repeat(21)), "phone");
        cases.put(Map.of("name", "A", "title", "t".repeat(101)), "title");
        cases.put(Map.of("name", "A", "is_primary", "yes"), "is_primary");
        cases.put(Map.of("name", "A", "client_id", UUID.randomUUID().toString()), "client_id");
        cases.put(Map.of("name", "A", "mobile", "5551234567"), "mobile");
        for (var c : cases.entrySet()) {
            var then = fx.rawAs("sales_agent").contentType("application/json").body(c.getKey())
                    .post("/clients/" + client + "/contacts").then().statusCode(400).contentType("application/problem+json");
            if (c.getValue() != null) then.body("errors.field", hasItem(c.getValue()));
        }
        for (Object body : List.of("{", Map.of("version", 1, "name", ""), Map.of("version", 1, "is_primary", 1),
                Map.of("version", 1, "email", "x@"), Map.of("version", 0), Map.of("version", 1, "id", id))) {
            patch(client, id, body).then().statusCode(400);
        }
        var nullName = new HashMap<String, Object>();
        nullName.put("version", 1);
        nullName.put("name", null);
        patch(client, id, nullName).then().statusCode(400).body("errors.field", hasItem("name"));
        assertEquals(before, fx.count("client.contacts"));
        contact(client, id).then().body("version", equalTo(1)).body("name", equalTo("Kept"));
    }

    @Test
    void contacts_are_found_only_under_their_own_client() {
        String a = fx.newClientId();
        String b = fx.newClientId();
        String ofA = fx.createContact(a, Map.of("name", "Of A")).path("id");
        fx.as("sales_agent").get("/clients/" + b + "/contacts/" + ofA).then().statusCode(404);
        patch(b, ofA, Map.of("version", 1, "name", "Hijack")).then().statusCode(404);
        fx.as("sales_agent").delete("/clients/" + b + "/contacts/" + ofA).then().statusCode(404);
        contact(a, ofA).then().statusCode(200).body("name", equalTo("Of A"));
    }

    @Test
    void unknown_clients_and_contacts_are_404() {
        String unknown = UUID.randomUUID().toString();
        long before = fx.count("client.contacts");
        fx.as("sales_agent").get("/clients/" + unknown + "/contacts").then().statusCode(404);
        fx.as("sales_agent").contentType("application/json").body(Map.of("name", "Ghost"))
                .post("/clients/" + unknown + "/contacts").then().statusCode(404);
        fx.as("sales_agent").contentType("application/json").body(Map.of("name", "Ghost"))
                .post("/clients/not-a-uuid/contacts").then().statusCode(404);
        String client = fx.newClientId();
        fx.as("sales_agent").get("/clients/" + client + "/contacts/" + unknown).then().statusCode(404);
        fx.as("sales_agent").get("/clients/" + client + "/contacts/nope").then().statusCode(404);
        patch(client, unknown, Map.of("version", 1, "name", "x")).then().statusCode(404);
        fx.as("sales_agent").delete("/clients/" + unknown + "/contacts/" + unknown).then().statusCode(404);
        assertEquals(before, fx.count("client.contacts"));
    }

    @Test
    void the_contact_list_pages_primary_first_then_by_name() {
        String client = fx.newClientId();
        String main = fx.createContact(client, Map.of("name", "Zoe Main")).path("id");
        String amy = fx.createContact(client, Map.of("name", "amy")).path("id");
        String bob = fx.createContact(client, Map.of("name", "Bob")).path("id");
        fx.as("accountant").queryParam("limit", 2).get("/clients/" + client + "/contacts").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(2)).body("items.id", contains(main, amy));
        fx.as("accountant").queryParam("offset", 2).get("/clients/" + client + "/contacts").then().body("items.id", contains(bob));
        fx.rawAs("accountant").queryParam("limit", 0).get("/clients/" + client + "/contacts").then().statusCode(400);
        fx.rawAs("accountant").queryParam("offset", "x").get("/clients/" + client + "/contacts").then().statusCode(400);
    }

    @Test
    void every_staff_role_keeps_contacts_up_to_date_and_services_and_client_users_cannot() {
        String client = fx.newClientId();
        String id = fx.createContact(client, Map.of("name", "Kept")).path("id");
        for (String role : List.of("dispatcher", "accountant")) {
            fx.as(role).contentType("application/json").body(Map.of("name", "Added by " + role))
                    .post("/clients/" + client + "/contacts").then().statusCode(201);
        }
        fx.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "phone", "+1 617 555 0199"))
                .patch("/clients/" + client + "/contacts/" + id).then().statusCode(200).body("version", equalTo(2));

        long before = fx.count("client.contacts");
        fx.as("service").get("/clients/" + client + "/contacts").then().statusCode(200);
        fx.as("service").contentType("application/json").body(Map.of("name", "X")).post("/clients/" + client + "/contacts").then().statusCode(403);
        fx.as("service").contentType("application/json").body(Map.of("version", 2, "name", "X"))
                .patch("/clients/" + client + "/contacts/" + id).then().statusCode(403);
        fx.as("service").delete("/clients/" + client + "/contacts/" + id).then().statusCode(403);
        fx.asPortalUserOf(client).get("/clients/" + client + "/contacts").then().statusCode(200);
        fx.asPortalUserOf(client).contentType("application/json").body(Map.of("name", "X"))
                .post("/clients/" + client + "/contacts").then().statusCode(403);
        fx.asPortalUserOf(client).delete("/clients/" + client + "/contacts/" + id).then().statusCode(403);
        assertEquals(before, fx.count("client.contacts"));
        contact(client, id).then().body("version", equalTo(2));
    }
}
