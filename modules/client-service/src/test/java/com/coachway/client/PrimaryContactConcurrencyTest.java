package com.coachway.client;

import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Together;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many staff marking primaries at once: whatever interleaving, a client never has two. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrimaryContactConcurrencyTest {
    static final int PARALLEL = 8;
    RecordingNeighbour charters;
    ClientFixture fx;

    @BeforeAll
    void start() {
        charters = new RecordingNeighbour(200, ClientFixture.charterPage(0));
        fx = new ClientFixture(charters.url());
        fx.token("sales_agent"); // sign in before the races, not during them
    }

    @AfterAll
    void stop() {
        fx.close();
        charters.close();
    }

    private long primaries(String client) {
        return fx.countWhere("client.contacts", "client_id = '" + client + "' and is_primary");
    }

    @Test
    void concurrent_creates_of_primary_contacts_leave_exactly_one_primary() throws Exception {
        String client = fx.newClientId();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            calls.add(() -> fx.as("sales_agent").contentType("application/json").body(Map.of("name", "Boss " + n, "is_primary", true))
                    .post("/clients/" + client + "/contacts").statusCode());
        }
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), Together.run(calls));
        assertEquals(PARALLEL, fx.countWhere("client.contacts", "client_id = '" + client + "'"));
        assertEquals(1, primaries(client));
    }

    @Test
    void concurrent_first_contacts_of_a_client_make_exactly_one_of_them_primary() throws Exception {
        String client = fx.newClientId();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            calls.add(() -> fx.as("sales_agent").contentType("application/json").body(Map.of("name", "Person " + n))
                    .post("/clients/" + client + "/contacts").statusCode());
        }
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), Together.run(calls));
        assertEquals(1, primaries(client));
    }

    @Test
    void concurrent_patches_marking_different_contacts_primary_never_leave_two() throws Exception {
        String client = fx.newClientId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) ids.add(fx.createContact(client, Map.of("name", "Contact " + i, "is_primary", false)).path("id"));
        for (int round = 0; round < 5; round++) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String id : ids) {
                int version = fx.as("sales_agent").get("/clients/" + client + "/contacts/" + id).path("version");
                calls.add(() -> fx.rawAs("sales_agent").contentType("application/json")
                        .body(Map.of("version", version, "is_primary", true))
                        .patch("/clients/" + client + "/contacts/" + id).statusCode());
            }
            List<Integer> codes = Together.run(calls);
            assertTrue(Set.of(200, 409).containsAll(codes), codes::toString);
            assertTrue(codes.contains(200), codes::toString);
            assertEquals(1, primaries(client), "round " + round + ": " + codes);
        }
    }
}
