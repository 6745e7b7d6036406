package com.coachway.charter;

import com.coachway.testkit.Together;
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
import java.util.concurrent.Callable;

import static com.coachway.charter.CharterPlatform.charterBody;
import static com.coachway.charter.CharterPlatform.vehicleBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vehicles, their assignment to charters without double booking, and vendor payments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {
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

    // ---- vehicles ----

    @Test
    void a_dispatcher_adds_a_vehicle_whose_plate_and_vin_are_stored_upper_case() {
        var body = vehicleBody("coach_56", 56);
        body.put("plate", "ny  77" + UUID.randomUUID().toString().substring(0, 4));
        body.put("vin", ((String) body.get("vin")).toLowerCase());
        body.put("vendor_id", UUID.randomUUID().toString());
        Response r = cw.as("dispatcher").contentType("application/json").body(body).post("/vehicles");
        r.then().statusCode(201).body("status", equalTo("active")).body("version", equalTo(1))
                .body("plate", equalTo(((String) body.get("plate")).toUpperCase().replaceAll("\\s+", " ")))
                .body("vin", equalTo(((String) body.get("vin")).toUpperCase()))
                .body("amenities", equalTo(List.of("wifi", "restroom")));
        assertEquals("/vehicles/" + r.path("id"), r.header("Location"));
        cw.as("accountant").get("/vehicles/" + r.path("id")).then().statusCode(200).body("make", equalTo("MCI"));
    }

    @Test
    void plates_in_any_case_and_vins_are_unique() {
        var body = vehicleBody("minibus_28", 28);
        cw.as("dispatcher").contentType("application/json").body(body).post("/vehicles").then().statusCode(201);
        long before = cw.count("charter.vehicles");
        var samePlate = vehicleBody("minibus_28", 28);
        samePlate.put("plate", ((String) body.get("plate")).toLowerCase());
        cw.as("dispatcher").contentType("application/json").body(samePlate).post("/vehicles").then().statusCode(409).body("detail", containsString("plate"));
        var sameVin = vehicleBody("minibus_28", 28);
        sameVin.put("vin", body.get("vin"));
        cw.as("dispatcher").contentType("application/json").body(sameVin).post("/vehicles").then().statusCode(409).body("detail", containsString("VIN"));
        assertEquals(before, cw.count("charter.vehicles"));
    }

    @Test
    void invalid_vehicle_bodies_are_400_and_write_nothing() {
        long before = cw.count("charter.vehicles");
        var cases = new LinkedHashMap<Object, String>();
        cases.put("{", null);
        cases.put("{}", "vehicle_type");
        cases.put(with("vehicle_type", "spaceship_9"), "vehicle_type");
        cases.put(with("vehicle_type", "Coach 56"), "vehicle_type");
        cases.put(with("capacity", 0), "capacity");
        cases.put(with("capacity", "lots"), "capacity");
        cases.put(with("year", 1949), "year");
        cases.put(with("year", 2999), "year");
        cases.put(with("vin", "1M8GDM9AXKP04278"), "vin");
        cases.put(with("vin", "1M8GDM9AXKP04278O"), "vin");
        cases.put(with("plate", "_bad_"), "plate");
        cases.put(with("make", ""), "make");
        cases.put(with("status", "scrapped"), "status");
        cases.put(with("vendor_id", "acme"), "vendor_id");
        cases.put(with("amenities", List.of("Wi-Fi")), "amenities[0]");
        cases.put(with("colour", "blue"), "colour");
        for (var c : cases.entrySet()) {
            var then = cw.rawAs("dispatcher").contentType("application/json").body(c.getKey()).post("/vehicles").then()
                    .statusCode(400).contentType("application/problem+json");
            if (c.getValue() != null) then.body("errors.field", hasItem(c.getValue()));
        }
        cw.rawAs("sales_agent").contentType("application/json").body(vehicleBody("coach_56", 56)).post("/vehicles").then().statusCode(403);
        assertEquals(before, cw.count("charter.vehicles"));
    }

    private Map<String, Object> with(String field, Object value) {
        var b = vehicleBody("coach_56", 56);
        b.put(field, value);
        return b;
    }

    @Test
    void a_vehicle_patch_names_its_version() {
        String id = cw.createVehicle("school_bus_48", 48);
        cw.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "status", "maintenance", "capacity", 47))
                .patch("/vehicles/" + id).then().statusCode(200).body("status", equalTo("maintenance")).body("capacity", equalTo(47))
                .body("version", equalTo(2));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 1, "status", "active"))
                .patch("/vehicles/" + id).then().statusCode(409).body("detail", containsString("version 2"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("status", "active")).patch("/vehicles/" + id)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 2, "vin", "short")).patch("/vehicles/" + id)
                .then().statusCode(400).body("errors.field", hasItem("vin"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 2, "status", "active"))
                .patch("/vehicles/" + UUID.randomUUID()).then().statusCode(404);
        cw.as("dispatcher").get("/vehicles/" + id).then().body("version", equalTo(2)).body("status", equalTo("maintenance"));
    }

    @Test
    void the_vehicle_list_filters_and_shows_who_is_free_in_a_window() {
        String type = "executive_coach_35";
        String busy = cw.createVehicle(type, 35);
        String free = cw.createVehicle(type, 35);
        String charterId = cw.createCharter(withVehicle(type, "2027-10-01"));
        cw.assign(charterId, cw.firstLine(charterId), busy).then().statusCode(200);

        cw.as("dispatcher").queryParam("vehicle_type", type).get("/vehicles").then().statusCode(200)
                .body("total", equalTo(2)).body("items.vehicle_type", everyItem(equalTo(type)));
        cw.as("dispatcher").queryParam("vehicle_type", type).queryParam("available_from", "2027-10-01T12:00:00Z")
                .queryParam("available_to", "2027-10-01T13:00:00Z").get("/vehicles").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(free));
        cw.as("dispatcher").queryParam("vehicle_type", type).queryParam("available_from", "2027-10-02T12:00:00Z")
                .queryParam("available_to", "2027-10-02T13:00:00Z").get("/vehicles").then().body("total", equalTo(2));
        String plate = cw.as("dispatcher").get("/vehicles/" + busy).path("plate");
        cw.as("dispatcher").queryParam("q", plate.toLowerCase()).get("/vehicles").then().body("total", equalTo(1));
        for (var bad : List.of(Map.of("status", "gone"), Map.of("vendor_id", "x"), Map.of("available_from", "2027-10-01T12:00:00Z"),
                Map.of("available_from", "2027-10-01T12:00:00Z", "available_to", "2027-10-01T11:00:00Z"), Map.of("limit", "999"))) {
            cw.rawAs("dispatcher").queryParams(bad).get("/vehicles").then().statusCode(400);
        }
    }

    @Test
    void a_vehicle_that_holds_a_charter_line_cannot_be_deleted_but_a_free_one_can() {
        String held = cw.createVehicle("coach_56", 56);
        String charterId = cw.createCharter(clientId, "2027-10-05");
        cw.assign(charterId, cw.firstLine(charterId), held).then().statusCode(200);
        cw.as("dispatcher").delete("/vehicles/" + held).then().statusCode(409).body("detail", containsString("retired"));
        String free = cw.createVehicle("coach_56", 56);
        cw.as("dispatcher").delete("/vehicles/" + free).then().statusCode(204);
        cw.as("dispatcher").get("/vehicles/" + free).then().statusCode(404);
        cw.as("dispatcher").delete("/vehicles/" + UUID.randomUUID()).then().statusCode(404);
        cw.rawAs("dispatcher").get("/vehicles/not-a-uuid").then().statusCode(404);
        cw.rawAs("sales_agent").delete("/vehicles/" + held).then().statusCode(403);
    }

    @Test
    void a_vehicle_promised_to_an_upcoming_charter_cannot_be_taken_out_of_service_until_it_is_reassigned() {
        String coach = cw.createVehicle("coach_56", 56);
        // "upcoming" is against the real clock (held_to > now): a day decades ahead stays upcoming, as
        // 2027-10-06 would not have from that day on
        String charterId = cw.createCharter(clientId, "2097-10-06");
        cw.assign(charterId, cw.firstLine(charterId), coach).then().statusCode(200);
        String reference = cw.getCharter(charterId).path("reference");

        for (String status : List.of("maintenance", "retired")) {
            cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 1, "status", status))
                    .patch("/vehicles/" + coach).then().statusCode(409).body("detail", containsString(reference));
        }
        cw.as("dispatcher").get("/vehicles/" + coach).then().body("status", equalTo("active")).body("version", equalTo(1));
        // Other changes to it are fine, and so is standing it down once its charter has run.
        cw.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "model", "J4500 Charge"))
                .patch("/vehicles/" + coach).then().statusCode(200);
        cw.accept(cw.sentQuote(charterId)).then().statusCode(200);
        for (String next : List.of("confirmed", "in_progress", "completed")) cw.setStatus(charterId, next).then().statusCode(200);
        cw.as("dispatcher").contentType("application/json").body(Map.of("version", 2, "status", "retired"))
                .patch("/vehicles/" + coach).then().statusCode(200).body("status", equalTo("retired"));
    }

    @Test
    void moving_a_charter_holds_its_vehicles_again_so_one_out_of_service_must_be_unassigned_first() {
        String coach = cw.createVehicle("coach_56", 56);
        String charterId = cw.createCharter(clientId, "2027-10-07");
        cw.assign(charterId, cw.firstLine(charterId), coach).then().statusCode(200);
        // How a vehicle comes to be out of service while assigned: its charter's window had passed.
        cw.execute("update charter.vehicles set status = 'maintenance' where id = '" + coach + "'");

        int version = cw.version(charterId);
        var earlier = Map.<String, Object>of("version", version, "pickup_at", "2027-10-07T07:00:00-04:00");
        cw.rawAs("sales_agent").contentType("application/json").body(earlier).patch("/charters/" + charterId)
                .then().statusCode(409).body("detail", containsString("is maintenance"));
        cw.getCharter(charterId).then().body("version", equalTo(version));
        cw.as("sales_agent").contentType("application/json").body(Map.of("version", cw.version(charterId), "notes", "Same times"))
                .patch("/charters/" + charterId).then().statusCode(200);

        cw.assign(charterId, cw.firstLine(charterId), null).then().statusCode(200);
        cw.as("sales_agent").contentType("application/json").body(Map.of("version", cw.version(charterId), "pickup_at", "2027-10-07T07:00:00-04:00"))
                .patch("/charters/" + charterId).then().statusCode(200);
    }

    // ---- assignment ----

    private Map<String, Object> withVehicle(String type, String day) {
        var body = charterBody(clientId, day);
        body.put("passenger_count", 20);
        body.put("vehicles", List.of(Map.of("vehicle_type", type, "quantity", 1)));
        return body;
    }

    @Test
    void a_fitting_active_vehicle_is_assigned_to_a_line_and_can_be_unassigned() {
        String charterId = cw.createCharter(clientId, "2027-10-10");
        String line = cw.firstLine(charterId);
        String vehicle = cw.createVehicle("coach_56", 56);
        cw.assign(charterId, line, vehicle).then().statusCode(200).body("vehicles[0].vehicle_id", equalTo(vehicle)).body("version", equalTo(2));
        cw.assign(charterId, line, vehicle).then().statusCode(200).body("version", equalTo(2));
        cw.assign(charterId, line, null).then().statusCode(200).body("vehicles[0].vehicle_id", nullValue());
        cw.assign(charterId, line, vehicle).then().statusCode(200).body("vehicles[0].vehicle_id", equalTo(vehicle));
    }

    @Test
    void a_vehicle_that_is_inactive_of_another_type_or_too_small_is_409() {
        String charterId = cw.createCharter(clientId, "2027-10-11");
        String line = cw.firstLine(charterId);
        String minibus = cw.createVehicle("minibus_28", 28);
        cw.assign(charterId, line, minibus).then().statusCode(409).body("detail", containsString("needs a coach_56"));
        String small = cw.createVehicle("coach_56", 54);
        cw.assign(charterId, line, small).then().statusCode(409).body("detail", containsString("seats 54"));
        var inShop = vehicleBody("coach_56", 56);
        inShop.put("status", "maintenance");
        String shop = cw.as("dispatcher").contentType("application/json").body(inShop).post("/vehicles").then().statusCode(201).extract().path("id");
        cw.assign(charterId, line, shop).then().statusCode(409).body("detail", containsString("is maintenance"));
        cw.getCharter(charterId).then().body("vehicles[0].vehicle_id", nullValue()).body("version", equalTo(1));
    }

    @Test
    void a_vehicle_on_an_overlapping_charter_is_409_and_one_on_another_day_is_fine() {
        String vehicle = cw.createVehicle("coach_56", 56);
        String first = cw.createCharter(clientId, "2027-10-12");
        cw.assign(first, cw.firstLine(first), vehicle).then().statusCode(200);

        var overlapping = charterBody(clientId, "2027-10-12");
        overlapping.put("pickup_at", "2027-10-12T17:00:00-04:00");
        overlapping.put("return_at", "2027-10-12T22:00:00-04:00");
        overlapping.put("stops", List.of(Map.of("sequence", 1, "address", "A"), Map.of("sequence", 2, "address", "B")));
        String second = cw.createCharter(overlapping);
        cw.assign(second, cw.firstLine(second), vehicle).then().statusCode(409).body("detail", containsString("overlaps"));

        var backToBack = charterBody(clientId, "2027-10-12");
        backToBack.put("pickup_at", "2027-10-12T18:00:00-04:00");
        backToBack.put("return_at", "2027-10-12T22:00:00-04:00");
        backToBack.put("stops", List.of(Map.of("sequence", 1, "address", "A"), Map.of("sequence", 2, "address", "B")));
        String third = cw.createCharter(backToBack);
        cw.assign(third, cw.firstLine(third), vehicle).then().statusCode(200);

        // Moving the first charter's return later would make the vehicle overlap the third: refused, nothing changes.
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("version", cw.version(first), "return_at", "2027-10-12T19:00:00-04:00"))
                .patch("/charters/" + first).then().statusCode(409).body("detail", containsString("unassign"));
        cw.getCharter(first).then().body("return_at", equalTo("2027-10-12T22:00:00Z"));

        // One vehicle cannot fill two lines of the same charter either.
        var two = charterBody(clientId, "2027-10-20");
        two.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 2)));
        String pair = cw.createCharter(two);
        List<String> lines = cw.getCharter(pair).path("vehicles.id");
        cw.assign(pair, lines.get(0), vehicle).then().statusCode(200);
        cw.assign(pair, lines.get(1), vehicle).then().statusCode(409);
    }

    @Test
    void cancelling_a_charter_releases_its_vehicles() {
        String vehicle = cw.createVehicle("coach_56", 56);
        String first = cw.createCharter(clientId, "2027-10-13");
        cw.assign(first, cw.firstLine(first), vehicle).then().statusCode(200);
        cw.setStatus(first, "cancelled").then().statusCode(200).body("vehicles[0].vehicle_id", nullValue());
        String second = cw.createCharter(clientId, "2027-10-13");
        cw.assign(second, cw.firstLine(second), vehicle).then().statusCode(200);
        cw.assign(first, cw.firstLine(first), vehicle).then().statusCode(409).body("detail", containsString("cancelled"));
    }

    @Test
    void two_concurrent_assignments_of_one_vehicle_to_overlapping_charters_exactly_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String vehicle = cw.createVehicle("coach_56", 56);
            String a = cw.createCharter(clientId, "2027-11-0" + (round + 1));
            String b = cw.createCharter(clientId, "2027-11-0" + (round + 1));
            String lineA = cw.firstLine(a);
            String lineB = cw.firstLine(b);
            String token = cw.platform.token("dispatcher");
            Callable<Response> assignA = () -> cw.platform.raw(CharterPlatform.CHARTERS).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("vehicle_id", vehicle)).put("/charters/" + a + "/vehicles/" + lineA);
            Callable<Response> assignB = () -> cw.platform.raw(CharterPlatform.CHARTERS).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("vehicle_id", vehicle)).put("/charters/" + b + "/vehicles/" + lineB);
            List<Integer> codes = Together.statusCodes(List.of(assignA, assignB));
            assertEquals(List.of(200, 409), codes.stream().sorted().toList(), "round " + round);
            assertEquals(1, cw.rows("select 1 from charter.charter_vehicle_lines where vehicle_id = ?::uuid", vehicle).size());
        }
    }

    @Test
    void bad_assignments_are_400_or_404_and_change_nothing() {
        String charterId = cw.createCharter(clientId, "2027-10-14");
        String line = cw.firstLine(charterId);
        for (Object bad : List.of("{", "{}", Map.of("vehicle_id", "truck-7"), Map.of("vehicle_id", UUID.randomUUID().toString(), "driver", "x"))) {
            cw.rawAs("dispatcher").contentType("application/json").body(bad).put("/charters/" + charterId + "/vehicles/" + line).then().statusCode(400);
        }
        cw.assign(charterId, line, UUID.randomUUID().toString()).then().statusCode(400).body("errors.field", hasItem("vehicle_id"));
        String vehicle = cw.createVehicle("coach_56", 56);
        cw.assign(charterId, UUID.randomUUID().toString(), vehicle).then().statusCode(404);
        cw.assign(UUID.randomUUID().toString(), line, vehicle).then().statusCode(404);
        String otherCharter = cw.createCharter(clientId, "2027-10-15");
        cw.assign(otherCharter, line, vehicle).then().statusCode(404);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("vehicle_id", vehicle))
                .put("/charters/" + charterId + "/vehicles/" + line).then().statusCode(403);
        cw.getCharter(charterId).then().body("vehicles[0].vehicle_id", nullValue()).body("version", equalTo(1));
    }

    @Test
    void an_assigned_vehicle_keeps_its_type_and_enough_seats() {
        String vehicle = cw.createVehicle("coach_56", 56);
        String charterId = cw.createCharter(clientId, "2027-10-16");
        cw.assign(charterId, cw.firstLine(charterId), vehicle).then().statusCode(200);
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 1, "capacity", 50)).patch("/vehicles/" + vehicle)
                .then().statusCode(409);
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 1, "vehicle_type", "minibus_28")).patch("/vehicles/" + vehicle)
                .then().statusCode(409);
        cw.rawAs("sales_agent").contentType("application/json").body(Map.of("version", cw.version(charterId), "vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 2))))
                .patch("/charters/" + charterId).then().statusCode(409).body("detail", containsString("unassign"));
        cw.as("dispatcher").contentType("application/json").body(Map.of("version", 1, "model", "J4500 Charge")).patch("/vehicles/" + vehicle)
                .then().statusCode(200);
    }

    // ---- vendor payments ----

    private Response recordPayment(String charterId, Map<String, Object> body) {
        return cw.as("dispatcher").contentType("application/json").body(body).post("/charters/" + charterId + "/vendor-payments");
    }

    private static Map<String, Object> payment(String amount) {
        return new HashMap<>(Map.of("vendor_id", UUID.randomUUID().toString(), "amount", new java.math.BigDecimal(amount),
                "due_date", "2027-06-30", "notes", "Affiliate coach from Hudson Lines"));
    }

    @Test
    void vendor_payments_are_recorded_on_booked_charters_and_released_by_an_accountant_step_by_step() {
        String charterId = cw.bookedCharter(clientId, "2027-06-20");
        Response created = recordPayment(charterId, payment("1250.50"));
        created.then().statusCode(201).body("status", equalTo("pending")).body("amount", equalTo(1250.5f)).body("version", equalTo(1))
                .body("due_date", equalTo("2027-06-30")).body("approved_at", nullValue());
        String id = created.path("id");
        assertEquals("/vendor-payments/" + id, created.header("Location"));
        recordPayment(charterId, payment("99.99")).then().statusCode(201);
        cw.as("accountant").get("/charters/" + charterId + "/vendor-payments").then().statusCode(200).body("total", equalTo(2))
                .body("items.amount", equalTo(List.of(1250.5f, 99.99f)));
        cw.rawAs("accountant").queryParam("offset", -1).get("/charters/" + charterId + "/vendor-payments").then().statusCode(400);
        for (Object bad : List.of("{", Map.of("status", "approved"), Map.of("version", 1, "status", "pending"),
                Map.of("version", 1, "status", "approved", "approved_by", "me"), Map.of("version", "1", "status", "approved"))) {
            cw.rawAs("accountant").contentType("application/json").body(bad).patch("/vendor-payments/" + id).then().statusCode(400);
        }
        cw.as("accountant").get("/charters/" + charterId + "/vendor-payments").then().body("items[0].status", equalTo("pending"))
                .body("items[0].version", equalTo(1));

        var patch = cw.as("accountant").contentType("application/json");
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "paid")).patch("/vendor-payments/" + id)
                .then().statusCode(409).body("detail", containsString("is pending"));
        patch.body(Map.of("version", 1, "status", "approved")).patch("/vendor-payments/" + id).then().statusCode(200)
                .body("status", equalTo("approved")).body("approved_at", notNullValue()).body("approved_by", notNullValue()).body("version", equalTo(2));
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "paid")).patch("/vendor-payments/" + id)
                .then().statusCode(409).body("detail", containsString("version 2"));
        cw.as("accountant").contentType("application/json").body(Map.of("version", 2, "status", "paid")).patch("/vendor-payments/" + id)
                .then().statusCode(200).body("status", equalTo("paid")).body("paid_at", notNullValue());
        cw.as("accountant").contentType("application/json").body(Map.of("version", 3, "status", "approved")).patch("/vendor-payments/" + id)
                .then().statusCode(409).body("detail", containsString("is paid"));
        cw.rawAs("dispatcher").contentType("application/json").body(Map.of("version", 3, "status", "paid")).patch("/vendor-payments/" + id)
                .then().statusCode(403);
    }

    @Test
    void a_vendor_payment_retried_with_its_idempotency_key_is_recorded_once_even_when_the_retries_race() throws Exception {
        String charterId = cw.bookedCharter(clientId, "2027-06-22");
        var body = payment("980.00");
        String key = "vp-" + UUID.randomUUID();
        Callable<Response> post = () -> cw.as("dispatcher").header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/charters/" + charterId + "/vendor-payments");

        assertEquals(List.of(201, 201, 201, 201), Together.statusCodes(List.of(post, post, post, post)));
        String id = post.call().then().statusCode(201).extract().path("id");
        assertEquals(1, cw.rows("select id from charter.vendor_payments where charter_id = ?::uuid", charterId).size());
        assertEquals(id, cw.rows("select id::text as id from charter.vendor_payments where charter_id = ?::uuid", charterId).get(0).get("id"));

        // The same amount written differently is the same request; a different one under the key is refused.
        var same = new HashMap<>(body);
        same.put("amount", new java.math.BigDecimal("980"));
        cw.as("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(same)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(201).body("id", equalTo(id));
        var other = new HashMap<>(body);
        other.put("amount", new java.math.BigDecimal("981.00"));
        cw.rawAs("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(other)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        cw.rawAs("dispatcher").header("Idempotency-Key", " ").contentType("application/json").body(body)
                .post("/charters/" + charterId + "/vendor-payments").then().statusCode(400);
        assertEquals(1, cw.rows("select id from charter.vendor_payments where charter_id = ?::uuid", charterId).size());

        // Without a key every request is a new payment; another charter may reuse the key.
        recordPayment(charterId, body).then().statusCode(201);
        String otherCharter = cw.bookedCharter(clientId, "2027-06-23");
        cw.as("dispatcher").header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/charters/" + otherCharter + "/vendor-payments").then().statusCode(201).body("id", not(equalTo(id)));
        assertEquals(2, cw.rows("select id from charter.vendor_payments where charter_id = ?::uuid", charterId).size());
    }

    @Test
    void vendor_payments_wait_for_the_booking_and_bad_ones_write_nothing() {
        String inquiry = cw.createCharter(clientId, "2027-06-21");
        long before = cw.count("charter.vendor_payments");
        recordPayment(inquiry, payment("100.00")).then().statusCode(409).body("detail", containsString("is inquiry"));
        String booked = cw.bookedCharter(clientId, "2027-06-22");
        for (Object bad : List.of("{", "{}", with(payment("0"), "amount", 0), with(payment("1"), "amount", 10.005),
                with(payment("1"), "amount", "ten"), with(payment("1"), "due_date", "30/06/2027"), with(payment("1"), "vendor_id", "acme"),
                with(payment("1"), "iban", "DE00"), with(payment("1"), "notes", "x".repeat(2001)))) {
            cw.rawAs("dispatcher").contentType("application/json").body(bad).post("/charters/" + booked + "/vendor-payments").then().statusCode(400);
        }
        cw.rawAs("dispatcher").contentType("application/json").body(payment("5")).post("/charters/" + UUID.randomUUID() + "/vendor-payments").then().statusCode(404);
        cw.rawAs("sales_agent").contentType("application/json").body(payment("5")).post("/charters/" + booked + "/vendor-payments").then().statusCode(403);
        cw.rawAsClientUser(clientId).get("/charters/" + booked + "/vendor-payments").then().statusCode(403);
        assertEquals(before, cw.count("charter.vendor_payments"));
        for (Object bad : List.of("{", Map.of("status", "approved"), Map.of("version", 1, "status", "pending"), Map.of("version", 1, "status", "approved", "x", 1))) {
            cw.rawAs("accountant").contentType("application/json").body(bad).patch("/vendor-payments/" + UUID.randomUUID()).then().statusCode(400);
        }
        cw.rawAs("accountant").contentType("application/json").body(Map.of("version", 1, "status", "approved"))
                .patch("/vendor-payments/" + UUID.randomUUID()).then().statusCode(404);
    }

    // ---- awards ----

    private static Map<String, Object> award(String vendorId, String amount) {
        return new HashMap<>(Map.of("vendor_id", vendorId, "bid_id", UUID.randomUUID().toString(),
                "amount", new java.math.BigDecimal(amount), "due_date", "2027-08-01"));
    }

    @Test
    void an_award_gives_the_charter_its_vendor_and_a_vendor_payment_once_per_key_even_when_retries_race() throws Exception {
        String charterId = cw.bookedCharter(clientId, "2027-07-20");
        String vendor = UUID.randomUUID().toString();
        var body = award(vendor, "1840.25");
        String key = "award-" + UUID.randomUUID();
        Callable<Response> post = () -> cw.asService().header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/charters/" + charterId + "/award");
        assertEquals(List.of(201, 201, 201, 201), Together.statusCodes(List.of(post, post, post, post)));

        Response first = post.call();
        first.then().statusCode(201).body("vendor_id", equalTo(vendor)).body("amount", equalTo(1840.25f))
                .body("status", equalTo("pending")).body("due_date", equalTo("2027-08-01"))
                .body("notes", equalTo("Awarded bid " + body.get("bid_id")));
        assertEquals("/vendor-payments/" + first.path("id"), first.header("Location"));
        assertEquals(1, cw.rows("select id from charter.vendor_payments where charter_id = ?::uuid", charterId).size());
        cw.as("dispatcher").get("/charters/" + charterId).then().statusCode(200).body("vendor_id", equalTo(vendor));
        cw.asService().get("/charters/" + charterId).then().statusCode(200).body("vendor_id", equalTo(vendor));

        // the same key with another body, or a second award under a new key, is refused and writes nothing
        var other = new HashMap<>(body);
        other.put("amount", new java.math.BigDecimal("1900.00"));
        cw.rawAsService().header("Idempotency-Key", key).contentType("application/json").body(other)
                .post("/charters/" + charterId + "/award").then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        cw.rawAs("dispatcher").header("Idempotency-Key", "award-" + UUID.randomUUID()).contentType("application/json")
                .body(award(UUID.randomUUID().toString(), "10.00")).post("/charters/" + charterId + "/award")
                .then().statusCode(409).body("detail", containsString("already awarded to vendor " + vendor));
        assertEquals(1, cw.rows("select id from charter.vendor_payments where charter_id = ?::uuid", charterId).size());
        cw.as("dispatcher").get("/charters/" + charterId).then().body("vendor_id", equalTo(vendor));
    }

    @Test
    void awards_need_a_key_a_booked_charter_and_an_awarding_role_and_bad_ones_write_nothing() {
        String inquiry = cw.createCharter(clientId, "2027-07-21");
        String booked = cw.bookedCharter(clientId, "2027-07-22");
        long before = cw.count("charter.vendor_payments");
        String vendor = UUID.randomUUID().toString();
        cw.rawAsService().header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json").body(award(vendor, "100.00"))
                .post("/charters/" + inquiry + "/award").then().statusCode(409).body("detail", containsString("is inquiry"));
        cw.rawAsService().contentType("application/json").body(award(vendor, "100.00"))
                .post("/charters/" + booked + "/award").then().statusCode(400).body("detail", containsString("Idempotency-Key"));
        for (Object bad : List.of("{", "{}", with(award(vendor, "1"), "amount", 0), with(award(vendor, "1"), "amount", 1.005),
                with(award(vendor, "1"), "bid_id", "b-1"), with(award(vendor, "1"), "vendor_id", 7), with(award(vendor, "1"), "due_date", "soon"),
                with(award(vendor, "1"), "status", "paid"))) {
            cw.rawAsService().header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json").body(bad)
                    .post("/charters/" + booked + "/award").then().statusCode(400);
        }
        cw.rawAsService().header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json").body(award(vendor, "5.00"))
                .post("/charters/" + UUID.randomUUID() + "/award").then().statusCode(404);
        for (String role : List.of("sales_agent", "accountant")) {
            cw.rawAs(role).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json").body(award(vendor, "5.00"))
                    .post("/charters/" + booked + "/award").then().statusCode(403);
        }
        cw.rawAsClientUser(clientId).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body(award(vendor, "5.00")).post("/charters/" + booked + "/award").then().statusCode(403);
        assertEquals(before, cw.count("charter.vendor_payments"));
        cw.as("dispatcher").get("/charters/" + booked).then().body("vendor_id", nullValue());
    }

    @Test
    void a_service_moves_a_booked_charter_through_its_trip() {
        String booked = cw.bookedCharter(clientId, "2027-07-23");
        cw.rawAsService().contentType("application/json").body(Map.of("status", "in_progress"))
                .post("/charters/" + booked + "/status").then().statusCode(409).body("detail", containsString("booked"));
        for (String next : List.of("confirmed", "in_progress", "completed")) {
            cw.asService().contentType("application/json").body(Map.of("status", next))
                    .post("/charters/" + booked + "/status").then().statusCode(200).body("status", equalTo(next));
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }
}
