package com.coachway.common.http.contract;

import com.coachway.common.http.FieldError;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractTest {
    static final Contract CONTRACT = load();

    static Contract load() {
        try (InputStream in = ContractTest.class.getResourceAsStream("/openapi.yaml")) {
            return Contract.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> body(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            var out = new LinkedHashMap<String, String>();
            for (FieldError e : CONTRACT.operation("POST", "/things").orElseThrow().checkBody(node)) out.put(e.field(), e.message());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(Map<String, String> query) {
        var out = new LinkedHashMap<String, String>();
        var op = CONTRACT.operation("GET", "/things").orElseThrow();
        for (FieldError e : op.checkParameters(Operation.values(n -> null, query::get, n -> null))) out.put(e.field(), e.message());
        return out;
    }

    private static final String STOPS = "\"stops\":[{\"sequence\":1,\"address\":\"Main St\"}]";

    @Test
    void a_valid_body_has_no_findings() {
        assertEquals(Map.of(), body("{\"name\":\"Ann\"," + STOPS + ",\"contact_id\":null,\"price\":19.99,\"day\":\"2027-02-28\","
                + "\"email\":\"ann@example.com\",\"tags\":[\"a\",\"b\"],\"note\":null,\"status\":\"open\",\"count\":20}"));
    }

    @Test
    void missing_and_unknown_fields_are_named() {
        var found = body("{\"nmae\":\"Ann\"}");
        assertEquals("is required", found.get("name"));
        assertEquals("is required", found.get("stops"));
        assertEquals("is not a known field", found.get("nmae"));
    }

    @Test
    void null_is_refused_unless_the_field_is_nullable() {
        var found = body("{\"name\":null," + STOPS + ",\"count\":null,\"status\":null,\"tags\":null,\"contact_id\":null,\"note\":null}");
        assertEquals(java.util.Set.of("name", "count", "status", "tags"), found.keySet(), found::toString);
        assertEquals("must not be null", found.get("name"));
    }

    @Test
    void nested_fields_are_named_as_the_handlers_did() {
        var found = body("{\"name\":\"Ann\",\"stops\":[{\"sequence\":1,\"address\":\"Main St\"},{\"sequence\":0,\"extra\":1,\"at\":\"tomorrow\"}]}");
        assertEquals("is required", found.get("stops[1].address"));
        assertEquals("must be at least 1", found.get("stops[1].sequence"));
        assertEquals("is not a known field", found.get("stops[1].extra"));
        assertTrue(found.get("stops[1].at").startsWith("must be an ISO-8601 date-time"), found::toString);
    }

    @Test
    void limits_types_and_formats_are_the_contracts() {
        var found = body("{\"name\":\"far too long a name\"," + STOPS + ",\"email\":\"nobody\",\"contact_id\":\"not-a-uuid\","
                + "\"day\":\"2027-02-29\",\"status\":\"gone\",\"price\":1.001,\"count\":\"3\",\"tags\":[\"a\",\"a\"]}");
        assertEquals("must be at most 10 characters", found.get("name"));
        assertEquals("must be an email address", found.get("email"));
        assertEquals("must be a UUID", found.get("contact_id"));
        assertEquals("must be a date, YYYY-MM-DD", found.get("day"));
        assertEquals("must be one of open, closed", found.get("status"));
        assertEquals("must have at most 2 decimal places", found.get("price"));
        assertEquals("must be a whole number", found.get("count"));
        assertEquals("must not repeat an item", found.get("tags"));
    }

    @Test
    void a_length_counts_characters_not_utf16_units() {
        // ten buses are twenty UTF-16 units: still within "name"'s maxLength of 10
        assertEquals(Map.of(), body("{\"name\":\"🚌🚌🚌🚌🚌🚌🚌🚌🚌🚌\"," + STOPS + "}"));
        assertEquals("must be at most 10 characters", body("{\"name\":\"🚌🚌🚌🚌🚌🚌🚌🚌🚌🚌🚌\"," + STOPS + "}").get("name"));
    }

    @Test
    void a_date_past_the_four_digit_years_is_not_a_date() {
        assertEquals("must be a date, YYYY-MM-DD", body("{\"name\":\"Ann\"," + STOPS + ",\"day\":\"10000-01-01\"}").get("day"));
        assertEquals("must be a date, YYYY-MM-DD", body("{\"name\":\"Ann\"," + STOPS + ",\"day\":\"+999999999-12-31\"}").get("day"));
    }

    @Test
    void huge_numbers_are_out_of_range_not_an_error() {
        assertEquals("must be at most 20", body("{\"name\":\"Ann\"," + STOPS + ",\"count\":99999999999999999999999999}").get("count"));
        assertTrue(body("{\"name\":\"Ann\"," + STOPS + ",\"price\":1e400}").containsKey("price"));
        assertTrue(body("{\"name\":\"Ann\",\"stops\":[{\"sequence\":1,\"address\":\"A\",\"cost\":-1e400}],\"price\":1e400}").containsKey("price"));
    }

    @Test
    void a_number_past_doubles_in_a_multiple_of_field_is_named_not_a_crash() {
        // 1e400 written out plainly is a JSON integer: networknt's multipleOf takes it through a double
        String huge = "1" + "0".repeat(400);
        assertEquals("is far out of range", body("{\"name\":\"Ann\"," + STOPS + ",\"price\":" + huge + "}").get("price"));
        assertEquals("is far out of range", body("{\"name\":\"Ann\"," + STOPS + ",\"price\":-" + huge + "}").get("price"));
    }

    @Test
    void query_parameters_are_read_as_the_type_their_schema_says() {
        assertEquals(Map.of(), query(Map.of("limit", "200", "active", "true", "status", "open", "day", "2027-01-31",
                "client_id", "0b6f3c1e-7d4a-4c36-9a53-3f3b0d8c0d11")));
        var found = query(Map.of("limit", "201", "active", "maybe", "status", "gone", "day", "2027-13-45", "client_id", "1-1-1-1-1"));
        assertEquals("must be at most 200", found.get("limit"));
        assertEquals("must be true or false", found.get("active"));
        assertEquals("must be one of open, closed", found.get("status"));
        assertEquals("must be a date, YYYY-MM-DD", found.get("day"));
        assertEquals("must be a UUID", found.get("client_id"));
        assertEquals("must be a whole number", query(Map.of("limit", "1e400")).get("limit"));
        assertEquals("must be at most 200", query(Map.of("limit", "99999999999999999999")).get("limit"));
    }

    @Test
    void an_empty_query_value_is_absent() {
        assertEquals(Map.of(), query(Map.of("limit", "", "active", "")));
    }

    @Test
    void operations_are_found_by_method_and_path_template() {
        assertTrue(CONTRACT.operation("post", "/things/{id}").isPresent());
        assertTrue(CONTRACT.operation("DELETE", "/things/{id}").isEmpty());
        assertEquals(List.of("PATCH /things"), RequestValidator.notInContract(CONTRACT, List.of("GET /things", "PATCH /things")));
    }
}
