package com.coachway.charter.charters;

import com.coachway.common.http.FieldError;
import com.coachway.common.http.Json;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.contract.Contract;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A charter body as the service reads it: first its contract (openapi.yaml, checked at run time
 * before the handler: types, limits, unknown fields), then, when that passes, CharterInput.
 */
class CharterInputTest {
    static final Contract CONTRACT = contract();
    static final String STOPS = "\"stops\":[{\"sequence\":1,\"address\":\"A\"},{\"sequence\":2,\"address\":\"B\"}]";
    static final String BASE = "\"client_id\":\"0190a1b2-0000-7000-8000-000000000001\",\"trip_type\":\"one_way\","
            + "\"passenger_count\":10,\"pickup_at\":\"2026-06-01T08:00:00-04:00\",\"return_at\":\"2026-06-01T18:00:00-04:00\","
            + STOPS + ",\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}]";

    static JsonInput json(String body) {
        return JsonInput.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    static Contract contract() {
        try (var yaml = CharterInputTest.class.getResourceAsStream("/openapi.yaml")) {
            return Contract.parse(yaml.readAllBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields refused: by the contract if it refuses any (the handler never runs then), else by the reader. */
    static List<String> errors(String method, String path, String body, Consumer<JsonInput> read) {
        try {
            var refused = CONTRACT.operation(method, path).orElseThrow().checkBody(Json.MAPPER.readTree(body));
            if (!refused.isEmpty()) return refused.stream().map(FieldError::field).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var in = json(body);
        read.accept(in);
        return in.errors().stream().map(FieldError::field).toList();
    }

    static List<String> createErrors(String body) {
        return errors("POST", "/charters", body, CharterInput::readCreate);
    }

    static List<String> patchErrors(String body) {
        return errors("PATCH", "/charters/{id}", body, CharterInput::readPatch);
    }

    @Test
    void a_complete_body_reads_without_errors() {
        var in = json("{" + BASE + ",\"amenities\":[\"wifi\"],\"miles\":120,\"notes\":\"school trip\"}");
        var f = CharterInput.readCreate(in);
        assertEquals(List.of(), in.errors());
        assertEquals(2, f.stops().size());
        assertEquals(List.of("wifi"), f.amenities());
        assertEquals(120, f.miles());
    }

    @Test
    void amenities_default_to_none() {
        var in = json("{" + BASE + "}");
        assertEquals(List.of(), CharterInput.readCreate(in).amenities());
    }

    @Test
    void every_missing_required_field_is_named_at_once() {
        assertEquals(List.of("client_id", "trip_type", "passenger_count", "pickup_at", "stops", "vehicles"), createErrors("{}"));
    }

    @Test
    void wrong_types_and_unknown_fields_are_named() {
        assertTrue(createErrors("{" + BASE + ",\"colour\":\"red\"}").contains("colour"));
        assertEquals(List.of("passenger_count"), createErrors("{" + BASE.replace("\"passenger_count\":10", "\"passenger_count\":\"ten\"") + "}"));
        assertEquals(List.of("trip_type"), createErrors("{" + BASE.replace("one_way", "teleport") + "}"));
        assertEquals(List.of("pickup_at"), createErrors("{" + BASE.replace("2026-06-01T08:00:00-04:00", "tomorrow") + "}"));
        assertEquals(List.of("pickup_at"), createErrors("{" + BASE.replace("2026-06-01T08:00:00-04:00", "3026-06-01T08:00:00Z") + "}"));
        assertEquals(List.of("miles"), createErrors("{" + BASE + ",\"miles\":-1}"));
        assertEquals(List.of("amenities[0]"), createErrors("{" + BASE + ",\"amenities\":[\"Wi Fi\"]}"));
    }

    @Test
    void stop_and_vehicle_items_are_checked_one_by_one() {
        assertEquals(List.of("stops[1].depart", "stops[1].address"),
                createErrors("{" + BASE.replace("{\"sequence\":2,\"address\":\"B\"}", "{\"sequence\":2,\"depart\":\"x\"}") + "}"));
        assertEquals(List.of("vehicles[0].quantity"), createErrors("{" + BASE.replace("\"quantity\":1", "\"quantity\":0") + "}"));
        assertEquals(List.of("vehicles[0].vehicle_type"), createErrors("{" + BASE.replace("coach_56", "Coach 56") + "}"));
        assertEquals(List.of("vehicles"), createErrors("{" + BASE.replace("[{\"vehicle_type\":\"coach_56\",\"quantity\":1}]", "[]") + "}"));
        assertEquals(List.of("stops"), createErrors("{" + BASE.replace(STOPS, "\"stops\":{}") + "}"));
    }

    @Test
    void gps_coordinates_are_rounded_to_six_decimals() {
        var in = json("{" + BASE.replace("{\"sequence\":1,\"address\":\"A\"}",
                "{\"sequence\":1,\"address\":\"A\",\"lat\":40.712775812,\"lon\":-74.005973}") + "}");
        var f = CharterInput.readCreate(in);
        assertEquals(List.of(), in.errors());
        assertEquals(new BigDecimal("40.712776"), f.stops().getFirst().lat());
        assertEquals(new BigDecimal("-74.005973"), f.stops().getFirst().lon());
    }

    @Test
    void a_patch_reads_only_what_it_names_and_needs_the_version() {
        var in = json("{\"version\":3,\"notes\":null,\"miles\":200}");
        var f = CharterInput.readPatch(in);
        assertEquals(List.of(), in.errors());
        assertEquals(3, f.version());
        assertTrue(f.has("notes"));
        assertNull(f.notes());
        assertTrue(f.has("miles"));
        assertTrue(!f.has("stops") && f.stops() == null);

        assertEquals(List.of("version"), patchErrors("{\"notes\":\"x\"}"));

        assertEquals(List.of("client_id"), patchErrors("{\"version\":1,\"client_id\":\"0190a1b2-0000-7000-8000-000000000001\"}"));
    }
}
