package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client portal user sees its own client and contacts, read-only; everything else does not exist for it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientTenancyTest {
    RecordingNeighbour charters;
    ClientFixture fx;
    String mine;
    String myContact;
    String theirs;
    String theirContact;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
        mine = fx.createClient(Map.of("name", "Mine Inc")).path("id");
        myContact = fx.createContact(mine, Map.of("name", "Me")).path("id");
        theirs = fx.createClient(Map.of("name", "Theirs LLC")).path("id");
        theirContact = fx.createContact(theirs, Map.of("name", "Them")).path("id");
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    @Test
    void a_client_user_reads_its_own_client_and_contacts() {
        fx.asPortalUserOf(mine).get("/clients/" + mine).then().statusCode(200).body("name", equalTo("Mine Inc"))
                .body("primary_contact.id", equalTo(myContact));
        fx.asPortalUserOf(mine).get("/clients/" + mine + "/contacts").then().statusCode(200).body("items.id", contains(myContact));
        fx.asPortalUserOf(mine).get("/clients/" + mine + "/contacts/" + myContact).then().statusCode(200).body("name", equalTo("Me"));
    }

    @Test
    void another_clients_records_are_404_for_a_client_user() {
        fx.asPortalUserOf(mine).get("/clients/" + theirs).then().statusCode(404);
        fx.asPortalUserOf(mine).get("/clients/" + theirs + "/contacts").then().statusCode(404);
        fx.asPortalUserOf(mine).get("/clients/" + theirs + "/contacts/" + theirContact).then().statusCode(404);
        fx.asPortalUserOf(mine).get("/clients/" + mine + "/contacts/" + theirContact).then().statusCode(404);
        fx.asPortalUserOf(mine).get("/clients/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_client_users_list_holds_only_its_own_client() {
        fx.asPortalUserOf(mine).get("/clients").then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(mine));
        fx.asPortalUserOf(mine).queryParam("q", "Theirs").get("/clients").then().statusCode(200).body("total", equalTo(0));
        fx.asPortalUserOf(mine).queryParam("status", "inactive").get("/clients").then().body("total", equalTo(0));
        fx.asPortalUserOf(mine).queryParam("q", "Them").get("/clients").then().body("total", equalTo(0));
        fx.rawAsPortalUserOf(mine).queryParam("limit", 500).get("/clients").then().statusCode(400);
    }

    @Test
    void a_portal_user_of_a_client_that_does_not_exist_sees_nothing() {
        String ghost = UUID.randomUUID().toString();
        fx.asPortalUserOf(ghost).get("/clients").then().statusCode(200).body("total", equalTo(0));
        fx.asPortalUserOf(ghost).get("/clients/" + ghost).then().statusCode(404);
        fx.asPortalUserOf(ghost).get("/clients/" + ghost + "/contacts").then().statusCode(404);
    }

    @Test
    void a_client_user_cannot_change_anything_even_its_own() {
        long clients = fx.count("client.clients");
        long contacts = fx.count("client.contacts");
        for (String target : List.of(mine, theirs)) {
            fx.asPortalUserOf(mine).contentType("application/json").body(Map.of("version", 1, "name", "Hacked"))
                    .patch("/clients/" + target).then().statusCode(403);
            fx.asPortalUserOf(mine).delete("/clients/" + target).then().statusCode(403);
            fx.asPortalUserOf(mine).contentType("application/json").body(Map.of("name", "Sneaky"))
                    .post("/clients/" + target + "/contacts").then().statusCode(403);
        }
        fx.asPortalUserOf(mine).contentType("application/json").body(Map.of("version", 1, "name", "Me Renamed"))
                .patch("/clients/" + mine + "/contacts/" + myContact).then().statusCode(403);
        fx.asPortalUserOf(mine).delete("/clients/" + mine + "/contacts/" + myContact).then().statusCode(403);
        fx.asPortalUserOf(mine).contentType("application/json").body(ClientFixture.clientBody(Map.of())).post("/clients").then().statusCode(403);
        assertEquals(clients, fx.count("client.clients"));
        assertEquals(contacts, fx.count("client.contacts"));
        assertEquals(0, charters.requests().size(), "no delete should have asked charter-service");
    }

    @Test
    void vendor_and_driver_users_have_no_access_to_clients() {
        String vendor = fx.platform.portalToken("vendor", UUID.randomUUID());
        String driver = fx.platform.portalToken("driver", UUID.randomUUID());
        for (String token : List.of(vendor, driver)) {
            fx.platform.api(ClientFixture.ROUTE).auth().oauth2(token).get("/clients").then().statusCode(403);
            fx.platform.api(ClientFixture.ROUTE).auth().oauth2(token).get("/clients/" + mine).then().statusCode(403);
            fx.platform.api(ClientFixture.ROUTE).auth().oauth2(token).get("/clients/" + mine + "/contacts").then().statusCode(403);
        }
    }
}
