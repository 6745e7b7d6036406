package com.coachway.pricing;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.coachway.pricing.PricingPlatform.money;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
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

    static Stream<Arguments> invalidCodes() {
        String ok = "\"discount_type\":\"percent\",\"discount_value\":10";
        return Stream.of(
                argumentSet("malformed JSON", "{", null),
                argumentSet("a code too short", "{\"code\":\"ab\"," + ok + "}", "code"),
                argumentSet("a code with a space", "{\"code\":\"has space\"," + ok + "}", "code"),
                argumentSet("a percent over 100", "{\"code\":\"GOODCODE1\",\"discount_type\":\"percent\",\"discount_value\":101}", "discount_value"),
                argumentSet("a zero discount", "{\"code\":\"GOODCODE1\",\"discount_type\":\"percent\",\"discount_value\":0}", "discount_value"),
                argumentSet("an unknown discount type", "{\"code\":\"GOODCODE1\",\"discount_type\":\"bogo\",\"discount_value\":10}", "discount_type"),
                argumentSet("a fraction of a cent", "{\"code\":\"GOODCODE1\",\"discount_type\":\"fixed\",\"discount_value\":10.001}", "discount_value"),
                argumentSet("an end before the start", "{\"code\":\"GOODCODE1\"," + ok + ",\"valid_from\":\"2026-06-01\",\"valid_to\":\"2026-05-31\"}", "valid_to"),
                argumentSet("zero max uses", "{\"code\":\"GOODCODE1\"," + ok + ",\"max_uses\":0}", "max_uses"),
                argumentSet("a negative minimum", "{\"code\":\"GOODCODE1\"," + ok + ",\"min_subtotal\":-5}", "min_subtotal"),
                argumentSet("active as a string", "{\"code\":\"GOODCODE1\"," + ok + ",\"active\":\"yes\"}", "active"),
                argumentSet("an unknown field", "{\"code\":\"GOODCODE1\"," + ok + ",\"stackable\":true}", "stackable"),
                argumentSet("no discount", "{\"code\":\"GOODCODE1\"}", "discount_type"));
    }

    @ParameterizedTest
    @MethodSource("invalidCodes")
    void invalid_codes_are_400_with_field_errors_and_write_nothing(String body, String field) {
        long before = p.count("pricing.promo_codes");
        var then = p.raw(p.manager()).contentType("application/json").body(body).post("/promo-codes").then()
                .statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
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

    /** Codes made once for the cases below: June 2026 with a 1000.00 minimum, inactive, used up. */
    private String dated;
    private String inactive;
    private String usedUp;

    private synchronized void createValidationCodes() {
        if (dated != null) return;
        dated = createCode(Map.of("valid_from", "2026-06-01", "valid_to", "2026-06-30", "min_subtotal", money("1000.00")));
        inactive = createCode(Map.of("active", false));
        usedUp = createCode(Map.of("max_uses", 1));
        redeem(usedUp, "only-one").then().statusCode(201);
    }

    Stream<Arguments> codesThatDoNotApply() {
        createValidationCodes();
        return Stream.of(
                argumentSet("an unknown code", "NO-SUCH-CODE", "2000.00", "2026-06-15", "unknown"),
                argumentSet("not a code at all", "not a code!", "2000.00", "2026-06-15", "unknown"),
                argumentSet("before its first day", dated, "2000.00", "2026-05-31", "not_yet_valid"),
                argumentSet("after its last day", dated, "2000.00", "2026-07-01", "expired"),
                argumentSet("below its minimum", dated, "999.99", "2026-06-15", "below_min_subtotal"),
                argumentSet("inactive", inactive, "2000.00", "2026-06-15", "inactive"),
                argumentSet("used up", usedUp, "2000.00", "2026-06-15", "used_up"));
    }

    @ParameterizedTest
    @MethodSource("codesThatDoNotApply")
    void validate_answers_200_with_the_reason_for_a_code_that_does_not_apply(String code, String subtotal, String tripDate, String reason) {
        validate(code, subtotal, tripDate).then().statusCode(200)
                .body("valid", equalTo(false)).body("reason", equalTo(reason)).body("discount", equalTo(money("0.00")));
    }

    @Test
    void validate_applies_a_code_on_its_last_day_at_its_minimum() {
        createValidationCodes();
        validate(dated, "1000.00", "2026-06-30").then().body("valid", equalTo(true)).body("discount", equalTo(money("100.00")));
    }

    static Stream<Arguments> malformedValidations() {
        return Stream.of(
                argumentSet("malformed JSON", "{"),
                argumentSet("no trip date", "{\"code\":\"X\",\"subtotal\":10}"),
                argumentSet("a subtotal in words", "{\"code\":\"ABC\",\"subtotal\":\"ten\",\"trip_date\":\"2026-05-01\"}"),
                argumentSet("a negative subtotal", "{\"code\":\"ABC\",\"subtotal\":-1,\"trip_date\":\"2026-05-01\"}"),
                argumentSet("a trip date in words", "{\"code\":\"ABC\",\"subtotal\":1,\"trip_date\":\"May 1\"}"),
                argumentSet("an unknown field", "{\"code\":\"ABC\",\"subtotal\":1,\"trip_date\":\"2026-05-01\",\"client\":\"x\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedValidations")
    void malformed_validate_requests_are_400(String body) {
        p.raw(p.agent()).contentType("application/json").body(body).post("/promo-codes/validate").then().statusCode(400);
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
    void redemptions_are_for_services() {
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
        p.raw(p.agent()).get("/promo-codes/NO-SUCH-CODE/redemptions").then().statusCode(404);
        assertEquals(before, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
    }

    static Stream<Arguments> malformedRedemptions() {
        return Stream.of(
                argumentSet("malformed JSON", "{"),
                argumentSet("no reference", "{}"),
                argumentSet("an empty reference", "{\"reference\":\"\"}"),
                argumentSet("a numeric reference", "{\"reference\":7}"),
                argumentSet("a reference too long", "{\"reference\":\"" + "r".repeat(101) + "\"}"),
                argumentSet("a trip date in words", "{\"reference\":\"x\",\"trip_date\":\"someday\"}"),
                argumentSet("an unknown field", "{\"reference\":\"x\",\"quote\":\"y\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedRedemptions")
    void a_malformed_redemption_is_400_and_counts_nothing(String body) {
        String code = createCode(Map.of());
        long before = p.count("pricing.promo_redemptions");
        p.raw(p.service()).contentType("application/json").body(body).post("/promo-codes/" + code + "/redemptions")
                .then().statusCode(400);
        assertEquals(before, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("uses", equalTo(0));
    }

    // ---- a code is matched exactly as stored (upper-cased, never trimmed) ----

    static Stream<Arguments> spellingsThatAreNotTheCode() {
        return Stream.of(
                argumentSet("a trailing space", (UnaryOperator<String>) c -> c + "%20"),
                argumentSet("a leading space", (UnaryOperator<String>) c -> "%20" + c),
                argumentSet("lower case with a trailing space", (UnaryOperator<String>) c -> c.toLowerCase() + "%20"),
                argumentSet("two trailing spaces", (UnaryOperator<String>) c -> c + "%20%20"),
                argumentSet("a trailing plus", (UnaryOperator<String>) c -> c + "+"));
    }

    @ParameterizedTest
    @MethodSource("spellingsThatAreNotTheCode")
    void a_code_named_with_anything_around_it_is_404_everywhere_and_nothing_is_written(UnaryOperator<String> spelling) {
        String code = createCode(Map.of("max_uses", 5));
        redeem(code, "counted").then().statusCode(201);
        long redemptions = p.count("pricing.promo_redemptions");
        String path = "/promo-codes/" + spelling.apply(code);
        String service = p.service();

        p.raw(p.agent()).urlEncodingEnabled(false).get(path).then().statusCode(404).contentType("application/problem+json");
        p.raw(p.manager()).urlEncodingEnabled(false).contentType("application/json").body(Map.of("version", 1, "active", false))
                .patch(path).then().statusCode(404);
        p.raw(service).urlEncodingEnabled(false).contentType("application/json").body(Map.of("reference", "not-counted"))
                .post(path + "/redemptions").then().statusCode(404);
        p.raw(p.agent()).urlEncodingEnabled(false).get(path + "/redemptions").then().statusCode(404);
        p.raw(service).urlEncodingEnabled(false).delete(path + "/redemptions/counted").then().statusCode(404);

        assertEquals(redemptions, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().statusCode(200)
                .body("uses", equalTo(1)).body("version", equalTo(1)).body("active", equalTo(true));
        p.api(p.agent()).get("/promo-codes/" + code + "/redemptions").then().body("items.reference", equalTo(List.of("counted")));
    }

    @Test
    void a_code_in_any_case_is_the_code() {
        String code = createCode(Map.of());
        p.api(p.agent()).get("/promo-codes/" + code.toLowerCase()).then().statusCode(200).body("code", equalTo(code));
        redeem(code.toLowerCase(), "lower").then().statusCode(201).body("code", equalTo(code)).body("uses", equalTo(1));
    }

    // ---- dates a business could mean: 2000-01-01 to 2100-12-31 ----

    private static final String BOUND = "must be a date from 2000-01-01 to 2100-12-31";

    static Stream<Arguments> datesNoBusinessMeans() {
        return Stream.of(
                // a five-digit year is no RFC 3339 date: the contract refuses it before the business bound
                argumentSet("year 10000", "+10000-01-01", "must be a date, YYYY-MM-DD"),
                argumentSet("9999-12-31", "9999-12-31", BOUND),
                argumentSet("the day after 2100", "2101-01-01", BOUND),
                argumentSet("the day before 2000", "1999-12-31", BOUND),
                argumentSet("year 1", "0001-01-01", BOUND));
    }

    @ParameterizedTest
    @MethodSource("datesNoBusinessMeans")
    void a_promo_date_outside_2000_to_2100_is_400_naming_the_field_and_writes_nothing(String date, String message) {
        String code = createCode(Map.of());
        long codes = p.count("pricing.promo_codes");
        long redemptions = p.count("pricing.promo_redemptions");
        for (String field : List.of("valid_from", "valid_to")) {
            var body = new HashMap<String, Object>(Map.of("code", unique("far"), "discount_type", "percent", "discount_value", money("10")));
            body.put(field, date);
            p.raw(p.manager()).contentType("application/json").body(body).post("/promo-codes").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of(field)))
                    .body("errors[0].message", equalTo(message));
            p.raw(p.manager()).contentType("application/json").body(Map.of("version", 1, field, date))
                    .patch("/promo-codes/" + code).then().statusCode(400).body("errors.field", equalTo(List.of(field)));
        }
        p.raw(p.agent()).contentType("application/json").body(Map.of("code", code, "subtotal", money("100.00"), "trip_date", date))
                .post("/promo-codes/validate").then().statusCode(400).body("errors.field", equalTo(List.of("trip_date")));
        p.raw(p.service()).contentType("application/json").body(Map.of("reference", "far-away", "trip_date", date))
                .post("/promo-codes/" + code + "/redemptions").then().statusCode(400).body("errors.field", equalTo(List.of("trip_date")));

        assertEquals(codes, p.count("pricing.promo_codes"));
        assertEquals(redemptions, p.count("pricing.promo_redemptions"));
        p.api(p.agent()).get("/promo-codes/" + code).then().body("version", equalTo(1)).body("uses", equalTo(0))
                .body("valid_from", nullValue()).body("valid_to", nullValue());
    }

    @Test
    void the_first_and_last_business_dates_are_accepted_and_echoed_as_written() {
        String code = createCode(Map.of("valid_from", "2000-01-01", "valid_to", "2100-12-31"));
        p.api(p.agent()).get("/promo-codes/" + code).then().statusCode(200)
                .body("valid_from", equalTo("2000-01-01")).body("valid_to", equalTo("2100-12-31"));
        validate(code, "100.00", "2100-12-31").then().statusCode(200).body("valid", equalTo(true));
        p.api(p.service()).contentType("application/json").body(Map.of("reference", "first-day", "trip_date", "2000-01-01"))
                .post("/promo-codes/" + code + "/redemptions").then().statusCode(201).body("uses", equalTo(1));
    }
}
