package com.coachway.pricing;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.pricing.PricingPlatform.money;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Promo codes, their validation and redemption counting, through the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromoCodeTest {
    PricingPlatform p;

    @BeforeAll
    void start() {
        p = new PricingPlatform();
    }

    @AfterAll
    void stop() {
        p.close();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    Response create(Map<String, ?> body) {
        return p.api(p.manager()).contentType("application/json").body(body).post("/promo-codes");
    }

    String createCode(Map<String, ?> extra) {
        var body = new HashMap<String, Object>(Map.of("code", unique("save"), "discount_type", "percent", "discount_value", money("10")));
        body.putAll(extra);
        return create(body).then().statusCode(201).extract().path("code");
    }

    Response redeem(String code, String reference) {
        return p.api(p.service()).contentType("application/json").body(Map.of("reference", reference))
                .post("/promo-codes/" + code + "/redemptions");
    }

    Response validate(String code, String subtotal, String tripDate) {
        return p.api(p.agent()).contentType("application/json")
                .body(Map.of("code", code, "subtotal", money(subtotal), "trip_date", tripDate)).post("/promo-codes/validate");
    }

    // ---- create, read, change ----

    @Test
    void a_manager_creates_a_code_which_is_stored_upper_case() {
        String raw = unique("summer-");
        Response r = create(Map.of("code", raw, "description", "Summer 2026", "discount_type", "percent", "discount_value", money("15"),
                "valid_from", "2026-06-01", "valid_to", "2026-08-31", "max_uses", 100, "min_subtotal", money("500.00")));
        String code = raw.toUpperCase();
        r.then().statusCode(201).body("code", equalTo(code)).body("uses", equalTo(0)).body("active", equalTo(true))
                .body("discount_value", equalTo(money("15.00"))).body("max_uses", equalTo(100)).body("version", equalTo(1));
        assertEquals("/promo-codes/" + code, r.header("Location"));
        p.api(p.service()).get("/promo-codes/" + raw).then().statusCode(200).body("code", equalTo(code));
        p.api(p.agent()).queryParam("q", raw.substring(0, 10)).get("/promo-codes").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].description", equalTo("Summer 2026"));
    }

    @Test
    void a_code_that_exists_in_any_case_is_409_and_writes_nothing() {
        String code = createCode(Map.of());
        long before = p.count("pricing.promo_codes");
        p.raw(p.manager()).contentType("application/json")
                .body(Map.of("code", code.toLowerCase(), "discount_type", "fixed", "discount_value", money("5")))
                .post("/promo-codes").then().statusCode(409).body("detail", containsString(code));
        assertEquals(before, p.count("pricing.promo_codes"));
    }

    @Test
    void invalid_codes_are_400_with_field_errors_and_write_nothing() {
        long before = p.count("pricing.promo_codes");
        var cases = new LinkedHashMap<String, String>();
        String ok = "\"discount_type\":\"percent\",\"discount_value\":10";
        cases.put("{", null);
        cases.put("{\"code\":\"ab\"," + ok + "}", "code");
        cases.put("{\"code\":\"has space\"," + ok + "}", "code");
        cases.put("{\"code\":\"GOODCODE1\",\"discount_type\":\"percent\",\"discount_value\":101}", "discount_value");
        cases.put("{\"code\":\"GOODCODE1\",\"discount_type\":\"percent\",\"discount_value\":0}", "discount_value");
        cases.put("{\"code\":\"GOODCODE1\",\"discount_type\":\"bogo\",\"discount_value\":10}", "discount_type");
        cases.put("{\"code\":\"GOODCODE1\",\"discount_type\":\"fixed\",\"discount_value\":10.001}", "discount_value");
        cases.put("{\"code\":\"GOODCODE1\"," + ok + ",\"valid_from\":\"2026-06-01\",\"valid_to\":\"2026-05-31\"}", "valid_to");
        cases.put("{\"code\":\"GOODCODE1\"," + ok + ",\"max_uses\":0}", "max_uses");
        cases.put("{\"code\":\"GOODCODE1\"," + ok + ",\"min_subtotal\":-5}", "min_subtotal");
        cases.put("{\"code\":\"GOODCODE1\"," + ok + ",\"active\":\"yes\"}", "active");
        cases.put("{\"code\":\"GOODCODE1\"," + ok + ",\"stackable\":true}", "stackable");
        cases.put("{\"code\":\"GOODCODE1\"}", "discount_type");
        for (var c : cases.entrySet()) {
            var then = p.raw(p.manager()).contentType("application/json").body(c.getKey()).post("/promo-codes").then()
                    .statusCode(400).contentType("application/problem+json");
            if (c.getValue() != null) then.body("errors.field", hasItem(c.getValue()));
        }
        assertEquals(before, p.count("pricing.promo_codes"));
    }

    @Test
    void a_patch_needs_the_current_version_and_may_clear_limits() {
        String code = createCode(Map.of("max_uses", 3, "valid_to", "2026-12-31"));
        var body = new HashMap<String, Object>();
        body.put("version", 1);
        body.put("discount_type", "fixed");
        body.put("discount_value", money("250.00"));
        body.put("max_uses", null);
        body.put("valid_to", null);
        p.api(p.manager()).contentType("application/json").body(body).patch("/promo-codes/" + code.toLowerCase()).then().statusCode(200)
                .body("version", equalTo(2)).body("discount_type", equalTo("fixed")).body("discount_value", equalTo(money("250.00")))
                .body("max_uses", nullValue()).body("valid_to", nullValue());
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 1, "active", false))
                .patch("/promo-codes/" + code).then().statusCode(409).body("detail", containsString("version 2"));
        // switching back to percent with a value over 100 is refused on the merged result
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 2, "discount_type", "percent"))
                .patch("/promo-codes/" + code).then().statusCode(400).body("errors.field", hasItem("discount_value"));
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 2, "code", "OTHER"))
                .patch("/promo-codes/" + code).then().statusCode(400).body("errors.field", hasItem("code"));
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 1)).patch("/promo-codes/NO-SUCH-CODE").then().statusCode(404);
        p.api(p.agent()).get("/promo-codes/" + code).then().body("version", equalTo(2));
    }

    @Test
    void max_uses_cannot_go_below_the_uses_already_counted() {
        String code = createCode(Map.of("max_uses", 5));
        redeem(code, "q-1").then().statusCode(201);
        redeem(code, "q-2").then().statusCode(201);
        p.raw(p.manager()).contentType("application/json").body(Map.of("version", 1, "max_uses", 1))
                .patch("/promo-codes/" + code).then().statusCode(409).body("detail", containsString("used 2 times"));
        p.api(p.manager()).contentType("application/json").body(Map.of("version", 1, "max_uses", 2))
                .patch("/promo-codes/" + code).then().statusCode(200).body("max_uses", equalTo(2));
    }

    @Test
    void only_managers_write_codes_and_clients_see_none() {
        long before = p.count("pricing.promo_codes");
        var body = Map.of("code", unique("nope"), "discount_type", "percent", "discount_value", money("10"));
        p.raw(p.agent()).contentType("application/json").body(body).post("/promo-codes").then().statusCode(403);
        p.raw(p.service()).contentType("application/json").body(body).post("/promo-codes").then().statusCode(403);
        p.raw(p.platform.portalToken("client", UUID.randomUUID())).get("/promo-codes").then().statusCode(403);
        p.anonymous().get("/promo-codes").then().statusCode(401);
        p.api(p.admin()).contentType("application/json").body(body).post("/promo-codes").then().statusCode(201);
        assertEquals(before + 1, p.count("pricing.promo_codes"));
    }

    // ---- validate ----

    @Test
    void validate_answers_the_discount_for_a_good_code() {
        String pct = createCode(Map.of("discount_value", money("12.5")));
        validate(pct.toLowerCase(), "999.99", "2026-05-01").then().statusCode(200)
                // 999.99 × 12.5 % = 124.99875 → 125.00
                .body("code", equalTo(pct)).body("valid", equalTo(true)).body("reason", nullValue())
                .body("discount", equalTo(money("125.00")));
        String fixed = createCode(Map.of("discount_type", "fixed", "discount_value", money("300.00")));
        validate(fixed, "250.00", "2026-05-01").then().body("valid", equalTo(true)).body("discount", equalTo(money("250.00")));
    }

    @Test
    void validate_answers_200_with_the_reason_for_a_code_that_does_not_apply() {
        String dated = createCode(Map.of("valid_from", "2026-06-01", "valid_to", "2026-06-30", "min_subtotal", money("1000.00")));
        String inactive = createCode(Map.of("active", false));
        String usedUp = createCode(Map.of("max_uses", 1));
        redeem(usedUp, "only-one").then().statusCode(201);
        var expectations = List.of(
                List.of("NO-SUCH-CODE", "2000.00", "2026-06-15", "unknown"),
                List.of("not a code!", "2000.00", "2026-06-15", "unknown"),
                List.of(dated, "2000.00", "2026-05-31", "not_yet_valid"),
                List.of(dated, "2000.00", "2026-07-01", "expired"),
                List.of(dated, "999.99", "2026-06-15", "below_min_subtotal"),
                List.of(inactive, "2000.00", "2026-06-15", "inactive"),
                List.of(usedUp, "2000.00", "2026-06-15", "used_up"));
        for (var e : expectations) {
            validate(e.get(0), e.get(1), e.get(2)).then().statusCode(200)
                    .body("valid", equalTo(false)).body("reason", equalTo(e.get(3))).body("discount", equalTo(money("0.00")));
        }
        validate(dated, "1000.00", "2026-06-30").then().body("valid", equalTo(true)).body("discount", equalTo(money("100.00")));
    }

    @Test
    void malformed_validate_requests_are_400() {
        for (String body : List.of("{", "{\"code\":\"X\",\"subtotal\":10}", "{\"code\":\"ABC\",\"subtotal\":\"ten\",\"trip_date\":\"2026-05-01\"}",
                "{\"code\":\"ABC\",\"subtotal\":-1,\"trip_date\":\"2026-05-01\"}", "{\"code\":\"ABC\",\"subtotal\":1,\"trip_date\":\"May 1\"}",
                "{\"code\":\"ABC\",\"subtotal\":1,\"trip_date\":\"2026-05-01\",\"client\":\"x\"}")) {
            p.raw(p.agent()).contentType("application/json").body(body).post("/promo-codes/validate").then().statusCode(400);
        }
    }

    // ---- redemptions ----

    @Test
    void a_redemption_counts_once_per_reference() {
        String code = createCode(Map.of());
        String quote = UUID.randomUUID().toString();
        redeem(code.toLowerCase(), quote).then().statusCode(201).body("code", equalTo(code)).body("reference", equalTo(quote))
                .body("uses", equalTo(1));
        redeem(code, quote).then().statusCode(200).body("uses", equalTo(1));
        redeem(code, "another").then().statusCode(201).body("uses", equalTo(2));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(2));
        p.api(p.agent()).get("/promo-codes/" + code + "/redemptions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.reference", hasItem(quote));
    }

    @Test
    void a_released_redemption_gives_its_use_back_once_so_a_full_code_takes_another() {
        String code = createCode(Map.of("max_uses", 1));
        redeem(code, "quote-1").then().statusCode(201).body("uses", equalTo(1));
        redeem(code, "quote-2").then().statusCode(409);

        p.api(p.service()).delete("/promo-codes/" + code.toLowerCase() + "/redemptions/quote-1").then().statusCode(204);
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
        p.api(p.service()).delete("/promo-codes/" + code + "/redemptions/quote-1").then().statusCode(204);
        p.api(p.service()).delete("/promo-codes/" + code + "/redemptions/never-counted").then().statusCode(204);
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
        redeem(code, "quote-2").then().statusCode(201).body("uses", equalTo(1));

        p.api(p.service()).delete("/promo-codes/NO-SUCH-CODE/redemptions/quote-2").then().statusCode(404);
        p.api(p.manager()).delete("/promo-codes/" + code + "/redemptions/quote-2").then().statusCode(403);
        p.api(p.agent()).delete("/promo-codes/" + code + "/redemptions/quote-2").then().statusCode(403);
        p.api(p.agent()).get("/promo-codes/" + code + "/redemptions").then().body("items.reference", equalTo(List.of("quote-2")));
    }

    @Test
    void a_code_that_cannot_be_used_is_409_and_counts_nothing() {
        String inactive = createCode(Map.of("active", false));
        String expired = createCode(Map.of("valid_to", "2020-12-31"));
        String full = createCode(Map.of("max_uses", 1));
        redeem(full, "first").then().statusCode(201);
        long before = p.count("pricing.promo_redemptions");
        redeem(inactive, "r").then().statusCode(409).body("detail", containsString("inactive"));
        redeem(expired, "r").then().statusCode(409).body("detail", containsString("until 2020-12-31"));
        redeem(full, "second").then().statusCode(409).body("detail", containsString("used up (1 of 1 uses)"));
        // the reference already counted is still answered as counted
        redeem(full, "first").then().statusCode(200).body("uses", equalTo(1));
        assertEquals(before, p.count("pricing.promo_redemptions"));
    }

    @Test
    void the_trip_date_given_decides_the_validity_window() {
        String summer = createCode(Map.of("valid_from", "2099-06-01", "valid_to", "2099-08-31"));
        p.raw(p.service()).contentType("application/json").body(Map.of("reference", "today")).post("/promo-codes/" + summer + "/redemptions")
                .then().statusCode(409).body("detail", containsString("from 2099-06-01"));
        p.api(p.service()).contentType("application/json").body(Map.of("reference", "july", "trip_date", "2099-07-04"))
                .post("/promo-codes/" + summer + "/redemptions").then().statusCode(201).body("uses", equalTo(1));
    }

    @Test
    void concurrent_redemptions_never_exceed_max_uses() throws Exception {
        String code = createCode(Map.of("max_uses", 5));
        String service = p.service();
        List<Integer> codes = PricingPlatform.concurrently(20, i -> p.raw(service).contentType("application/json")
                .body(Map.of("reference", "quote-" + i)).post("/promo-codes/" + code + "/redemptions").statusCode());
        var expected = new ArrayList<Integer>();
        for (int i = 0; i < 20; i++) expected.add(i < 5 ? 201 : 409);
        assertEquals(expected, codes);
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(5));
        p.api(p.agent()).get("/promo-codes/" + code + "/redemptions").then().body("total", equalTo(5));
    }

    @Test
    void concurrent_redemptions_of_one_reference_count_once() throws Exception {
        String code = createCode(Map.of());
        String service = p.service();
        List<Integer> codes = PricingPlatform.concurrently(10, i -> p.raw(service).contentType("application/json")
                .body(Map.of("reference", "same-quote")).post("/promo-codes/" + code + "/redemptions").statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 201), codes);
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(1));
    }

    @Test
    void redemptions_are_for_services_and_bad_ones_write_nothing() {
        String code = createCode(Map.of());
        long before = p.count("pricing.promo_redemptions");
        p.raw(p.agent()).contentType("application/json").body(Map.of("reference", "x")).post("/promo-codes/" + code + "/redemptions")
                .then().statusCode(403);
        p.raw(p.manager()).contentType("application/json").body(Map.of("reference", "x")).post("/promo-codes/" + code + "/redemptions")
                .then().statusCode(403);
        p.anonymous().contentType("application/json").body(Map.of("reference", "x")).post("/promo-codes/" + code + "/redemptions")
                .then().statusCode(401);
        p.raw(p.service()).contentType("application/json").body(Map.of("reference", "x")).post("/promo-codes/NO-SUCH-CODE/redemptions")
                .then().statusCode(404);
        for (String body : List.of("{", "{}", "{\"reference\":\"\"}", "{\"reference\":7}", "{\"reference\":\"" + "r".repeat(101) + "\"}",
                "{\"reference\":\"x\",\"trip_date\":\"someday\"}", "{\"reference\":\"x\",\"quote\":\"y\"}")) {
            p.raw(p.service()).contentType("application/json").body(body).post("/promo-codes/" + code + "/redemptions")
                    .then().statusCode(400);
        }
        p.raw(p.agent()).get("/promo-codes/NO-SUCH-CODE/redemptions").then().statusCode(404);
        assertEquals(before, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
    }
}
