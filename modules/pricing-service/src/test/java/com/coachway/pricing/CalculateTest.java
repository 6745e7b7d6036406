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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.coachway.pricing.PricingPlatform.money;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /calculate on the seeded rates, with an 8.25 % tax rate and a 3.5 % fuel surcharge.
 * The rules themselves are covered case by case in PriceCalculatorTest; this proves the wiring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculateTest {
    PricingPlatform p;

    @BeforeAll
    void start() {
        p = new PricingPlatform(Map.of("TAX_RATE", "0.0825", "FUEL_SURCHARGE_PCT", "3.5"));
    }

    @AfterAll
    void stop() {
        p.close();
    }

    Response calculate(String token, Object body) {
        return p.api(token).contentType("application/json").body(body).post("/calculate");
    }

    static Map<String, Object> vehicle(String type, int quantity) {
        return Map.of("vehicle_type", type, "quantity", quantity);
    }

    static Map<String, Object> dayTrip() {
        var body = new HashMap<String, Object>();
        body.put("vehicles", List.of(vehicle("coach_56", 2)));
        body.put("start_at", "2026-06-10T08:00:00-04:00");
        body.put("end_at", "2026-06-10T14:00:00-04:00");
        body.put("miles", 120);
        body.put("amenities", List.of("wifi", "restroom", "onboard_water"));
        return body;
    }

    @Test
    void a_day_trip_is_priced_line_by_line_with_fuel_and_tax() {
        calculate(p.agent(), dayTrip()).then().statusCode(200)
                // 165 × 6 h = 990.00 per coach (> 4.25 × 120); wifi 35 × 1 day; restroom 50 × 2 coaches; water 40 once
                .body("lines.code", equalTo(List.of("coach_56.hourly", "amenity.wifi", "amenity.restroom", "amenity.onboard_water")))
                .body("lines.quantity", equalTo(List.of(2, 1, 2, 1)))
                .body("lines.unit_price", equalTo(List.of(money("990.00"), money("35.00"), money("50.00"), money("40.00"))))
                .body("lines.amount", equalTo(List.of(money("1980.00"), money("35.00"), money("100.00"), money("40.00"))))
                .body("subtotal", equalTo(money("2155.00")))
                .body("discount", equalTo(money("0.00")))
                // 2155 × 3.5 % = 75.425 → 75.43; (2155 + 75.43) × 0.0825 = 184.010475 → 184.01
                .body("fuel_surcharge", equalTo(money("75.43")))
                .body("tax", equalTo(money("184.01")))
                .body("total", equalTo(money("2414.44")))
                .body("currency", equalTo("USD"))
                .body("billable_hours", equalTo(money("6.0")))
                .body("days", equalTo(1))
                .body("dot.compliant", equalTo(true)).body("dot.drivers_required", equalTo(1))
                .body("dot.overnight_rest_required", equalTo(false));
    }

    @Test
    void a_tax_exempt_multi_day_tour_with_a_promo_for_a_service_caller() {
        String code = p.api(p.manager()).contentType("application/json")
                .body(Map.of("code", "tour15-" + UUID.randomUUID().toString().substring(0, 4), "discount_type", "percent",
                        "discount_value", money("15"), "min_subtotal", money("10000.00")))
                .post("/promo-codes").then().statusCode(201).extract().path("code");
        var body = new HashMap<String, Object>();
        body.put("vehicles", List.of(vehicle("executive_coach_35", 1), vehicle("sprinter_14", 1)));
        body.put("start_at", "2026-07-01T07:00:00-04:00");
        body.put("end_at", "2026-07-03T23:00:00-04:00");
        body.put("miles", 1000);
        body.put("promo_code", code.toLowerCase());
        body.put("tax_exempt", true);
        calculate(p.service(), body).then().statusCode(200)
                .body("lines.code", equalTo(List.of(
                        "executive_coach_35.daily", "executive_coach_35.extra_miles", "executive_coach_35.overnight", "executive_coach_35.second_driver",
                        "sprinter_14.daily", "sprinter_14.extra_miles", "sprinter_14.overnight", "sprinter_14.second_driver")))
                // 64 h over 3 service days; on duty (64 − 8 × 2) ÷ 3 = 16 h/day > 15 → a second driver
                // executive: 1700 × 3; (1000 − 900) × 4.75; 200 × 2; 55 × 64
                // sprinter: 1100 × 3; (1000 − 750) × 3.50; 150 × 2; 45 × 64
                .body("lines.amount", equalTo(List.of(money("5100.00"), money("475.00"), money("400.00"), money("3520.00"),
                        money("3300.00"), money("875.00"), money("300.00"), money("2880.00"))))
                // 9495.00 + 7355.00
                .body("subtotal", equalTo(money("16850.00")))
                // 15 % = 2527.50; (16850 − 2527.50) × 3.5 % = 501.2875 → 501.29; exempt from tax
                .body("discount", equalTo(money("2527.50")))
                .body("fuel_surcharge", equalTo(money("501.29")))
                .body("tax", equalTo(money("0.00")))
                .body("total", equalTo(money("14823.79")))
                .body("billable_hours", equalTo(money("64.0")))
                .body("days", equalTo(3))
                .body("dot.drivers_required", equalTo(2)).body("dot.overnight_rest_required", equalTo(true))
                .body("dot.warnings", hasItem(containsString("About 16.0 h on duty per day exceeds the 15-hour on-duty limit")));
    }

    @Test
    void a_three_day_tour_counts_the_nights_off_and_an_evening_trip_is_one_day() {
        var tour = new HashMap<String, Object>();
        tour.put("vehicles", List.of(vehicle("coach_56", 1)));
        tour.put("start_at", "2026-07-01T07:00:00-04:00");
        tour.put("end_at", "2026-07-03T19:00:00-04:00");
        tour.put("miles", 600);
        // 60 h; on duty (60 − 16) ÷ 3 = 14.7 h/day: one driver; 1500 × 3 + 200 × 2 = 4900.00
        calculate(p.agent(), tour).then().statusCode(200)
                .body("days", equalTo(3)).body("dot.drivers_required", equalTo(1))
                .body("lines.code", equalTo(List.of("coach_56.daily", "coach_56.overnight")))
                .body("subtotal", equalTo(money("4900.00")));
        var evening = new HashMap<String, Object>();
        evening.put("vehicles", List.of(vehicle("coach_56", 1)));
        evening.put("start_at", "2026-07-01T19:30:00-04:00");
        evening.put("end_at", "2026-07-02T01:30:00-04:00");
        // service day July 1 runs to 04:00 July 2: one day, 165 × 6 = 990.00
        calculate(p.agent(), evening).then().statusCode(200)
                .body("days", equalTo(1)).body("lines.code", equalTo(List.of("coach_56.hourly")))
                .body("lines.amount", equalTo(List.of(money("990.00"))))
                .body("dot.overnight_rest_required", equalTo(false));
    }

    @Test
    void the_card_in_effect_on_the_local_trip_date_prices_the_trip() {
        String manager = p.manager();
        Response seeded = p.api(manager).queryParam("vehicle_type", "school_bus_48").get("/rates");
        int version = seeded.path("items[0].version");
        p.api(manager).contentType("application/json").body(Map.of("version", version, "effective_to", "2026-12-31"))
                .patch("/rates/" + seeded.path("items[0].id")).then().statusCode(200);
        var card = new HashMap<String, Object>(Map.of("vehicle_type", "school_bus_48", "hourly_rate", money("130.00"),
                "minimum_hours", money("4"), "per_mile_rate", money("3.50"), "daily_rate", money("1200.00"),
                "included_miles_per_day", 200, "driver_overnight_fee", money("150.00"), "extra_driver_hourly_rate", money("45.00"),
                "effective_from", "2027-01-01", "effective_to", "2027-06-30"));
        p.api(manager).contentType("application/json").body(card).post("/rates").then().statusCode(201);

        var trip = new HashMap<String, Object>(Map.of("vehicles", List.of(vehicle("school_bus_48", 1))));
        // 23:00–03:00 UTC is still Dec 31 in New York: the old card, 110 × 4 h
        trip.put("start_at", "2027-01-01T01:00:00Z");
        trip.put("end_at", "2027-01-01T05:00:00Z");
        calculate(p.agent(), trip).then().statusCode(200).body("lines[0].amount", equalTo(money("440.00")));
        trip.put("start_at", "2027-01-02T08:00:00-05:00");
        trip.put("end_at", "2027-01-02T12:00:00-05:00");
        calculate(p.agent(), trip).then().statusCode(200).body("lines[0].amount", equalTo(money("520.00")));
        trip.put("start_at", "2027-07-01T08:00:00-04:00");
        trip.put("end_at", "2027-07-01T12:00:00-04:00");
        p.raw(p.agent()).contentType("application/json").body(trip).post("/calculate").then().statusCode(400)
                .body("errors[0].field", equalTo("vehicles[0].vehicle_type"))
                .body("errors[0].message", equalTo("has no rate card in effect on 2027-07-01"));
    }

    Stream<Arguments> unpriceable() {
        String inactive = p.api(p.manager()).contentType("application/json")
                .body(Map.of("code", "off-" + UUID.randomUUID().toString().substring(0, 4), "discount_type", "fixed",
                        "discount_value", money("50"), "active", false))
                .post("/promo-codes").then().statusCode(201).extract().path("code");
        return Stream.of(
                argumentSet("an unknown vehicle type", change("vehicles", List.of(vehicle("hovercraft_9", 1))), "vehicles[0].vehicle_type"),
                argumentSet("an unknown amenity", change("amenities", List.of("wifi", "jacuzzi")), "amenities[1]"),
                argumentSet("an unknown promo code", change("promo_code", "NO-SUCH-CODE"), "promo_code"),
                argumentSet("an inactive promo code", change("promo_code", inactive), "promo_code"));
    }

    @ParameterizedTest
    @MethodSource("unpriceable")
    void what_cannot_be_priced_is_400_naming_the_field(Map<String, Object> body, String field) {
        p.raw(p.agent()).contentType("application/json").body(body).post("/calculate").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of(field)));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                argumentSet("malformed JSON", "{", null),
                argumentSet("an array", "[]", null),
                argumentSet("trailing text", "{\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"start_at\":\"2026-06-10T08:00:00-04:00\","
                        + "\"end_at\":\"2026-06-10T14:00:00-04:00\"} trailing", null),
                argumentSet("no vehicles", without("vehicles"), "vehicles"),
                argumentSet("no start", without("start_at"), "start_at"),
                argumentSet("an empty fleet", change("vehicles", List.of()), "vehicles"),
                argumentSet("vehicles as a string", change("vehicles", "coach_56"), "vehicles"),
                argumentSet("zero vehicles of a type", change("vehicles", List.of(vehicle("coach_56", 0))), "vehicles[0].quantity"),
                argumentSet("a quantity as a string", change("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", "2"))), "vehicles[0].quantity"),
                argumentSet("a vehicle type as a number", change("vehicles", List.of(Map.of("vehicle_type", 56, "quantity", 1))), "vehicles[0].vehicle_type"),
                argumentSet("an unknown vehicle field", change("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1, "driver", "Al"))), "vehicles[0].driver"),
                argumentSet("a repeated vehicle type", change("vehicles", List.of(vehicle("coach_56", 1), vehicle("coach_56", 1))), "vehicles[1].vehicle_type"),
                argumentSet("a start in words", change("start_at", "tomorrow"), "start_at"),
                argumentSet("a start without offset", change("start_at", "2026-06-10T08:00:00"), "start_at"),
                argumentSet("an end at the start", change("end_at", "2026-06-10T08:00:00-04:00"), "end_at"),
                argumentSet("a trip over 31 days", change("end_at", "2026-07-12T08:00:00-04:00"), "end_at"),
                argumentSet("negative miles", change("miles", -1), "miles"),
                argumentSet("miles as a string", change("miles", "120"), "miles"),
                argumentSet("a thousandth of a mile", change("miles", money("1.234")), "miles"),
                argumentSet("amenities as a string", change("amenities", "wifi"), "amenities"),
                argumentSet("a repeated amenity", change("amenities", List.of("wifi", "wifi")), "amenities[1]"),
                argumentSet("an amenity as a number", change("amenities", List.of(7)), "amenities[0]"),
                argumentSet("tax_exempt as a string", change("tax_exempt", "yes"), "tax_exempt"),
                argumentSet("a promo code as a number", change("promo_code", 10), "promo_code"),
                argumentSet("a redemption reference as a number", change("redemption_reference", 7), "redemption_reference"),
                argumentSet("an empty redemption reference", change("redemption_reference", ""), "redemption_reference"),
                argumentSet("a redemption reference too long", change("redemption_reference", "r".repeat(101)), "redemption_reference"),
                argumentSet("a null redemption reference", change("redemption_reference", null), "redemption_reference"),
                argumentSet("an unknown field", change("discount", 10), "discount"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformed_requests_are_400_and_nothing_is_written(Object body, String field) {
        long redemptions = p.count("pricing.promo_redemptions");
        long codes = p.count("pricing.promo_codes");
        var then = p.raw(p.agent()).contentType("application/json").body(body).post("/calculate").then()
                .statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
        assertEquals(redemptions, p.count("pricing.promo_redemptions"));
        assertEquals(codes, p.count("pricing.promo_codes"));
    }

    @Test
    void a_body_that_is_not_json_is_415_and_nothing_is_written() {
        long redemptions = p.count("pricing.promo_redemptions");
        long codes = p.count("pricing.promo_codes");
        p.raw(p.agent()).contentType("text/plain").body("coach please").post("/calculate").then().statusCode(415);
        assertEquals(redemptions, p.count("pricing.promo_redemptions"));
        assertEquals(codes, p.count("pricing.promo_codes"));
    }

    @Test
    void a_promo_code_with_a_space_inside_is_not_a_code() {
        // JSON strings are trimmed on reading (common JsonInput); inside, a space makes it no code at all
        p.raw(p.agent()).contentType("application/json").body(change("promo_code", "FZ X")).post("/calculate").then()
                .statusCode(400).body("errors.field", equalTo(List.of("promo_code")))
                .body("errors[0].message", equalTo("FZ X is not a known promo code"));
    }

    @Test
    void pricing_a_promo_does_not_redeem_it() {
        String code = p.api(p.manager()).contentType("application/json")
                .body(Map.of("code", "once-" + UUID.randomUUID().toString().substring(0, 4), "discount_type", "fixed",
                        "discount_value", money("50"), "max_uses", 1))
                .post("/promo-codes").then().statusCode(201).extract().path("code");
        for (int i = 0; i < 3; i++) calculate(p.agent(), change("promo_code", code)).then().statusCode(200).body("discount", equalTo(money("50.00")));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
    }

    String singleUseCode(Map<String, Object> extra) {
        var body = new HashMap<String, Object>(Map.of("code", "once-" + UUID.randomUUID().toString().substring(0, 4),
                "discount_type", "fixed", "discount_value", money("50"), "max_uses", 1));
        body.putAll(extra);
        return p.api(p.manager()).contentType("application/json").body(body).post("/promo-codes").then().statusCode(201)
                .extract().path("code");
    }

    void redeem(String code, String reference) {
        p.api(p.service()).contentType("application/json").body(Map.of("reference", reference, "trip_date", "2026-06-10"))
                .post("/promo-codes/" + code + "/redemptions").then().statusCode(201);
    }

    static Map<String, Object> withPromo(String code, String reference) {
        var body = change("promo_code", code);
        if (reference != null) body.put("redemption_reference", reference);
        return body;
    }

    @Test
    void a_single_use_code_applies_to_the_price_of_what_redeemed_it_and_is_used_up_for_anything_else() {
        String code = singleUseCode(Map.of());
        String quoteA = UUID.randomUUID().toString();
        redeem(code, quoteA);
        long redemptions = p.count("pricing.promo_redemptions");

        calculate(p.service(), withPromo(code.toLowerCase(), quoteA)).then().statusCode(200).body("discount", equalTo(money("50.00")));
        calculate(p.agent(), withPromo(code, quoteA)).then().statusCode(200).body("discount", equalTo(money("50.00")));
        for (String other : java.util.Arrays.asList(UUID.randomUUID().toString(), quoteA.toUpperCase(), null)) {
            p.raw(p.service()).contentType("application/json").body(withPromo(code, other)).post("/calculate").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("promo_code")))
                    .body("errors[0].message", equalTo("promo code " + code + " is used up (1 of 1 uses)"));
        }
        // pricing for the reference counts nothing and takes nothing back
        assertEquals(redemptions, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(1));
    }

    @Test
    void a_reference_that_redeemed_another_code_or_was_given_back_frees_no_use() {
        String code = singleUseCode(Map.of());
        String other = singleUseCode(Map.of());
        redeem(code, "quote-1");
        redeem(other, "quote-2");
        p.raw(p.agent()).contentType("application/json").body(withPromo(code, "quote-2")).post("/calculate").then().statusCode(400)
                .body("errors[0].message", containsString("used up"));

        p.api(p.service()).delete("/promo-codes/" + code + "/redemptions/quote-1").then().statusCode(204);
        redeem(code, "quote-3");
        p.raw(p.agent()).contentType("application/json").body(withPromo(code, "quote-1")).post("/calculate").then().statusCode(400)
                .body("errors[0].message", containsString("used up"));
        calculate(p.agent(), withPromo(code, "quote-3")).then().statusCode(200).body("discount", equalTo(money("50.00")));
    }

    @Test
    void the_own_redemption_relaxes_only_max_uses() {
        // redeemed for the trip of 10 June; a change to the 12th is outside the code's dates even for its own booking
        String june10 = singleUseCode(Map.of("valid_to", "2026-06-10"));
        redeem(june10, "quote-dates");
        var later = withPromo(june10, "quote-dates");
        later.put("start_at", "2026-06-12T08:00:00-04:00");
        later.put("end_at", "2026-06-12T14:00:00-04:00");
        p.raw(p.agent()).contentType("application/json").body(later).post("/calculate").then().statusCode(400)
                .body("errors.field", equalTo(List.of("promo_code")))
                .body("errors[0].message", equalTo("promo code " + june10 + " applied to trips until 2026-06-10"));
        calculate(p.agent(), withPromo(june10, "quote-dates")).then().statusCode(200);

        String min = singleUseCode(Map.of("min_subtotal", money("100000")));
        redeem(min, "quote-min");
        p.raw(p.agent()).contentType("application/json").body(withPromo(min, "quote-min")).post("/calculate").then().statusCode(400)
                .body("errors[0].message", containsString("needs a subtotal of at least 100000.00"));

        String withdrawn = singleUseCode(Map.of());
        redeem(withdrawn, "quote-off");
        p.api(p.manager()).contentType("application/json").body(Map.of("version", 1, "active", false))
                .patch("/promo-codes/" + withdrawn).then().statusCode(200);
        p.raw(p.agent()).contentType("application/json").body(withPromo(withdrawn, "quote-off")).post("/calculate").then().statusCode(400)
                .body("errors[0].message", equalTo("promo code " + withdrawn + " is inactive"));
    }

    @Test
    void a_redemption_reference_without_a_promo_code_changes_nothing() {
        var body = dayTrip();
        body.put("redemption_reference", "quote-x");
        calculate(p.agent(), body).then().statusCode(200).body("discount", equalTo(money("0.00")));
    }

    @Test
    void staff_and_services_may_price_but_portal_users_and_strangers_may_not() {
        calculate(p.platform.token("dispatcher"), dayTrip()).then().statusCode(200);
        calculate(p.admin(), dayTrip()).then().statusCode(200);
        p.raw(p.platform.portalToken("client", UUID.randomUUID())).contentType("application/json").body(dayTrip())
                .post("/calculate").then().statusCode(403);
        p.anonymous().contentType("application/json").body(dayTrip()).post("/calculate").then().statusCode(401);
        p.raw("not.a.token").contentType("application/json").body(dayTrip()).post("/calculate").then().statusCode(401);
    }

    static Map<String, Object> change(String field, Object value) {
        var body = dayTrip();
        body.put(field, value);
        return body;
    }

    static Map<String, Object> without(String field) {
        var body = dayTrip();
        body.remove(field);
        return body;
    }
}
