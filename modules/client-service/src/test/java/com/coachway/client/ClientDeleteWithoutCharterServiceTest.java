package com.coachway.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** charter-service is down (CHARTER_SERVICE_URL names a closed port): deleting must refuse, everything else works. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientDeleteWithoutCharterServiceTest {
    ClientFixture fx;

    @BeforeAll
    void start() {
        fx = new ClientFixture("http://127.0.0.1:" + closedPort());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void deleting_a_client_is_503_and_deletes_nothing_when_charter_service_is_unreachable() {
        String id = fx.newClientId();
        fx.createContact(id, Map.of("name", "Still Here"));
        long clients = fx.count("client.clients");
        long contacts = fx.count("client.contacts");
        fx.as("manager").delete("/clients/" + id).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("charter-service")).body("detail", containsString("nothing was deleted"));
        assertEquals(clients, fx.count("client.clients"));
        assertEquals(contacts, fx.count("client.contacts"));
        fx.as("manager").get("/clients/" + id).then().statusCode(200).body("primary_contact.name", equalTo("Still Here"));
    }

    @Test
    void everything_but_deleting_a_client_works_without_charter_service() {
        String id = fx.newClientId();
        fx.as("sales_agent").contentType("application/json").body(Map.of("version", 1, "status", "inactive"))
                .patch("/clients/" + id).then().statusCode(200);
        String contact = fx.createContact(id, Map.of("name", "Temp")).path("id");
        fx.as("sales_agent").delete("/clients/" + id + "/contacts/" + contact).then().statusCode(204);
        fx.platform.api(ClientFixture.ROUTE).get("/health").then().statusCode(200);
    }
}
