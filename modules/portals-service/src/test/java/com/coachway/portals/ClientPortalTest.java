package com.coachway.portals;

import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.balance;
import static com.coachway.portals.PortalsPlatform.charter;
import static com.coachway.portals.PortalsPlatform.document;
import static com.coachway.portals.PortalsPlatform.invoice;
import static com.coachway.portals.PortalsPlatform.json;
import static com.coachway.portals.PortalsPlatform.page;
import static com.coachway.portals.PortalsPlatform.payment;
import static com.coachway.portals.PortalsPlatform.problem;
import static com.coachway.portals.PortalsPlatform.quote;
import static com.coachway.portals.PortalsPlatform.schedule;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client portal with two clients whose records the neighbours hold side by side. The
 * neighbours answer any token with whatever they hold (as if their own tenancy had failed), so
 * what the portal shows of the other client is what portals itself lets through: nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPortalTest {
    static final String FUTURE = "2030-05-01T08:00:00-04:00";
    static final String PAST = "2020-05-01T08:00:00-04:00";

    PortalsPlatform pp;
    final UUID clientA = UUID.randomUUID();
    final UUID clientB = UUID.randomUUID();
    final UUID bookedA = UUID.randomUUID();
    final UUID quotedA = UUID.randomUUID();
    final UUID pastA = UUID.randomUUID();
    final UUID runningA = UUID.randomUUID();
    final UUID completedA = UUID.randomUUID();
    final String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
    final UUID sentQuoteA = UUID.randomUUID();
    final UUID oldQuoteA = UUID.randomUUID();
    final UUID paymentA = UUID.randomUUID();
    final UUID documentA = UUID.randomUUID();
    final UUID invoiceA = UUID.randomUUID();
    final UUID bookedB = UUID.randomUUID();
    final UUID quotedB = UUID.randomUUID();
    final UUID sentQuoteB = UUID.randomUUID();
    final UUID paymentB = UUID.randomUUID();
    final UUID documentB = UUID.randomUUID();
    final UUID invoiceB = UUID.randomUUID();

    @BeforeAll
    void start() {
        pp = new PortalsPlatform(Map.of());
        var a1 = charter(bookedA, clientA, "booked", FUTURE, quote(UUID.randomUUID(), bookedA, "accepted", "4000.00"));
        var a2 = charter(quotedA, clientA, "quoted", "2030-06-01T08:00:00-04:00", quote(sentQuoteA, quotedA, "sent", "2500.00"));
        var a3 = charter(pastA, clientA, "booked", PAST, null);
        // a tour that started yesterday and is still running, and a trip that ended
        var a4 = charter(runningA, clientA, "in_progress", yesterday, null);
        var a5 = charter(completedA, clientA, "completed", yesterday, null);
        var b1 = charter(bookedB, clientB, "booked", "2030-04-01T08:00:00-04:00", quote(UUID.randomUUID(), bookedB, "accepted", "9999.00"));
        var b2 = charter(quotedB, clientB, "quoted", FUTURE, quote(sentQuoteB, quotedB, "sent", "8888.00"));
        pp.charters.answer("/charters", 200, json(page(List.of(a1, a2, a3, a4, a5, b1, b2))));
        pp.charters.answer("/charters/" + bookedA, 200, json(a1));
        pp.charters.answer("/charters/" + quotedA, 200, json(a2));
        pp.charters.answer("/charters/" + bookedB, 200, json(b1));
        pp.charters.answer("/charters/" + quotedB, 200, json(b2));
        pp.charters.answer("/charters/" + bookedA + "/quotes", 200,
                json(page(List.of(quote(oldQuoteA, bookedA, "accepted", "4000.00"), quote(sentQuoteB, quotedB, "sent", "8888.00")))));
        pp.charters.answer("/charters/" + bookedB + "/quotes", 200, json(page(List.of(quote(UUID.randomUUID(), bookedB, "accepted", "9999.00")))));
        pp.charters.answer("/quotes/" + sentQuoteA, 200, json(quote(sentQuoteA, quotedA, "sent", "2500.00")));
        pp.charters.answer("/quotes/" + sentQuoteA + "/accept", 200, json(quote(sentQuoteA, quotedA, "accepted", "2500.00")));
        pp.charters.answer("/quotes/" + sentQuoteB, 200, json(quote(sentQuoteB, quotedB, "sent", "8888.00")));
        pp.charters.answer("/quotes/" + sentQuoteB + "/accept", 200, json(quote(sentQuoteB, quotedB, "accepted", "8888.00")));

        pp.payments.answer("/payments", 200, json(page(List.of(payment(paymentA, bookedA, clientA, "1000.00"),
                payment(paymentB, bookedB, clientB, "2500.00")))));
        pp.payments.answer("/balances/" + bookedA, 200, json(balance(bookedA, "4000.00", "1000.00")));
        pp.payments.answer("/balances/" + bookedB, 200, json(balance(bookedB, "9999.00", "2500.00")));
        pp.payments.answer("/schedules", 200, json(page(List.of(schedule(bookedA, clientA, "3000.00"), schedule(pastA, clientA, "-20.00"),
                schedule(quotedA, clientA, "125.50"), schedule(bookedB, clientB, "7499.00")))));
        pp.documents.answer("/documents", 200, json(page(List.of(document(documentA, bookedA), document(documentB, bookedB)))));
        pp.finance.answer("/invoices", 200, json(page(List.of(invoice(invoiceA, bookedA, clientA, "4000.00"),
                invoice(invoiceB, bookedB, clientB, "9999.00")))));
        pp.changeMgmt.answer("/cases", 201, json(Map.of("id", UUID.randomUUID().toString(), "charter_id", bookedA.toString(),
                "client_id", clientA.toString(), "type", "passenger_count_change", "status", "submitted", "reference", "CHG-2026-00001")));
    }

    @AfterAll
    void stop() {
        pp.close();
    }

    /** Nothing of client B in a body: no id of its records, no reference, no amount. */
    void noneOfB(Response r) {
        String body = r.asString();
        for (UUID id : List.of(clientB, bookedB, quotedB, sentQuoteB, paymentB, documentB, invoiceB)) {
            assertFalse(body.contains(id.toString()), () -> "client B's " + id + " shown to client A: " + body);
        }
        for (String s : List.of("9999", "8888", "7499", "contract-" + bookedB.toString().substring(0, 8))) {
            assertFalse(body.contains(s), () -> "client B's " + s + " shown to client A: " + body);
        }
    }

    List<RecordingNeighbour.Request> posts(RecordingNeighbour n) {
        return n.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Test
    void the_overview_shows_the_clients_upcoming_trips_open_quotes_and_balance_due_with_its_own_token() {
        String token = pp.clientToken(clientA);
        Response r = pp.asClient(clientA).get("/client/overview");
        r.then().statusCode(200).body("client_id", equalTo(clientA.toString())).body("unavailable", equalTo(List.of()))
                .body("balance_basis", equalTo("payment_schedules"));
        assertEquals(List.of(runningA.toString(), bookedA.toString()), r.jsonPath().getList("upcoming_trips.id"));
        assertEquals(List.of(sentQuoteA.toString()), r.jsonPath().getList("open_quotes.id"));
        // 3000.00 + 125.50; a schedule in credit (-20.00) counts 0, client B's 7499.00 not at all
        assertTrue(r.asString().contains("\"balance_due\":3125.50"), r::asString);
        noneOfB(r);
        assertTrue(pp.charters.requests().stream().anyMatch(q -> q.path().equals("/charters") && ("Bearer " + token).equals(q.authorization())));
        assertTrue(pp.payments.requests().stream().filter(q -> q.path().equals("/schedules"))
                .allMatch(q -> ("Bearer " + token).equals(q.authorization())), "payment-service is asked with the client's own token");
    }

    @Test
    void a_trip_in_progress_is_upcoming_whatever_its_pickup_and_a_completed_one_is_not() {
        int before = pp.charters.requests().size();
        Response r = pp.asClient(clientA).get("/client/overview");
        r.then().statusCode(200).body("unavailable", equalTo(List.of()));
        List<String> upcoming = r.jsonPath().getList("upcoming_trips.id");
        assertTrue(upcoming.contains(runningA.toString()), "the charter in progress since yesterday is upcoming: " + upcoming);
        assertFalse(upcoming.contains(completedA.toString()), "a completed charter is not upcoming: " + upcoming);
        assertFalse(upcoming.contains(pastA.toString()), "a booked charter whose pickup passed is not upcoming: " + upcoming);
        assertEquals("in_progress", r.jsonPath().getString("upcoming_trips[0].status"));
        // charter-service is asked for the running ones without a pickup bound, and never for completed ones
        var asked = pp.charters.requests().subList(before, pp.charters.requests().size()).stream()
                .filter(q -> q.path().equals("/charters") && q.query() != null).map(RecordingNeighbour.Request::query).toList();
        assertTrue(asked.stream().anyMatch(q -> q.contains("status=in_progress") && !q.contains("from=")), asked.toString());
        assertFalse(asked.stream().anyMatch(q -> q.contains("status=completed")), asked.toString());
    }

    @Test
    void the_charter_list_passes_limit_offset_and_after_on_and_says_them_back() {
        int before = pp.charters.requests().size();
        pp.asClient(clientA).queryParam("limit", 2).queryParam("offset", 4).get("/client/charters")
                .then().statusCode(200).body("limit", equalTo(2)).body("offset", equalTo(4));
        pp.asClient(clientA).queryParam("after", "opaque-cursor").get("/client/charters")
                .then().statusCode(200).body("offset", equalTo(0));
        var asked = pp.charters.requests().subList(before, pp.charters.requests().size()).stream().map(RecordingNeighbour.Request::query).toList();
        assertTrue(asked.get(0).contains("limit=2") && asked.get(0).contains("offset=4"), asked.toString());
        assertTrue(asked.get(1).contains("after=opaque-cursor") && !asked.get(1).contains("offset="), asked.toString());
        // a cursor and an offset together: every owning service refuses it, so it is never asked
        pp.rawAsClient(clientA).queryParam("after", "opaque-cursor").queryParam("offset", 3).get("/client/charters")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        pp.rawAsClient(clientA).queryParam("offset", -1).get("/client/charters").then().statusCode(400);
        assertEquals(before + 2, pp.charters.requests().size());
    }

    @Test
    void a_cursor_charter_service_refuses_is_its_400() {
        pp.charters.answer("/charters", 400, "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"after: not a cursor of this list\",\"request_id\":\"t\",\"errors\":[{\"field\":\"after\",\"message\":\"not a cursor of this list\"}]}");
        try {
            pp.asClient(clientA).queryParam("after", "garbage").get("/client/charters").then().statusCode(400).body("errors[0].field", equalTo("after"));
        } finally {
            pp.charters.answer("/charters", 200, json(page(List.of(
                    charter(bookedA, clientA, "booked", FUTURE, quote(UUID.randomUUID(), bookedA, "accepted", "4000.00")),
                    charter(quotedA, clientA, "quoted", "2030-06-01T08:00:00-04:00", quote(sentQuoteA, quotedA, "sent", "2500.00")),
                    charter(pastA, clientA, "booked", PAST, null), charter(runningA, clientA, "in_progress", yesterday, null),
                    charter(completedA, clientA, "completed", yesterday, null),
                    charter(bookedB, clientB, "booked", "2030-04-01T08:00:00-04:00", quote(UUID.randomUUID(), bookedB, "accepted", "9999.00")),
                    charter(quotedB, clientB, "quoted", FUTURE, quote(sentQuoteB, quotedB, "sent", "8888.00"))))));
        }
    }

    @Test
    void the_charter_list_is_the_clients_own() {
        Response r = pp.asClient(clientA).queryParam("status", "booked").queryParam("limit", 20).get("/client/charters");
        r.then().statusCode(200).body("unavailable", equalTo(List.of())).body("limit", equalTo(20));
        assertEquals(List.of(bookedA.toString(), quotedA.toString(), pastA.toString(), runningA.toString(), completedA.toString()),
                r.jsonPath().getList("items.id"));
        assertEquals(5, r.jsonPath().getInt("total"));
        noneOfB(r);
        var asked = pp.charters.requests().stream().filter(q -> q.path().equals("/charters") && q.query() != null && q.query().contains("limit=20"))
                .toList().getLast();
        assertTrue(asked.query().contains("status=booked"), asked.query());
    }

    @Test
    void a_charter_page_holds_the_charter_its_quotes_payments_balance_documents_and_invoices() {
        String token = pp.clientToken(clientA);
        Response r = pp.asClient(clientA).get("/client/charters/" + bookedA);
        r.then().statusCode(200).body("charter.id", equalTo(bookedA.toString())).body("unavailable", equalTo(List.of()))
                .body("balance.outstanding", equalTo(3000.0f));
        assertTrue(r.asString().contains("\"outstanding\":3000.00"), "money keeps its two decimals: " + r.asString());
        assertEquals(List.of(oldQuoteA.toString()), r.jsonPath().getList("quotes.id"));
        assertEquals(List.of(paymentA.toString()), r.jsonPath().getList("payments.id"));
        assertEquals(List.of(documentA.toString()), r.jsonPath().getList("documents.id"));
        assertEquals(List.of(invoiceA.toString()), r.jsonPath().getList("invoices.id"));
        noneOfB(r);
        for (var n : List.of(pp.charters, pp.payments, pp.documents, pp.finance)) {
            assertTrue(n.requests().stream().filter(q -> q.pathAndQuery().contains(bookedA.toString()))
                    .allMatch(q -> ("Bearer " + token).equals(q.authorization())), "each neighbour is asked with the client's token");
        }
        assertTrue(pp.documents.requests().stream().anyMatch(q -> q.query() != null && q.query().contains("entity_type=charter")
                && q.query().contains("entity_id=" + bookedA)));
    }

    @Test
    void every_client_path_given_another_clients_id_is_a_404_with_none_of_its_data() {
        int acceptsBefore = posts(pp.charters).size();
        for (UUID foreign : List.of(bookedB, quotedB, UUID.randomUUID())) {
            Response r = pp.asClient(clientA).get("/client/charters/" + foreign);
            r.then().statusCode(404);
            noneOfB(r);
        }
        for (UUID foreign : List.of(sentQuoteB, UUID.randomUUID())) {
            Response r = pp.asClient(clientA).contentType("application/json").body("{}").post("/client/quotes/" + foreign + "/accept");
            r.then().statusCode(404);
            noneOfB(r);
        }
        assertEquals(acceptsBefore, posts(pp.charters).size(), "no accept was sent for another client's quote");

        int casesBefore = posts(pp.changeMgmt).size();
        for (UUID foreign : List.of(bookedB, UUID.randomUUID())) {
            Response r = pp.asClient(clientA).contentType("application/json")
                    .body(Map.of("charter_id", foreign.toString(), "type", "other", "description", "Please add a stop",
                            "requested_changes", Map.of("note", "a stop in Quincy")))
                    .post("/client/change-requests");
            r.then().statusCode(400).body("errors[0].field", equalTo("charter_id")).body("errors[0].message", equalTo("unknown charter"));
            noneOfB(r);
        }
        assertEquals(casesBefore, posts(pp.changeMgmt).size(), "no case was asked for about another client's charter");

        // the lists and the overview hold none of it either
        noneOfB(pp.asClient(clientA).get("/client/charters"));
        noneOfB(pp.asClient(clientA).get("/client/overview"));
        // and client B sees its own charter, so the 404s above are about ownership
        pp.asClient(clientB).get("/client/charters/" + bookedB).then().statusCode(200).body("charter.id", equalTo(bookedB.toString()));
    }

    @Test
    void a_path_id_that_is_not_a_uuid_is_a_404() {
        pp.asClient(clientA).get("/client/charters/not-a-charter").then().statusCode(404);
        pp.asClient(clientA).contentType("application/json").body("{}").post("/client/quotes/42/accept").then().statusCode(404);
    }

    @Test
    void accepting_a_quote_forwards_it_to_charter_service_with_the_clients_token_and_idempotency_key() {
        String token = pp.clientToken(clientA);
        String key = "accept-" + UUID.randomUUID();
        pp.asClient(clientA).header("Idempotency-Key", key).contentType("application/json").body("{}").post("/client/quotes/" + sentQuoteA + "/accept")
                .then().statusCode(200).body("status", equalTo("accepted")).body("id", equalTo(sentQuoteA.toString()));
        var sent = posts(pp.charters).getLast();
        assertEquals("/quotes/" + sentQuoteA + "/accept", sent.path());
        assertEquals("Bearer " + token, sent.authorization());
        assertEquals(key, sent.idempotencyKey());
    }

    @Test
    void charter_services_refusal_of_an_accept_is_the_answer() {
        UUID expired = UUID.randomUUID();
        pp.charters.answer("/quotes/" + expired, 200, json(quote(expired, quotedA, "expired", "2500.00")));
        pp.charters.answer("/quotes/" + expired + "/accept", 409, problem(409, "The quote is expired"));
        pp.asClient(clientA).contentType("application/json").body("{}").post("/client/quotes/" + expired + "/accept")
                .then().statusCode(409).body("detail", equalTo("The quote is expired"));
    }

    @Test
    void a_change_request_is_forwarded_to_change_mgmt_as_a_case_with_the_clients_token() {
        String token = pp.clientToken(clientA);
        var body = Map.of("charter_id", bookedA.toString(), "type", "passenger_count_change",
                "description", "Four more students are coming", "requested_changes", Map.of("passengers", 44));
        pp.asClient(clientA).contentType("application/json").body(body).post("/client/change-requests")
                .then().statusCode(201).body("status", equalTo("submitted")).body("charter_id", equalTo(bookedA.toString()));
        var sent = posts(pp.changeMgmt).getLast();
        assertEquals("/cases", sent.path());
        assertEquals("Bearer " + token, sent.authorization());
        assertTrue(sent.body().contains("\"passengers\":44") && sent.body().contains("\"type\":\"passenger_count_change\"")
                && sent.body().contains("\"charter_id\":\"" + bookedA + "\""), sent.body());
    }

    @Test
    void change_mgmts_field_errors_are_passed_back() {
        pp.changeMgmt.answer("/cases", 400, "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"requested_changes.note: not a field of passenger_count_change\",\"request_id\":\"t\","
                + "\"errors\":[{\"field\":\"requested_changes.note\",\"message\":\"not a field of passenger_count_change\"}]}");
        try {
            // valid for the contract (which type needs which field is change-mgmt-service's rule), refused there
            pp.asClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "passenger_count_change",
                            "description", "none", "requested_changes", Map.of("note", "more")))
                    .post("/client/change-requests")
                    .then().statusCode(400).body("errors[0].field", equalTo("requested_changes.note"));
        } finally {
            pp.changeMgmt.answer("/cases", 201, json(Map.of("id", UUID.randomUUID().toString(), "charter_id", bookedA.toString(),
                    "type", "passenger_count_change", "status", "submitted")));
        }
    }

    @Test
    void bad_input_is_a_400_and_nothing_is_sent_downstream() {
        int cases = posts(pp.changeMgmt).size();
        int accepts = posts(pp.charters).size();
        pp.rawAsClient(clientA).contentType("application/json").body("{\"charter_id\":").post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body("[]").post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", 5, "type", "other", "description", "x"))
                .post("/client/change-requests").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("charter_id"));
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "teleport", "description", "x"))
                .post("/client/change-requests").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("type"));
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "other"))
                .post("/client/change-requests").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("description"));
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "other",
                "description", "x", "requested_changes", "more seats")).post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "other",
                "description", "x", "requested_changes", Map.of("note", "y"), "extra", true)).post("/client/change-requests").then().statusCode(400);
        // requested_changes is change-mgmt-service's required field, with its bounds: refused here, nothing sent
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "cancellation",
                "description", "x")).post("/client/change-requests").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.containsString("requested_changes")));
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "passenger_count_change",
                "description", "x", "requested_changes", Map.of("passengers", 0))).post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "other",
                "description", "x", "requested_changes", Map.of("teleport", true))).post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "itinerary_change",
                "description", "x", "requested_changes", Map.of("stops", List.of(Map.of("sequence", 1, "address", "A")))))
                .post("/client/change-requests").then().statusCode(400);
        pp.rawAsClient(clientA).contentType("text/plain").body("hello").post("/client/change-requests").then().statusCode(415);
        pp.rawAsClient(clientA).contentType("application/json").body("{\"surprise\":1}").post("/client/quotes/" + sentQuoteA + "/accept")
                .then().statusCode(400);
        pp.rawAsClient(clientA).contentType("application/json").body("{nope").post("/client/quotes/" + sentQuoteA + "/accept")
                .then().statusCode(400);
        pp.rawAsClient(clientA).queryParam("limit", "many").get("/client/charters").then().statusCode(400);
        pp.rawAsClient(clientA).queryParam("limit", 0).get("/client/charters").then().statusCode(400);
        pp.rawAsClient(clientA).queryParam("status", "lost").get("/client/charters").then().statusCode(400);
        assertEquals(cases, posts(pp.changeMgmt).size());
        assertEquals(accepts, posts(pp.charters).size());
    }

    @Test
    void a_charter_services_403_is_passed_through() {
        UUID locked = UUID.randomUUID();
        pp.charters.answer("/charters/" + locked, 403, problem(403, "This needs one of the roles: client"));
        pp.asClient(clientA).get("/client/charters/" + locked).then().statusCode(403);
    }

    @Test
    void only_client_users_open_the_client_portal() {
        pp.anonymous().get("/client/overview").then().statusCode(401);
        for (String role : List.of("sales_agent", "manager", "dispatcher", "accountant")) {
            pp.as(role).get("/client/overview").then().statusCode(403);
            pp.as(role).get("/client/charters/" + bookedA).then().statusCode(403);
            pp.as(role).contentType("application/json").body("{}").post("/client/quotes/" + sentQuoteA + "/accept").then().statusCode(403);
        }
        // admin passes every role check, but has no client: the client portal is not its to see
        pp.platform.api(PortalsPlatform.PORTALS).auth().oauth2(pp.platform.adminToken()).get("/client/charters").then().statusCode(403);
        pp.asVendor(UUID.randomUUID()).get("/client/overview").then().statusCode(403);
        int cases = posts(pp.changeMgmt).size();
        pp.as("sales_agent").contentType("application/json").body(Map.of("charter_id", bookedA.toString(), "type", "other", "description", "x",
                        "requested_changes", Map.of("note", "y")))
                .post("/client/change-requests").then().statusCode(403);
        assertEquals(cases, posts(pp.changeMgmt).size());
    }
}
