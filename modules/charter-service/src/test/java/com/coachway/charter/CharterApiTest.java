package com.coachway.charter;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.coachway.charter.CharterPlatform.charterBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charters: create, read, list, change, lifecycle, history, who sees what, and client deletion. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharterApiTest {
    CharterPlatform cw;
    String clientId;

    @BeforeAll
    void start() {
        cw = new CharterPlatform();
        clientId = cw.createClient();
    }

    @AfterAll
    void stop() {
        cw.close();
    }

    private Response rawPost(Object body) {
        return cw.rawAs("sales_agent").contentType("application/json").body(body).post("/charters");
    }

    private Map<String, Object> body() {
        return charterBody(clientId, "2027-05-10");
    }

    @Test
    void a_sales_agent_records_an_inquiry_with_a_reference_its_stops_and_one_line_per_vehicle() {
        var body = body();
        body.put("passenger_count", 100);
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 2)));
        Response r = cw.postCharter(body);
        // the reference's year is the UTC year of the instant the charter was created (its created_at),
        // not this JVM's year now: they differ across New Year, or for hours if this JVM's zone is not UTC
        int year = java.time.OffsetDateTime.parse(r.path("created_at")).withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        r.then().statusCode(201)
                .body("status", equalTo("inquiry"))
                .body("reference", matchesPattern("^CW-" + year + "-\\d{5}$"))
                .body("client_id", equalTo(clientId))
                .body("stops.size()", equalTo(2))
                .body("stops[1].address", equalTo("Science Museum, Boston"))
                .body("stops[1].sequence", equalTo(2))
                .body("vehicles.size()", equalTo(2))
                .body("vehicles.vehicle_type", everyItem(equalTo("coach_56")))
                .body("vehicles.capacity", everyItem(equalTo(56)))
                .body("vehicles.vehicle_id", everyItem(nullValue()))
                .body("vehicles.position", equalTo(List.of(1, 2)))
                .body("amenities", equalTo(List.of("wifi")))
                .body("current_quote", nullValue())
                .body("version", equalTo(1));
        String id = r.path("id");
        assertEquals("/charters/" + id, r.header("Location"));
        assertEquals(r.<String>path("return_at"), r.<String>path("ends_at"));
        cw.getCharter(id).then().statusCode(200).body("reference", equalTo(r.path("reference")))
                .body("passenger_count", equalTo(100)).body("miles", equalTo(120));
    }

    @Test
    void references_come_from_a_sequence_and_never_repeat() {
        String first = cw.getCharter(cw.createCharter(clientId, "2027-05-11")).path("reference");
        String second = cw.getCharter(cw.createCharter(clientId, "2027-05-11")).path("reference");
        int a = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        int b = Integer.parseInt(second.substring(second.lastIndexOf('-') + 1));
        assertTrue(b > a, first + " then " + second);
    }

    @Test
    void without_a_return_time_the_charter_ends_at_its_last_stop_time() {
        var body = body();
        body.remove("return_at");
        body.put("trip_type", "one_way");
        cw.postCharter(body).then().statusCode(201).body("return_at", nullValue())
                .body("ends_at", equalTo("2027-05-10T20:00:00Z"));
    }

    @Test
    void stops_out_of_order_are_400_and_write_nothing() {
        long charters = cw.count("charter.charters");
        long stops = cw.count("charter.charter_stops");
        var reordered = body();
        reordered.put("stops", List.of(Map.of("sequence", 2, "address", "B"), Map.of("sequence", 1, "address", "A")));
        cw.postCharter(reordered).then().statusCode(400).body("errors.field", hasItem("stops[0].sequence"));

        var gap = body();
        gap.put("stops", List.of(Map.of("sequence", 1, "address", "A"), Map.of("sequence", 3, "address", "C")));
        cw.postCharter(gap).then().statusCode(400).body("errors.field", hasItem("stops[1].sequence"));

        var backwards = body();
        backwards.put("stops", List.of(
                Map.of("sequence", 1, "address", "A", "depart_at", "2027-05-10T12:00:00-04:00"),
                Map.of("sequence", 2, "address", "B", "arrive_at", "2027-05-10T11:00:00-04:00")));
        cw.postCharter(backwards).then().statusCode(400).body("errors.field", hasItem("stops[1].arrive_at"))
                .body("errors.message", hasItem(containsString("times never go backwards")));

        var leavesBeforeArriving = body();
        leavesBeforeArriving.put("stops", List.of(Map.of("sequence", 1, "address", "A"),
                Map.of("sequence", 2, "address", "B", "arrive_at", "2027-05-10T11:00:00-04:00", "depart_at", "2027-05-10T10:00:00-04:00")));
        cw.postCharter(leavesBeforeArriving).then().statusCode(400).body("errors.field", hasItem("stops[1].depart_at"));

        var beforePickup = body();
        beforePickup.put("stops", List.of(Map.of("sequence", 1, "address", "A", "depart_at", "2027-05-10T07:00:00-04:00"),
                Map.of("sequence", 2, "address", "B")));
        cw.postCharter(beforePickup).then().statusCode(400).body("errors.field", hasItem("stops[0].depart_at"));

        var oneStop = body();
        oneStop.put("stops", List.of(Map.of("sequence", 1, "address", "A")));
        rawPost(oneStop).then().statusCode(400).body("errors.field", hasItem("stops"));
        // How many stops (2 to 50) is the contract's to say; StopRules only judges their order and times.
        var noStops = body();
        noStops.put("stops", List.of());
        rawPost(noStops).then().statusCode(400).body("errors.field", hasItem("stops"));
        var fiftyOneStops = body();
        var many = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 51; i++) many.add(Map.of("sequence", i, "address", "Stop " + i));
        fiftyOneStops.put("stops", many);
        rawPost(fiftyOneStops).then().statusCode(400).body("errors.field", hasItem("stops"));

        var returnsBeforeLastStop = body();
        returnsBeforeLastStop.put("return_at", "2027-05-10T15:00:00-04:00");
        cw.postCharter(returnsBeforeLastStop).then().statusCode(400).body("errors.field", hasItem("return_at"));

        var noEnd = body();
        noEnd.remove("return_at");
        noEnd.put("stops", List.of(Map.of("sequence", 1, "address", "A"), Map.of("sequence", 2, "address", "B")));
        cw.postCharter(noEnd).then().statusCode(400).body("errors.field", hasItem("return_at"));

        assertEquals(charters, cw.count("charter.charters"));
        assertEquals(stops, cw.count("charter.charter_stops"));
    }

    @Test
    void passengers_over_the_vehicles_capacity_are_400_and_write_nothing() {
        long before = cw.count("charter.charters");
        var body = body();
        body.put("passenger_count", 57);
        cw.postCharter(body).then().statusCode(400).body("errors.field", equalTo(List.of("passenger_count")))
                .body("detail", containsString("56 seats"));
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1), Map.of("vehicle_type", "sprinter_14", "quantity", 1)));
        assertEquals(before, cw.count("charter.charters"));
        cw.postCharter(body).then().statusCode(201).body("vehicles.size()", equalTo(2));
    }

    @Test
    void vehicle_types_come_from_pricing_and_an_unknown_one_is_400_naming_its_line() {
        var body = body();
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1), Map.of("vehicle_type", "hovercraft_9", "quantity", 1)));
        long before = cw.count("charter.charters");
        cw.postCharter(body).then().statusCode(400).body("errors.field", equalTo(List.of("vehicles[1].vehicle_type")));
        assertEquals(before, cw.count("charter.charters"));
    }

    @Test
    void an_unknown_client_is_400_and_an_inactive_client_is_409() {
        long before = cw.count("charter.charters");
        cw.postCharter(charterBody(UUID.randomUUID().toString(), "2027-05-10")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("client_id")));

        String sleepy = cw.createClient();
        int version = cw.getClient(sleepy).path("version");
        cw.platform.api(CharterPlatform.CLIENTS).auth().oauth2(cw.platform.adminToken()).contentType("application/json")
                .body(Map.of("version", version, "status", "inactive")).patch("/clients/" + sleepy).then().statusCode(200);
        cw.postCharter(charterBody(sleepy, "2027-05-10")).then().statusCode(409).body("detail", containsString("inactive"));
        assertEquals(before, cw.count("charter.charters"));
    }

    @Test
    void a_contact_must_be_one_of_the_clients_own() {
        String contact = cw.createContact(clientId, "carla@example.com");
        String strangersContact = cw.createContact(cw.createClient(), "someone@example.com");
        var body = body();
        body.put("contact_id", strangersContact);
        cw.postCharter(body).then().statusCode(400).body("errors.field", equalTo(List.of("contact_id")));
        body.put("contact_id", UUID.randomUUID().toString());
        cw.postCharter(body).then().statusCode(400).body("errors.field", equalTo(List.of("contact_id")));
        body.put("contact_id", contact);
        cw.postCharter(body).then().statusCode(201).body("contact_id", equalTo(contact));
    }

    Stream<Arguments> invalidCharterBodies() {
        return Stream.of(
                arguments("{", null),
                arguments("[]", null),
                arguments("{}", "client_id"),
                arguments(with("client_id", "not-a-uuid"), "client_id"),
                arguments(with("trip_type", "teleport"), "trip_type"),
                arguments(with("passenger_count", 0), "passenger_count"),
                arguments(with("passenger_count", "forty"), "passenger_count"),
                arguments(with("passenger_count", 4.5), "passenger_count"),
                arguments(with("pickup_at", "2027-05-10 08:00"), "pickup_at"),
                arguments(with("pickup_at", "2027-05-10T08:00:00"), "pickup_at"),
                arguments(with("return_at", 17), "return_at"),
                arguments(with("stops", "A to B"), "stops"),
                arguments(with("stops", List.of(Map.of("sequence", 1, "address", "A"), "B")), "stops[1]"),
                arguments(with("stops", List.of(Map.of("sequence", 1, "address", ""), Map.of("sequence", 2, "address", "B"))), "stops[0].address"),
                arguments(with("stops", List.of(Map.of("sequence", 1, "address", "A", "lat", 91, "lon", 0), Map.of("sequence", 2, "address", "B"))), "stops[0].lat"),
                arguments(with("stops", List.of(Map.of("sequence", 1, "address", "A", "lat", 40.1), Map.of("sequence", 2, "address", "B"))), "stops[0].lon"),
                arguments(with("stops", List.of(Map.of("sequence", 1, "address", "A", "floor", 3), Map.of("sequence", 2, "address", "B"))), "stops[0].floor"),
                arguments(with("vehicles", List.of()), "vehicles"),
                arguments(with("vehicles", List.of(Map.of("vehicle_type", "coach_56"))), "vehicles[0].quantity"),
                arguments(with("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 21))), "vehicles[0].quantity"),
                arguments(with("amenities", "wifi"), "amenities"),
                arguments(with("amenities", List.of("wifi", "wifi")), "amenities[1]"),
                arguments(with("miles", -5), "miles"),
                arguments(with("notes", "x".repeat(4001)), "notes"),
                arguments(with("status", "booked"), "status"),
                arguments(with("reference", "CW-2020-00001"), "reference"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidCharterBodies")
    void an_invalid_charter_body_is_400_with_field_errors_and_writes_nothing(Object body, String field) {
        long charters = cw.count("charter.charters");
        long history = cw.count("charter.charter_status_history");
        var then = rawPost(body).then().statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
        assertEquals(charters, cw.count("charter.charters"));
        assertEquals(history, cw.count("charter.charter_status_history"));
    }

    @Test
    void a_charter_body_that_is_not_json_is_415_and_writes_nothing() {
        long charters = cw.count("charter.charters");
        long history = cw.count("charter.charter_status_history");
        cw.rawAs("sales_agent").contentType("text/plain").body("hello").post("/charters").then().statusCode(415);
        assertEquals(charters, cw.count("charter.charters"));
        assertEquals(history, cw.count("charter.charter_status_history"));
    }

    private Map<String, Object> with(String field, Object value) {
        var b = new HashMap<>(body());
        b.put(field, value);
        return b;
    }

    @Test
    void the_list_filters_by_status_client_dates_and_text_and_pages() {
        String client = cw.createClient();
        var ids = new ArrayList<String>();
        for (String day : List.of("2027-08-01", "2027-08-02", "2027-08-03")) ids.add(cw.createCharter(client, day));
        var special = charterBody(client, "2027-08-04");
        special.put("notes", "Orchestra tour – Zanzibar hall");
        String zanzibar = cw.createCharter(special);
        cw.setStatus(ids.get(0), "cancelled").then().statusCode(200);

        cw.as("manager").queryParam("client_id", client).get("/charters").then().statusCode(200)
                .body("total", equalTo(4)).body("items.size()", equalTo(4))
                .body("items[0].id", equalTo(ids.get(0))).body("items[0].stops.size()", equalTo(2))
                .body("items[0].vehicles.size()", equalTo(1));
        cw.as("manager").queryParam("client_id", client).queryParam("limit", 2).queryParam("offset", 1).get("/charters").then()
                .body("total", equalTo(4)).body("items.size()", equalTo(2)).body("limit", equalTo(2)).body("offset", equalTo(1))
                .body("items[0].id", equalTo(ids.get(1)));
        cw.as("manager").queryParam("client_id", client).queryParam("sort", "-pickup_at").get("/charters").then()
                .body("items[0].id", equalTo(zanzibar));
        cw.as("manager").queryParam("client_id", client).queryParam("status", "cancelled").get("/charters").then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("cancelled"));
        cw.as("manager").queryParam("client_id", client).queryParam("from", "2027-08-02").queryParam("to", "2027-08-03").get("/charters").then()
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(ids.get(1), ids.get(2))));
        cw.as("manager").queryParam("client_id", client).queryParam("from", "2027-08-03T00:00:00-04:00").get("/charters").then()
                .body("total", equalTo(2));
        // A date is a day on the company's calendar (TZ America/New_York), not in UTC: 21:00 EDT on
        // the 20th is already the 21st in UTC.
        var evening = CharterPlatform.charterBody(client, "2027-08-20");
        evening.put("pickup_at", "2027-08-20T21:00:00-04:00");
        evening.put("return_at", "2027-08-20T23:30:00-04:00");
        evening.put("stops", List.of(Map.of("sequence", 1, "address", "1 Main St, Springfield", "depart_at", "2027-08-20T21:00:00-04:00"),
                Map.of("sequence", 2, "address", "Symphony Hall, Boston", "arrive_at", "2027-08-20T22:00:00-04:00")));
        String late = cw.createCharter(evening);
        cw.as("manager").queryParam("client_id", client).queryParam("from", "2027-08-20").queryParam("to", "2027-08-20").get("/charters").then()
                .body("items.id", equalTo(List.of(late)));
        cw.as("manager").queryParam("client_id", client).queryParam("from", "2027-08-21").queryParam("to", "2027-08-21").get("/charters").then()
                .body("total", equalTo(0));
        cw.as("manager").queryParam("client_id", client).queryParam("from", "2027-08-21T00:00:00Z").queryParam("to", "2027-08-21T23:59:59Z")
                .get("/charters").then().body("items.id", equalTo(List.of(late)));
        cw.as("manager").queryParam("q", "zanzib").get("/charters").then().body("total", equalTo(1)).body("items[0].id", equalTo(zanzibar));
        String reference = cw.getCharter(zanzibar).path("reference");
        cw.as("manager").queryParam("q", reference.toLowerCase()).get("/charters").then().body("total", equalTo(1));
        cw.as("manager").queryParam("q", "science museum").queryParam("client_id", client).get("/charters").then().body("total", equalTo(4));
        cw.as("manager").queryParam("q", "100%_\\").get("/charters").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bad_list_parameters_are_400() {
        for (var bad : List.of(Map.of("status", "flying"), Map.of("client_id", "x"), Map.of("from", "yesterday"),
                Map.of("from", "2027-08-03", "to", "2027-08-01"), Map.of("to", "+999999999-12-31"), Map.of("limit", "0"), Map.of("limit", "201"),
                Map.of("offset", "-1"), Map.of("sort", "price"))) {
            cw.rawAs("manager").queryParams(bad).get("/charters").then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void a_patch_names_the_version_it_read_and_a_stale_one_is_409() {
        String id = cw.createCharter(clientId, "2027-06-01");
        var change = new HashMap<String, Object>(Map.of("version", 1, "passenger_count", 50, "notes", "Now 50",
                "stops", List.of(Map.of("sequence", 1, "address", "Depot"), Map.of("sequence", 2, "address", "Stadium"),
                        Map.of("sequence", 3, "address", "Depot"))));
        cw.as("sales_agent").contentType("application/json").body(change).patch("/charters/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("passenger_count", equalTo(50)).body("notes", equalTo("Now 50"))
                .body("stops.address", equalTo(List.of("Depot", "Stadium", "Depot")))
                .body("miles", equalTo(120));
        change.put("notes", "Stale");
        cw.rawAs("sales_agent").contentType("application/json").body(change).patch("/charters/" + id).then().statusCode(409)
                .body("detail", containsString("version 2"));
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("notes", "No version")).patch("/charters/" + id)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        cw.as("sales_agent").contentType("application/json").body(Map.of("version", 2, "notes", (Object) "x", "miles", 80))
                .patch("/charters/" + id).then().statusCode(200).body("version", equalTo(3)).body("miles", equalTo(80));
        var clear = new HashMap<String, Object>();
        clear.put("version", 3);
        clear.put("notes", null);
        cw.as("sales_agent").contentType("application/json").body(clear).patch("/charters/" + id).then().statusCode(200)
                .body("notes", nullValue()).body("version", equalTo(4));
        cw.getCharter(id).then().body("passenger_count", equalTo(50));
    }

    @Test
    void a_patch_is_validated_as_a_whole_and_bad_ones_change_nothing() {
        String id = cw.createCharter(clientId, "2027-06-02");
        var cases = new LinkedHashMap<Map<String, Object>, String>();
        cases.put(Map.of("version", 1, "passenger_count", 57), "passenger_count");
        cases.put(Map.of("version", 1, "pickup_at", "2027-06-02T19:00:00-04:00"), "return_at");
        cases.put(Map.of("version", 1, "stops", List.of(Map.of("sequence", 2, "address", "A"), Map.of("sequence", 1, "address", "B"))), "stops[0].sequence");
        cases.put(Map.of("version", 1, "vehicles", List.of(Map.of("vehicle_type", "sprinter_14", "quantity", 1))), "passenger_count");
        cases.put(Map.of("version", 1, "vehicles", List.of(Map.of("vehicle_type", "blimp", "quantity", 1))), "vehicles[0].vehicle_type");
        cases.put(Map.of("version", 1, "client_id", clientId), "client_id");
        cases.put(Map.of("version", 1, "trip_type", "rocket"), "trip_type");
        cases.put(Map.of("version", 1, "contact_id", UUID.randomUUID().toString()), "contact_id");
        for (var c : cases.entrySet()) {
            cw.rawAs("sales_agent").contentType("application/json").body(c.getKey()).patch("/charters/" + id).then()
                    .statusCode(400).body("errors.field", hasItem(c.getValue()));
        }
        cw.rawAs("sales_agent").contentType("application/json").body("{\"version\":1,").patch("/charters/" + id).then().statusCode(400);
        cw.getCharter(id).then().body("version", equalTo(1)).body("passenger_count", equalTo(40));
        cw.as("sales_agent").contentType("application/json")
                .body(Map.of("version", 1, "passenger_count", 60, "vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 2))))
                .patch("/charters/" + id).then().statusCode(200).body("vehicles.size()", equalTo(2));
    }

    @Test
    void a_completed_or_cancelled_charter_cannot_be_changed() {
        String id = cw.createCharter(clientId, "2027-06-03");
        cw.setStatus(id, "cancelled").then().statusCode(200);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("version", cw.version(id), "notes", "late change"))
                .patch("/charters/" + id).then().statusCode(409).body("detail", containsString("cancelled"));

        String done = cw.createCharter(clientId, "2027-06-05");
        cw.accept(cw.sentQuote(done)).then().statusCode(200);
        for (String next : List.of("confirmed", "in_progress", "completed")) cw.setStatus(done, next).then().statusCode(200);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("version", cw.version(done), "notes", "late change"))
                .patch("/charters/" + done).then().statusCode(409).body("detail", containsString("completed"));
        cw.getCharter(done).then().body("notes", equalTo("Field trip"));
    }

    @Test
    void illegal_transitions_are_409_naming_the_current_state() {
        String id = cw.createCharter(clientId, "2027-06-04");
        cw.setStatus(id, "confirmed").then().statusCode(409).body("detail", containsString("is inquiry"));
        cw.setStatus(id, "completed").then().statusCode(409).body("detail", containsString("is inquiry"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("status", "quoted")).post("/charters/" + id + "/status")
                .then().statusCode(409).body("detail", containsString("is inquiry")).body("detail", containsString("sending a quote"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("status", "booked")).post("/charters/" + id + "/status")
                .then().statusCode(409).body("detail", containsString("accepting"));
        cw.getCharter(id).then().body("status", equalTo("inquiry")).body("version", equalTo(1));
    }

    @Test
    void a_booked_charter_runs_to_completion_and_then_nothing_more_happens() {
        String id = cw.bookedCharter(clientId, "2027-06-05");
        cw.setStatus(id, "completed").then().statusCode(409).body("detail", containsString("is booked"));
        cw.setStatus(id, "confirmed").then().statusCode(200).body("status", equalTo("confirmed"));
        cw.setStatus(id, "in_progress").then().statusCode(200).body("status", equalTo("in_progress"));
        cw.setStatus(id, "cancelled").then().statusCode(409).body("detail", containsString("is in_progress"));
        cw.setStatus(id, "completed").then().statusCode(200).body("status", equalTo("completed"));
        cw.setStatus(id, "cancelled").then().statusCode(409).body("detail", containsString("is completed"));
        cw.setStatus(id, "completed").then().statusCode(409).body("detail", containsString("already completed"));
    }

    @Test
    void the_history_records_every_transition_with_actor_time_and_reason() {
        String id = cw.bookedCharter(clientId, "2027-06-06");
        cw.as("manager").contentType("application/json").body(Map.of("status", "cancelled", "reason", "School closed for snow"))
                .post("/charters/" + id + "/status").then().statusCode(200);
        Response h = cw.as("accountant").get("/charters/" + id + "/history");
        h.then().statusCode(200).body("total", equalTo(4))
                .body("items.from_status", equalTo(java.util.Arrays.asList(null, "inquiry", "quoted", "booked")))
                .body("items.to_status", equalTo(List.of("inquiry", "quoted", "booked", "cancelled")))
                .body("items[3].reason", equalTo("School closed for snow"))
                .body("items[1].reason", containsString("sent"))
                .body("items[3].actor_email", containsString("@example.com"))
                .body("items.at", everyItem(matchesPattern("^\\d{4}-.*")));
        List<String> times = h.path("items.at");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(java.time.OffsetDateTime.parse(times.get(i)).compareTo(java.time.OffsetDateTime.parse(times.get(i - 1))) >= 0);
        }
        cw.as("accountant").queryParam("limit", 1).queryParam("offset", 3).get("/charters/" + id + "/history").then()
                .body("items.size()", equalTo(1)).body("items[0].to_status", equalTo("cancelled"));
        cw.rawAs("accountant").queryParam("limit", "all").get("/charters/" + id + "/history").then().statusCode(400);
    }

    @Test
    void status_bodies_are_checked_and_a_stale_version_is_409() {
        String id = cw.createCharter(clientId, "2027-06-07");
        long history = cw.count("charter.charter_status_history");
        for (Object bad : List.of("{", "{}", Map.of("status", "flying"), Map.of("status", "cancelled", "why", "x"),
                Map.of("status", "cancelled", "version", "one"), Map.of("status", 5))) {
            cw.rawAs("dispatcher").contentType("application/json").body(bad).post("/charters/" + id + "/status").then().statusCode(400);
        }
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("status", "cancelled", "version", 7))
                .post("/charters/" + id + "/status").then().statusCode(409).body("detail", containsString("version 1"));
        assertEquals(history, cw.count("charter.charter_status_history"));
        cw.as("dispatcher").contentType("application/json").body(Map.of("status", "cancelled", "version", 1))
                .post("/charters/" + id + "/status").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void a_client_user_sees_only_its_own_charters() {
        String mine = cw.createClient();
        String theirs = cw.createClient();
        String myCharter = cw.createCharter(mine, "2027-07-01");
        String theirCharter = cw.createCharter(theirs, "2027-07-01");

        cw.asClientUser(mine).get("/charters/" + myCharter).then().statusCode(200).body("client_id", equalTo(mine));
        cw.asClientUser(mine).get("/charters/" + theirCharter).then().statusCode(404);
        cw.asClientUser(mine).get("/charters/" + theirCharter + "/history").then().statusCode(404);
        cw.asClientUser(mine).get("/charters/" + myCharter + "/history").then().statusCode(200);
        cw.asClientUser(mine).get("/charters").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(myCharter));
        cw.asClientUser(mine).queryParam("client_id", theirs).get("/charters").then().statusCode(200)
                .body("total", equalTo(1)).body("items.client_id", everyItem(equalTo(mine)));
        cw.rawAsClientUser(mine).contentType("application/json").body(charterBody(mine, "2027-07-02")).post("/charters").then().statusCode(403);
        cw.rawAsClientUser(mine).contentType("application/json").body(Map.of("status", "cancelled")).post("/charters/" + myCharter + "/status")
                .then().statusCode(403);
    }

    @Test
    void roles_are_checked_on_every_write() {
        String id = cw.createCharter(clientId, "2027-07-03");
        cw.rawAs("accountant").contentType("application/json").body(body()).post("/charters").then().statusCode(403);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "notes", "x")).patch("/charters/" + id).then().statusCode(403);
        cw.rawAs("accountant").contentType("application/json").body(Map.of("status", "cancelled")).post("/charters/" + id + "/status").then().statusCode(403);
        cw.platform.raw(CharterPlatform.CHARTERS).get("/charters").then().statusCode(401);
        cw.platform.raw(CharterPlatform.CHARTERS).auth().oauth2("not.a.token").get("/charters/" + id).then().statusCode(401);
        cw.as("accountant").get("/charters/" + id).then().statusCode(200);
    }

    @Test
    void unknown_and_malformed_ids_are_404() {
        String unknown = UUID.randomUUID().toString();
        cw.as("manager").get("/charters/" + unknown).then().statusCode(404);
        cw.rawAs("manager").get("/charters/not-a-uuid").then().statusCode(404);
        cw.as("manager").get("/charters/" + unknown + "/history").then().statusCode(404);
        cw.rawAs("manager").contentType("application/json").body(Map.of("version", 1, "notes", "x")).patch("/charters/" + unknown).then().statusCode(404);
        cw.rawAs("manager").contentType("application/json").body(Map.of("status", "cancelled")).post("/charters/" + unknown + "/status").then().statusCode(404);
        cw.rawAs("manager").contentType("application/json").body(Map.of("status", "cancelled")).post("/charters/1-1-1-1-1/status").then().statusCode(404);
    }

    @Test
    void client_service_refuses_to_delete_a_client_with_charters_and_deletes_one_without() {
        String busy = cw.createClient();
        cw.createCharter(busy, "2027-09-01");
        String idle = cw.createClient();
        var clients = cw.platform.api(CharterPlatform.CLIENTS).auth().oauth2(cw.platform.adminToken());
        clients.delete("/clients/" + busy).then().statusCode(409).body("detail", containsString("charters"));
        cw.getClient(busy).then().statusCode(200);
        cw.platform.api(CharterPlatform.CLIENTS).auth().oauth2(cw.platform.adminToken()).delete("/clients/" + idle).then().statusCode(204);
        cw.getClient(idle).then().statusCode(404);
    }
}
