package com.coachway.common.http;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonInputTest {
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal MILLION = new BigDecimal("1000000.00");

    private static JsonInput parse(String json) {
        return JsonInput.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldError> errors(JsonInput in) {
        return in.errors();
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    // ---- the body as a whole ----

    @ParameterizedTest
    @ValueSource(strings = {"{", "{'a':}", "{'a':1,}", "{a:1}", "{'a':1} {'b':2}", "{'a':1} x", "{'a': /* note */ 1}", "{'a':NaN}"})
    void malformed_json_is_a_400_saying_so(String body) {
        var e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(400, e.status());
        assertTrue(e.detail().startsWith("The request body is not valid JSON"), e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "'text'", "42", "null", "true", "   "})
    void a_body_that_is_not_a_json_object_is_a_400(String body) {
        var e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(400, e.status());
        assertEquals("The request body must be a JSON object", e.detail());
    }

    @Test
    void an_empty_body_is_a_400() {
        var e = assertThrows(ApiException.class, () -> JsonInput.parse(new byte[0]));
        assertEquals(400, e.status());
        assertEquals("The request body is empty; a JSON object is expected", e.detail());
        assertThrows(ApiException.class, () -> JsonInput.parse(null));
    }

    @Test
    void a_duplicate_key_is_a_400_rather_than_last_one_wins() {
        var e = assertThrows(ApiException.class, () -> parse("{'amount':1,'amount':1000}"));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("Duplicate field 'amount'"), e.detail());
    }

    @Test
    void every_mistake_is_collected_and_reported_in_one_400() {
        var in = parse("{'name':'','seats':'many','email':'nope'}");
        in.requiredString("name");
        in.requiredInt("seats");
        in.requiredEmail("email");
        in.requiredDate("date");

        var e = assertThrows(ApiException.class, in::validate);
        assertEquals(400, e.status());
        assertEquals(Problems.VALIDATION, e.type());
        assertEquals("4 fields are invalid", e.detail());
        assertEquals(Set.of(error("name", "must not be blank"),
                error("seats", "must be a whole number"), error("email", "must be an email address"),
                error("date", "is required")), Set.copyOf(e.errors()));
    }

    @Test
    void a_single_mistake_is_named_in_the_detail() {
        var in = parse("{}");
        in.requiredString("name");
        var e = assertThrows(ApiException.class, in::validate);
        assertEquals("name: is required", e.detail());
    }

    @Test
    void a_body_without_mistakes_validates() {
        var in = parse("{'name':'Ann'}");
        assertEquals("Ann", in.requiredString("name"));
        in.validate();
    }

    // ---- strings ----

    @Test
    void a_required_string_must_be_present_non_null_non_blank_text() {
        var in = parse("{'a':'  Ann  ','b':null,'c':'   ','d':5,'e':['x'],'f':{}}");
        assertEquals("Ann", in.requiredString("a"));
        assertNull(in.requiredString("b"));
        assertNull(in.requiredString("c"));
        assertNull(in.requiredString("d"));
        assertNull(in.requiredString("e"));
        assertNull(in.requiredString("f"));
        assertNull(in.requiredString("missing"));
        assertEquals(List.of(error("b", "is required"), error("c", "must not be blank"), error("d", "must be a string"),
                error("e", "must be a string"), error("f", "must be a string"), error("missing", "is required")), errors(in));
    }

    @Test
    void an_optional_string_may_be_absent_null_or_empty_but_not_another_type() {
        var in = parse("{'b':null,'c':'','d':true}");
        assertNull(in.optionalString("a"));
        assertNull(in.optionalString("b"));
        assertEquals("", in.optionalString("c"));
        assertNull(in.optionalString("d"));
        assertEquals(List.of(error("d", "must be a string")), errors(in));
    }

    @Test
    void a_string_with_a_nul_character_is_refused() {
        var in = parse("{'name':'Ann\\u0000Lee','note':'a\\u0000'}");
        assertNull(in.requiredString("name"));
        assertNull(in.optionalString("note"));
        assertEquals(List.of(error("name", "must not contain NUL characters"), error("note", "must not contain NUL characters")), errors(in));
    }

    @Test
    void emails_are_checked_after_the_string_rules() {
        var in = parse("{'e1':'ann@example.com','e2':'ann@','e3':'a b@example.com'}");
        assertEquals("ann@example.com", in.requiredEmail("e1"));
        assertNull(in.requiredEmail("e2"));
        assertNull(in.optionalEmail("e3"));
        assertNull(in.optionalEmail("absent"));
        assertEquals(List.of(error("e2", "must be an email address"), error("e3", "must be an email address")), errors(in));
    }

    // ---- numbers ----

    @Test
    // bounds are the contract's (minimum/maximum)
    void a_whole_number_must_be_integral_and_in_int_range() {
        var in = parse("{'a':5,'b':5.5,'c':'5','d':2147483648,'e':61,'f':0,'g':5.0}");
        assertEquals(5, in.requiredInt("a"));
        assertNull(in.requiredInt("b"));
        assertNull(in.requiredInt("c"));
        assertNull(in.requiredInt("d"));
        assertEquals(61, in.requiredInt("e"));
        assertEquals(0, in.optionalInt("f"));
        assertNull(in.optionalInt("g"));
        assertNull(in.optionalInt("absent"));
        assertEquals(List.of(error("b", "must be a whole number"), error("c", "must be a whole number"),
                error("d", "must be a whole number"), error("g", "must be a whole number")), errors(in));
    }

    @Test
    void a_decimal_keeps_its_exact_value_at_the_requested_scale() {
        var in = parse("{'a':12.5,'b':100,'c':1e2,'d':0.10,'e':999999.990}");
        assertEquals(new BigDecimal("12.50"), in.requiredDecimal("a", 2));
        assertEquals(new BigDecimal("100.00"), in.requiredDecimal("b", 2));
        assertEquals(new BigDecimal("100.00"), in.requiredDecimal("c", 2));
        assertEquals(new BigDecimal("0.10"), in.requiredDecimal("d", 2));
        assertEquals(new BigDecimal("999999.99"), in.optionalDecimal("e", 2));
        in.validate();
    }

    @Test
    // ranges are the contract's (minimum/maximum), checked before a handler reads the body
    void a_decimal_with_too_many_places_or_not_a_number_is_refused() {
        var in = parse("{'a':12.345,'d':'12.50','f':true}");
        assertNull(in.requiredDecimal("a", 2));
        assertNull(in.requiredDecimal("d", 2));
        assertNull(in.optionalDecimal("f", 2));
        assertNull(in.requiredDecimal("absent", 2));
        assertEquals(List.of(error("a", "must have at most 2 decimal places"),
                error("d", "must be a number"), error("f", "must be a number"), error("absent", "is required")), errors(in));
    }

    // ---- booleans, ids, times ----

    @Test
    void booleans_uuids_dates_and_date_times_must_have_their_json_shape() {
        UUID id = UUID.randomUUID();
        var in = parse("{'b1':true,'b2':'true','u1':'" + id + "','u2':'1-1-1-1-1','u3':42,"
                + "'t1':'2026-05-01T08:30:00-04:00','t2':'2026-05-01T08:30:00','d1':'2026-05-01','d2':'2026-02-30','d3':'05/01/2026'}");
        assertEquals(true, in.requiredBool("b1"));
        assertNull(in.optionalBool("b2"));
        assertEquals(id, in.requiredUuid("u1"));
        assertNull(in.requiredUuid("u2"));
        assertNull(in.optionalUuid("u3"));
        assertEquals(OffsetDateTime.parse("2026-05-01T08:30:00-04:00"), in.requiredDateTime("t1"));
        assertNull(in.optionalDateTime("t2"));
        assertEquals(LocalDate.of(2026, 5, 1), in.requiredDate("d1"));
        assertNull(in.requiredDate("d2"));
        assertNull(in.optionalDate("d3"));
        assertEquals(List.of(error("b2", "must be true or false"), error("u2", "must be a UUID"), error("u3", "must be a UUID"),
                error("t2", "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00-04:00"),
                error("d2", "must be a date, YYYY-MM-DD"), error("d3", "must be a date, YYYY-MM-DD")), errors(in));
    }

    // ---- lists and nested objects ----

    @Test
    void a_string_list_refuses_blank_repeated_and_non_string_items_naming_each_by_index() {
        // sizes and lengths are the contract's (maxItems/maxLength)
        var in = parse("{'tags':['wifi','',7,'wifi','restrooms']}");
        assertEquals(List.of("wifi", "restrooms"), in.requiredStringList("tags"));
        assertEquals(List.of(error("tags[1]", "must be a non-blank string"), error("tags[2]", "must be a non-blank string"),
                error("tags[3]", "is repeated")), errors(in));
    }

    @Test
    void fields_of_objects_in_a_list_are_named_like_stops_1_address() {
        var in = parse("{'stops':[{'address':'1 Main St'},{'address':''},'not an object',{'location':{'lat':'north'}}]}");
        List<JsonInput> stops = in.requiredObjectList("stops");
        assertEquals(3, stops.size());
        for (JsonInput stop : stops) {
            if (stop.has("location")) stop.requiredObject("location").requiredDecimal("lat", 6);
            else stop.requiredString("address");
        }
        assertEquals(List.of(error("stops[2]", "must be an object"), error("stops[1].address", "must not be blank"),
                error("stops[3].location.lat", "must be a number")), errors(in));
    }

    @Test
    // its size is the contract's (minItems/maxItems)
    void an_object_list_must_be_an_array() {
        var in = parse("{'a':[],'b':{},'c':[{},{},{}]}");
        assertEquals(0, in.requiredObjectList("a").size());
        assertNull(in.requiredObjectList("b"));
        assertEquals(3, in.requiredObjectList("c").size());
        assertNull(in.requiredObjectList("d"));
        assertEquals(List.of(error("b", "must be an array of objects"), error("d", "is required")), errors(in));
    }

    @Test
    void a_nested_object_must_be_an_object_and_an_optional_one_may_be_null() {
        var in = parse("{'a':'x','b':null}");
        assertNull(in.requiredObject("a"));
        assertNull(in.optionalObject("b"));
        assertNull(in.optionalObject("c"));
        assertTrue(in.isNull("b"));
        assertEquals(List.of(error("a", "must be an object")), errors(in));
    }

    // ---- the readers without limits (the contract states them) ----

    @Test
    void without_limits_a_reader_still_checks_type_blankness_and_nul() {
        var in = parse("{'name':'  Ann  ','blank':'  ','nul':'a\\u0000b','count':3,'big':9999999999,'price':12.5,"
                + "'tags':['a','a'],'stops':[{'n':1}],'long':'" + "x".repeat(100_000) + "'}");
        assertEquals("Ann", in.requiredString("name"));
        assertNull(in.requiredString("blank"));
        assertNull(in.optionalString("nul"));
        assertEquals(100_000, in.optionalString("long").length());
        assertEquals(3, in.requiredInt("count"));
        assertNull(in.optionalInt("big"));
        assertEquals(new BigDecimal("12.50"), in.requiredDecimal("price", 2));
        assertEquals(List.of("a"), in.requiredStringList("tags"));
        assertEquals(1, in.requiredObjectList("stops").size());
        assertEquals(List.of("blank", "nul", "big", "tags[1]"), errors(in).stream().map(FieldError::field).toList());
    }

    @Test
    void a_decimal_with_more_places_than_it_keeps_is_refused_even_without_limits() {
        var in = parse("{'amount':1.005}");
        assertNull(in.requiredDecimal("amount", 2));
        assertEquals(List.of(error("amount", "must have at most 2 decimal places")), errors(in));
    }

    @Test
    void a_measurement_is_a_double_at_any_precision_and_a_number_past_doubles_is_refused() {
        var in = parse("{'lat':40.712812345678901234,'lon':-74,'speed':'fast','far':1e400,'none':null}");
        assertEquals(40.712812345678901234, in.requiredDouble("lat"), 0);
        assertEquals(-74.0, in.requiredDouble("lon"), 0);
        assertNull(in.optionalDouble("none"));
        assertNull(in.optionalDouble("absent"));
        assertNull(in.requiredDouble("speed"));
        assertNull(in.requiredDouble("far"));
        assertNull(in.requiredDouble("missing"));
        assertEquals(List.of(error("speed", "must be a number"), error("far", "must be a number"), error("missing", "is required")),
                errors(in));
    }
}
