package com.coachway.changemgmt;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox's implementation of a case when charter-service does not take the change at once:
 * change-mgmt-service reaches the real charter-service through {@link CharterStandIn}, which
 * makes a real concurrent change land between the handler's read and its PATCH, or answers 503
 * while charter-service is "down". Retries come after 100 ms, 200 ms (OUTBOX_MAX_ATTEMPTS 3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementRetriesTest {
    private static final int MAX_ATTEMPTS = 3;
    private CharterStandIn charterService;
    private ChangeMgmtPlatform p;
    private String client;

    @BeforeAll
    void start() {
        charterService = new CharterStandIn();
        p = new ChangeMgmtPlatform(Map.of("CHARTER_SERVICE_URL", charterService.url(), "OUTBOX_MAX_ATTEMPTS", String.valueOf(MAX_ATTEMPTS),
                "OUTBOX_BACKOFF_BASE_MS", "100"));
        charterService.forwardTo(p.platform.serviceUri("charter-service"));
        client = p.createClient();
    }

    @AfterAll
    void stop() {
        p.close();
        charterService.close();
    }

    @BeforeEach
    void charterServiceIsUp() {
        charterService.down(false);
        charterService.drain();
    }

    private io.restassured.specification.RequestSpecification charters(String role) {
        return p.platform.api(ChangeMgmtPlatform.CHARTERS).auth().oauth2(p.platform.token(role)).contentType("application/json");
    }

    private String approved(String charter, String type, Map<String, Object> changes) {
        String id = (String) p.createCase(p.as("sales_agent"), charter, type, changes).get("id");
        assertEquals(200, p.move(p.as("manager"), id, "review", null).statusCode());
        Response a = p.move(p.as("manager"), id, "approve", null);
        assertEquals(200, a.statusCode(), a::asString);
        return id;
    }

    private List<Map<String, Object>> outbox(String caseId) {
        return p.rows("select status, attempts, last_error from change_mgmt.outbox where payload->>'case_id' = ? order by created_at", caseId);
    }

    private List<String> history(String caseId) {
        return p.rows("select to_status from change_mgmt.case_history where case_id = ?::uuid order by at, id", caseId).stream()
                .map(r -> (String) r.get("to_status")).toList();
    }

    private List<String> audit(String caseId) {
        return p.rows("select action from change_mgmt.audit_event where entity_type = 'change_case' and entity_id = ? order by occurred_at, id",
                caseId).stream().map(r -> (String) r.get("action")).toList();
    }

    private static List<String> patches(List<CharterStandIn.Seen> seen) {
        return seen.stream().filter(s -> s.method().equals("PATCH")).map(s -> s.path() + " " + s.status()).toList();
    }

    @Test
    void aCharterChangedBetweenTheReadAndThePatchIsReadAgainAndChangedOnce() {
        String charter = p.bookedCharter(client, "2027-03-01");
        int before = p.charter(charter).path("version");
        String id = approved(charter, "date_change", Map.of("pickup_at", "2027-03-08T09:00:00-05:00"));
        // just before the handler's first PATCH lands, a dispatcher changes the charter's notes:
        // the PATCH names the version the handler read, and the real charter-service refuses it
        charterService.beforeNextPatch(() -> {
            int read = p.charter(charter).path("version");
            Response meanwhile = charters("dispatcher").body(Map.of("version", read, "notes", "Gate B, not the main door"))
                    .patch("/charters/" + charter);
            assertEquals(200, meanwhile.statusCode(), meanwhile::asString);
        });
        charterService.drain();

        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        var done = p.awaitImplemented(id);
        assertEquals("implemented", done.get("status"), done.toString());

        var seen = charterService.drain();
        assertEquals(List.of("/charters/" + charter + " 409", "/charters/" + charter + " 200"), patches(seen),
                "the stale PATCH refused, then one PATCH on the charter read again: " + seen);
        assertEquals(List.of(Map.of("status", "delivered", "attempts", 2)),
                outbox(id).stream().map(r -> Map.of("status", r.get("status"), "attempts", r.get("attempts"))).toList());
        Response ch = p.charter(charter);
        assertEquals(OffsetDateTime.parse("2027-03-08T09:00:00-05:00").toInstant(), OffsetDateTime.parse(ch.path("pickup_at")).toInstant());
        assertEquals(OffsetDateTime.parse("2027-03-08T19:00:00-05:00").toInstant(), OffsetDateTime.parse(ch.path("return_at")).toInstant());
        assertEquals("Gate B, not the main door", ch.path("notes"), "the concurrent change is kept");
        assertEquals(before + 2, (int) ch.path("version"), "the dispatcher's change and ours, nothing more");
        assertEquals(List.of("submitted", "under_review", "approved", "implementing", "implemented"), history(id));
        assertEquals(List.of("case.submitted", "case.reviewed", "case.approved", "case.implementation_started", "case.implemented"), audit(id));
    }

    @Test
    void charterServiceDownOnEveryAttemptFailsTheCaseOnceAndImplementingAgainWorksWhenItIsBack() {
        String charter = p.createCharter(client, "2027-03-03");
        int before = p.charter(charter).path("version");
        String id = approved(charter, "passenger_count_change", Map.of("passengers", 30));
        charterService.down(true);
        charterService.drain();

        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        var failed = p.awaitImplemented(id);
        assertEquals("implementation_failed", failed.get("status"), failed.toString());
        String reason = (String) failed.get("implementation_error");
        assertTrue(reason.startsWith("charter-service did not take the change after every retry: charter-service answered 503"), reason);
        assertFalse(reason.contains("Exception"), reason);
        var seen = charterService.drain();
        assertEquals(MAX_ATTEMPTS, seen.size(), "one read of the charter per attempt, each answered 503: " + seen);
        assertTrue(seen.stream().allMatch(s -> s.status() == 503 && s.method().equals("GET")), seen::toString);
        var row = outbox(id);
        assertEquals(1, row.size());
        assertEquals("failed", row.getFirst().get("status"));
        assertEquals(MAX_ATTEMPTS, row.getFirst().get("attempts"));
        assertEquals(List.of("submitted", "under_review", "approved", "implementing", "implementation_failed"), history(id));
        assertEquals(1, audit(id).stream().filter("case.implementation_failed"::equals).count(), audit(id)::toString);
        assertEquals(5, audit(id).size());
        assertEquals(40, (int) p.charter(charter).path("passenger_count"));

        charterService.down(false);
        Response again = p.move(p.as("manager"), id, "implement", "charter-service is back");
        assertEquals(202, again.statusCode(), again::asString);
        assertNull(again.path("implementation_error"));
        var done = p.awaitImplemented(id);
        assertEquals("implemented", done.get("status"), done.toString());
        Response ch = p.charter(charter);
        assertEquals(30, (int) ch.path("passenger_count"));
        assertEquals(before + 1, (int) ch.path("version"));
        assertEquals(List.of("submitted", "under_review", "approved", "implementing", "implementation_failed", "implementing", "implemented"),
                history(id));
        assertEquals(7, audit(id).size());
        assertEquals(List.of("/charters/" + charter + " 200"), patches(charterService.drain()));
    }

    @Test
    void aConflictThatIsNoVersionRaceFailsAtOnceWithCharterServicesReason() {
        String charter = p.bookedCharter(client, "2027-03-05");
        // a coach assigned to the charter's line: charter-service refuses to change its vehicles (409, for good)
        Response vehicle = charters("dispatcher").body(Map.of("vehicle_type", "coach_56", "capacity", 56, "make", "MCI", "model", "J4500",
                "year", 2024, "plate", "CM" + (1000 + (int) (Math.random() * 8999)), "vin", vin())).post("/vehicles");
        assertEquals(201, vehicle.statusCode(), vehicle::asString);
        String line = p.charter(charter).path("vehicles[0].id");
        Response assigned = charters("dispatcher").body(Map.of("vehicle_id", vehicle.path("id"))).put("/charters/" + charter + "/vehicles/" + line);
        assertEquals(200, assigned.statusCode(), assigned::asString);
        String id = approved(charter, "vehicle_change", Map.of("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 2))));
        charterService.drain();

        assertEquals(202, p.move(p.as("manager"), id, "implement", null).statusCode());
        var failed = p.awaitImplemented(id);
        assertEquals("implementation_failed", failed.get("status"), failed.toString());
        String reason = (String) failed.get("implementation_error");
        assertTrue(reason.contains("409") && reason.contains("unassign them"), reason);
        assertFalse(reason.contains("every retry"), reason);
        assertEquals(List.of("/charters/" + charter + " 409"), patches(charterService.drain()), "asked once, not retried");
        assertEquals(1, (int) outbox(id).getFirst().get("attempts"));
        assertEquals(1, (int) p.charter(charter).path("vehicles.size()"));
    }

    /** A VIN of 17 characters without I, O or Q, unique enough for one test run. */
    private static String vin() {
        String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 8);
        return "1M8PDMPA0" + digits;
    }
}
