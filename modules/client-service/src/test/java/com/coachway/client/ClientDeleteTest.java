package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import com.auth0.jwt.JWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting a client asks charter-service (here a fake speaking its wire format) whether it has charters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientDeleteTest {
    RecordingNeighbour charters;
    ClientFixture fx;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
    }

    @BeforeEach
    void noChartersByDefault() {
        charters.answer(200, ClientFixture.charterPage(0));
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    private String clientWithContacts() {
        String id = fx.newClientId();
        fx.createContact(id, Map.of("name", "One"));
        fx.createContact(id, Map.of("name", "Two"));
        return id;
    }

    private long contactsOf(String client) {
        return fx.countWhere("client.contacts", "client_id = '" + client + "'");
    }

    @Test
    void a_client_without_charters_is_deleted_with_its_contacts() {
        String id = clientWithContacts();
        charters.answer(200, ClientFixture.charterPage(0));
        fx.as("manager").delete("/clients/" + id).then().statusCode(204);
        fx.as("manager").get("/clients/" + id).then().statusCode(404);
        assertEquals(0, contactsOf(id));
        assertEquals(0, fx.countWhere("client.clients", "id = '" + id + "'"));
    }

    @Test
    void charter_service_is_asked_with_our_service_token_for_one_charter_of_this_client() {
        String id = fx.newClientId();
        fx.as("admin").delete("/clients/" + id).then().statusCode(204);
        var requests = charters.requests();
        assertEquals(1, requests.size(), requests::toString);
        assertEquals("GET", requests.getFirst().method());
        assertEquals("/charters?client_id=" + id + "&limit=1", requests.getFirst().pathAndQuery());
        String authorization = requests.getFirst().authorization();
        assertTrue(authorization != null && authorization.startsWith("Bearer "), authorization);
        var token = JWT.decode(authorization.substring(7));
        assertEquals(List.of("service"), token.getClaim("roles").asList(String.class));
        assertEquals(ClientService.NAME, token.getSubject());
    }

    @Test
    void a_client_with_charters_is_409_and_kept_with_its_contacts() {
        String id = clientWithContacts();
        charters.answer(200, "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\"}],\"total\":3,\"limit\":1,\"offset\":0}");
        fx.as("manager").delete("/clients/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has charters")).body("detail", containsString("set status inactive instead"));
        fx.as("manager").get("/clients/" + id).then().statusCode(200).body("version", equalTo(1));
        assertEquals(2, contactsOf(id));
    }

    @Test
    void a_failing_charter_service_is_503_and_nothing_is_deleted() {
        String id = clientWithContacts();
        charters.answer(500, "{\"type\":\"x\",\"title\":\"boom\",\"status\":500,\"detail\":\"boom\"}");
        fx.as("manager").delete("/clients/" + id).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("charter-service"));
        fx.as("manager").get("/clients/" + id).then().statusCode(200);
        assertEquals(2, contactsOf(id));
    }

    @Test
    void an_answer_we_cannot_use_is_an_error_and_nothing_is_deleted() {
        String id = clientWithContacts();
        // a refusal of our request, or a list without its total: charter-service broke the contract (502)
        charters.answer(403, "{\"type\":\"x\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"no\"}");
        fx.as("manager").delete("/clients/" + id).then().statusCode(502).contentType("application/problem+json");
        charters.answer(200, "{\"items\":[]}");
        fx.as("manager").delete("/clients/" + id).then().statusCode(502).contentType("application/problem+json");
        // a body that is not JSON at all counts as a charter-service that is not working (503, retry later)
        charters.answer(200, "not json");
        fx.as("manager").delete("/clients/" + id).then().statusCode(503).contentType("application/problem+json");
        fx.as("manager").get("/clients/" + id).then().statusCode(200);
        assertEquals(2, contactsOf(id));
    }

    @Test
    void unknown_clients_and_callers_without_the_role_never_reach_charter_service() {
        fx.as("manager").delete("/clients/" + UUID.randomUUID()).then().statusCode(404);
        String id = fx.newClientId();
        for (String role : List.of("sales_agent", "dispatcher", "accountant", "service")) {
            fx.as(role).delete("/clients/" + id).then().statusCode(403);
        }
        assertEquals(List.of(), charters.requests());
        fx.as("manager").get("/clients/" + id).then().statusCode(200);
    }
}
