package com.coachway.pricing;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.coachway.pricing.PricingPlatform.money;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vehicle types, rate cards and amenities through the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTest {
    PricingPlatform p;

    @BeforeAll
    void start() {
        p = new PricingPlatform();
    }

    @AfterAll
    void stop() {
        p.close();
    }

    // ---- vehicle types ----

    @Test
    void the_five_seeded_vehicle_types_are_listed_by_capacity() {
        p.api(p.agent()).get("/vehicle-types").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.code", equalTo(List.of("sprinter_14", "minibus_28", "executive_coach_35", "school_bus_48", "coach_56")))
                .body("items.capacity", equalTo(List.of(14, 28, 35, 48, 56)))
                .body("items.active", everyItem(equalTo(true)));
    }

    @Test
    void any_signed_in_caller_may_list_vehicle_types_but_not_an_anonymous_one() {
        p.api(p.service()).get("/vehicle-types").then().statusCode(200).body("total", equalTo(5));
        String client = p.platform.portalToken("client", UUID.randomUUID());
        p.api(client).queryParam("active", true).queryParam("limit", 2).get("/vehicle-types").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("limit", equalTo(2));
        p.anonymous().get("/vehicle-types").then().statusCode(401);
        p.raw(p.agent()).queryParam("active", "perhaps").get("/vehicle-types").then().statusCode(400);
    }

    @Test
    void health_reports_the_database_and_the_time_zone() {
        p.platform.api(PricingPlatform.ROUTE).get("/health").then().statusCode(200)
                .body("status", equalTo("healthy")).body("service", equalTo("pricing-service"))
                .body("time_zone", equalTo("America/New_York"));
    }

    // ---- rate cards ----

    Map<String, Object> card(String type, String from, String to) {
        var body = new LinkedHashMap<String, Object>();
        body.put("vehicle_type", type);
        body.put("hourly_rate", money("140.00"));
        body.put("minimum_hours", money("4.5"));
        body.put("per_mile_rate", money("3.75"));
        body.put("daily_rate", money("1250.00"));
        body.put("included_miles_per_day", 250);
        body.put("driver_overnight_fee", money("160.00"));
        body.put("extra_driver_hourly_rate", money("48.00"));
        body.put("effective_from", from);
        body.put("effective_to", to);
        return body;
    }

    Response postCard(String token, Object body) {
        return p.raw(token).contentType("application/json").body(body).post("/rates");
    }

    /** The seeded card of a type, closed on the day given so later cards fit after it. */
    String closeSeededCard(String type, String lastDay) {
        Response seeded = p.api(p.agent()).queryParam("vehicle_type", type).get("/rates");
        String id = seeded.path("items[0].id");
        int version = seeded.path("items[0].version");
        p.api(p.manager()).contentType("application/json").body(Map.of("version", version, "effective_to", lastDay))
                .patch("/rates/" + id).then().statusCode(200).body("effective_to", equalTo(lastDay));
        return id;
    }

    @Test
    void every_vehicle_type_has_a_seeded_card_from_2026() {
        p.api(p.service()).queryParam("effective_on", "2026-01-01").get("/rates").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.vehicle_type", equalTo(List.of("coach_56", "executive_coach_35", "minibus_28", "school_bus_48", "sprinter_14")));
        p.api(p.agent()).queryParam("vehicle_type", "coach_56").get("/rates").then().statusCode(200)
                .body("items[0].hourly_rate", equalTo(money("165.00")))
                .body("items[0].minimum_hours", equalTo(money("5.0")))
                .body("items[0].included_miles_per_day", equalTo(300))
                .body("items[0].effective_from", equalTo("2026-01-01"))
                .body("items[0].effective_to", nullValue());
        p.api(p.agent()).queryParam("effective_on", "2025-12-31").get("/rates").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_manager_adds_a_card_after_the_current_one_ends_and_it_applies_from_its_date() {
        closeSeededCard("sprinter_14", "2026-12-31");
        Response r = p.api(p.manager()).contentType("application/json").body(card("sprinter_14", "2027-01-01", null)).post("/rates");
        r.then().statusCode(201).body("vehicle_type", equalTo("sprinter_14")).body("version", equalTo(1))
                .body("hourly_rate", equalTo(money("140.00"))).body("effective_to", nullValue());
        assertEquals("/rates/" + r.path("id"), r.header("Location"));
        p.api(p.agent()).get("/rates/" + r.path("id")).then().statusCode(200).body("daily_rate", equalTo(money("1250.00")));
        p.api(p.agent()).queryParam("vehicle_type", "sprinter_14").queryParam("effective_on", "2027-03-01").get("/rates").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(r.path("id")));
    }

    @Test
    void overlapping_cards_of_one_type_are_409_naming_the_other_card_and_write_nothing() {
        long before = p.count("pricing.rate_cards");
        postCard(p.manager(), card("coach_56", "2026-06-01", "2026-06-30")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("overlap"));
        postCard(p.admin(), card("coach_56", "2025-01-01", null)).then().statusCode(409);
        assertEquals(before, p.count("pricing.rate_cards"));
    }

    @Test
    void concurrent_overlapping_cards_admit_exactly_one() throws Exception {
        closeSeededCard("minibus_28", "2027-12-31");
        String manager = p.manager();
        List<Integer> codes = PricingPlatform.concurrently(8,
                i -> postCard(manager, card("minibus_28", "2028-01-0" + (i + 1), null)).statusCode());
        assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), codes);
        p.api(manager).queryParam("vehicle_type", "minibus_28").get("/rates").then().body("total", equalTo(2));
    }

    @Test
    void a_card_patch_needs_the_current_version_and_keeps_the_dates_free_of_overlap() {
        closeSeededCard("executive_coach_35", "2026-12-31");
        String manager = p.manager();
        String id = p.api(manager).contentType("application/json").body(card("executive_coach_35", "2027-01-01", "2027-12-31"))
                .post("/rates").then().statusCode(201).extract().path("id");
        p.api(manager).contentType("application/json").body(Map.of("version", 1, "hourly_rate", money("199.99"), "effective_to", "2028-06-30"))
                .patch("/rates/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("hourly_rate", equalTo(money("199.99")))
                .body("daily_rate", equalTo(money("1250.00"))).body("effective_to", equalTo("2028-06-30"));
        p.raw(manager).contentType("application/json").body(Map.of("version", 1, "hourly_rate", money("1.00")))
                .patch("/rates/" + id).then().statusCode(409).body("detail", containsString("version 2"));
        // moving the start back into the seeded card's year
        p.raw(manager).contentType("application/json").body(Map.of("version", 2, "effective_from", "2026-12-01"))
                .patch("/rates/" + id).then().statusCode(409).body("detail", containsString("overlap"));
        p.raw(manager).contentType("application/json").body(Map.of("version", 2, "effective_to", "2026-06-01"))
                .patch("/rates/" + id).then().statusCode(400).body("errors.field", hasItem("effective_to"));
        p.raw(manager).contentType("application/json").body(Map.of("version", 2, "vehicle_type", "coach_56"))
                .patch("/rates/" + id).then().statusCode(400).body("errors.field", hasItem("vehicle_type"));
        p.api(manager).get("/rates/" + id).then().body("version", equalTo(2)).body("effective_from", equalTo("2027-01-01"));
        // null makes the card open-ended
        var open = new HashMap<String, Object>();
        open.put("version", 2);
        open.put("effective_to", null);
        p.api(manager).contentType("application/json").body(open).patch("/rates/" + id).then().statusCode(200)
                .body("effective_to", nullValue()).body("version", equalTo(3));
    }

    Stream<Arguments> invalidCards() {
        return Stream.of(
                argumentSet("malformed JSON", "{", null),
                argumentSet("an array", "[]", null),
                argumentSet("an unknown vehicle type", with("vehicle_type", "hovercraft_9"), "vehicle_type"),
                argumentSet("a negative rate", with("hourly_rate", money("-1")), "hourly_rate"),
                argumentSet("a rate as a string", with("hourly_rate", "140"), "hourly_rate"),
                argumentSet("a fraction of a cent", with("per_mile_rate", money("3.125")), "per_mile_rate"),
                argumentSet("a minimum over 24 hours", with("minimum_hours", money("25")), "minimum_hours"),
                argumentSet("a minimum in hundredths", with("minimum_hours", money("4.25")), "minimum_hours"),
                argumentSet("fractional included miles", with("included_miles_per_day", money("2.5")), "included_miles_per_day"),
                argumentSet("a date past the calendar", with("effective_from", "2027-02-30"), "effective_from"),
                argumentSet("an end before the start", with("effective_to", "2026-12-31"), "effective_to"),
                argumentSet("an unknown field", with("discount", 5), "discount"),
                argumentSet("no daily rate", without("daily_rate"), "daily_rate"),
                argumentSet("no start", without("effective_from"), "effective_from"),
                argumentSet("a start after 2100", with("effective_from", "2101-01-01"), "effective_from"),
                argumentSet("a start in year 10000", with("effective_from", "+10000-01-01"), "effective_from"),
                argumentSet("an end in 9999", with("effective_to", "9999-12-31"), "effective_to"));
    }

    @ParameterizedTest
    @MethodSource("invalidCards")
    void invalid_cards_are_400_with_field_errors_and_write_nothing(Object body, String field) {
        long before = p.count("pricing.rate_cards");
        var then = postCard(p.manager(), body).then().statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
        assertEquals(before, p.count("pricing.rate_cards"));
    }

    @Test
    void a_card_that_is_not_json_is_415_and_writes_nothing() {
        long before = p.count("pricing.rate_cards");
        p.raw(p.manager()).contentType("text/plain").body("hello").post("/rates").then().statusCode(415);
        assertEquals(before, p.count("pricing.rate_cards"));
    }

    @Test
    void a_card_patch_to_a_date_outside_2000_to_2100_is_400_and_changes_nothing() {
        Response any = p.api(p.agent()).queryParam("vehicle_type", "coach_56").get("/rates");
        String id = any.path("items[0].id");
        int version = any.path("items[0].version");
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", version, "effective_to", "2101-01-01"))
                .patch("/rates/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("effective_to")))
                .body("errors[0].message", equalTo("must be a date from 2000-01-01 to 2100-12-31"));
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", version, "effective_from", "1999-12-31"))
                .patch("/rates/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("effective_from")));
        p.api(p.agent()).get("/rates/" + id).then().body("version", equalTo(version)).body("effective_from", equalTo("2026-01-01"));
    }

    private Map<String, Object> with(String field, Object value) {
        var body = card("school_bus_48", "2030-01-01", null);
        body.put(field, value);
        return body;
    }

    private Map<String, Object> without(String field) {
        var body = card("school_bus_48", "2030-01-01", null);
        body.remove(field);
        return body;
    }

    @Test
    void only_managers_change_rates_while_staff_and_services_read_them() {
        long before = p.count("pricing.rate_cards");
        postCard(p.agent(), card("school_bus_48", "2031-01-01", null)).then().statusCode(403);
        postCard(p.service(), card("school_bus_48", "2031-01-01", null)).then().statusCode(403);
        p.raw(p.platform.token("dispatcher")).get("/rates").then().statusCode(200);
        p.raw(p.platform.portalToken("client", UUID.randomUUID())).get("/rates").then().statusCode(403);
        p.anonymous().get("/rates").then().statusCode(401);
        assertEquals(before, p.count("pricing.rate_cards"));
    }

    @Test
    void unknown_and_malformed_card_ids_are_404() {
        p.api(p.agent()).get("/rates/" + UUID.randomUUID()).then().statusCode(404);
        p.raw(p.agent()).get("/rates/nope").then().statusCode(404);
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 1)).patch("/rates/" + UUID.randomUUID())
                .then().statusCode(404);
        String anyCard = p.api(p.agent()).get("/rates").path("items[0].id");
        p.raw(p.manager()).contentType("application/json").body("{").patch("/rates/" + anyCard).then().statusCode(400);
        p.raw(p.manager()).contentType("application/json").body("{\"version\":\"one\"}").patch("/rates/" + anyCard).then()
                .statusCode(400).body("errors.field", hasItem("version"));
        p.raw(p.manager()).contentType("application/json").body("{\"version\":1,\"daily_rate\":-5}").patch("/rates/" + anyCard).then()
                .statusCode(400).body("errors.field", hasItem("daily_rate"));
        for (var bad : List.of(Map.of("limit", "0"), Map.of("offset", "-1"), Map.of("effective_on", "soon"))) {
            p.raw(p.agent()).queryParams(bad).get("/rates").then().statusCode(400);
        }
    }

    // ---- amenities ----

    @Test
    void the_five_seeded_amenities_are_listed() {
        p.api(p.service()).queryParam("active", true).get("/amenities").then().statusCode(200)
                .body("items.code", hasItem("wifi"))
                .body("items.code", hasItem("restroom"))
                .body("items.code", hasItem("outlets"))
                .body("items.code", hasItem("ada_lift"))
                .body("items.code", hasItem("onboard_water"));
        p.api(p.agent()).get("/amenities/wifi").then().statusCode(200)
                .body("charge_type", equalTo("per_day")).body("amount", equalTo(money("35.00")));
        p.api(p.agent()).get("/amenities/jacuzzi").then().statusCode(404);
    }

    @Test
    void a_manager_creates_and_changes_an_amenity() {
        String manager = p.manager();
        Response r = p.api(manager).contentType("application/json")
                .body(Map.of("code", "snacks", "name", "Snack basket", "charge_type", "per_vehicle", "amount", money("22.50")))
                .post("/amenities");
        r.then().statusCode(201).body("active", equalTo(true)).body("version", equalTo(1));
        assertEquals("/amenities/snacks", r.header("Location"));
        p.api(manager).contentType("application/json").body(Map.of("version", 1, "amount", money("25.00"), "active", false))
                .patch("/amenities/snacks").then().statusCode(200)
                .body("amount", equalTo(money("25.00"))).body("active", equalTo(false)).body("version", equalTo(2))
                .body("name", equalTo("Snack basket"));
        p.raw(manager).contentType("application/json").body(Map.of("version", 1, "name", "Stale"))
                .patch("/amenities/snacks").then().statusCode(409);
        p.api(manager).queryParam("active", false).get("/amenities").then().body("items.code", hasItem("snacks"));
    }

    @Test
    void a_duplicate_amenity_is_409_even_when_created_concurrently() throws Exception {
        String manager = p.manager();
        long before = p.count("pricing.amenities");
        List<Integer> codes = PricingPlatform.concurrently(6, i -> p.raw(manager).contentType("application/json")
                .body(Map.of("code", "blankets", "name", "Blankets " + i, "charge_type", "per_trip", "amount", money("15.00")))
                .post("/amenities").statusCode());
        assertEquals(List.of(201, 409, 409, 409, 409, 409), codes);
        assertEquals(before + 1, p.count("pricing.amenities"));
    }

    static Stream<Arguments> invalidAmenities() {
        return Stream.of(
                argumentSet("a code with capitals and a space", "{\"code\":\"Bad Code\",\"name\":\"N\",\"charge_type\":\"per_trip\",\"amount\":1}", "code"),
                argumentSet("an unknown charge type", "{\"code\":\"pillows\",\"name\":\"N\",\"charge_type\":\"per_hour\",\"amount\":1}", "charge_type"),
                argumentSet("a negative amount", "{\"code\":\"pillows\",\"name\":\"N\",\"charge_type\":\"per_trip\",\"amount\":-1}", "amount"),
                argumentSet("an empty name", "{\"code\":\"pillows\",\"name\":\"\",\"charge_type\":\"per_trip\",\"amount\":1}", "name"),
                argumentSet("no amount", "{\"code\":\"pillows\",\"name\":\"N\",\"charge_type\":\"per_trip\"}", "amount"),
                argumentSet("an unknown field", "{\"code\":\"pillows\",\"name\":\"N\",\"charge_type\":\"per_trip\",\"amount\":1,\"colour\":\"red\"}", "colour"));
    }

    @ParameterizedTest
    @MethodSource("invalidAmenities")
    void an_invalid_new_amenity_is_400_naming_the_field_and_writes_nothing(String body, String field) {
        long before = p.count("pricing.amenities");
        p.raw(p.manager()).contentType("application/json").body(body).post("/amenities").then().statusCode(400)
                .body("errors.field", hasItem(field));
        assertEquals(before, p.count("pricing.amenities"));
    }

    @Test
    void invalid_amenity_changes_are_4xx_and_write_nothing() {
        long before = p.count("pricing.amenities");
        String manager = p.manager();
        p.raw(manager).contentType("application/json").body("{\"version\":1,\"amount\":\"free\"}").patch("/amenities/wifi")
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        p.raw(manager).contentType("application/json").body("{\"amount\":1}").patch("/amenities/wifi")
                .then().statusCode(400).body("errors.field", hasItem("version"));
        p.raw(manager).contentType("application/json").body("{\"version\":1}").patch("/amenities/jacuzzi").then().statusCode(404);
        p.raw(p.agent()).contentType("application/json").body("{\"version\":1,\"amount\":1}").patch("/amenities/wifi").then().statusCode(403);
        assertEquals(before, p.count("pricing.amenities"));
        p.api(manager).get("/amenities/wifi").then().body("version", equalTo(1)).body("amount", equalTo(money("35.00")));
    }
}
