package com.coachway.common.http;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CursorTest {
    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_cursor_decodes_to_what_was_encoded() {
        var cursor = new Cursor("charters:pickup_at", List.of("2027-01-01T13:00Z", "0190a5c4-3b1e-7c2d-8e4f-5a6b7c8d9e0f"));

        assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()));
    }

    @Test
    void the_text_is_url_safe_base64_without_padding_so_it_needs_no_escaping_in_a_query() {
        // "?>" and "~" encode to '+' and '/' in plain base64
        String text = new Cursor("a?>~", List.of("ü?>", "~~~")).encode();

        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    }

    @Test
    void the_format_is_base64url_of_a_small_json_object_as_the_bench_script_builds_it_in_sql() {
        // what booking.sh's psql writes: jsonb text (spaces, keys in its own order) through encode(…, 'base64')
        String fromSql = b64("{\"k\": [\"2027-01-01T13:00:00+00:00\", \"0190a5c4-3b1e-7c2d-8e4f-5a6b7c8d9e0f\"], \"o\": \"charters:pickup_at\"}");

        assertEquals(Optional.of(new Cursor("charters:pickup_at", List.of("2027-01-01T13:00:00+00:00", "0190a5c4-3b1e-7c2d-8e4f-5a6b7c8d9e0f"))),
                Cursor.decode(fromSql));
        assertEquals(Cursor.decode(fromSql), Cursor.decode(fromSql + "=="), "padding is accepted too");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not a cursor", "%%%", "eyJ", "e30", // "{}"
    })
    void text_that_is_not_base64url_json_is_no_cursor(String text) {
        assertEquals(Optional.empty(), Cursor.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[\"charters\", [\"x\"]]",
            "{\"o\": \"charters\"}",
            "{\"k\": [\"x\"]}",
            "{\"o\": \"charters\", \"k\": []}",
            "{\"o\": \"charters\", \"k\": \"x\"}",
            "{\"o\": 7, \"k\": [\"x\"]}",
            "{\"o\": \"charters\", \"k\": [1]}",
            "{\"o\": \"charters\", \"k\": [null]}",
            "{\"o\": \"charters\", \"k\": [\"x\"], \"extra\": 1}",
            "{\"o\": \"charters\", \"k\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]}",
            "{\"o\": \"charters\", \"k\": [\"x\"]} trailing",
            "{\"o\": \"charters\", \"o\": \"quotes\", \"k\": [\"x\"]}",
    })
    void json_that_is_not_the_cursor_shape_is_no_cursor(String json) {
        assertEquals(Optional.empty(), Cursor.decode(b64(json)));
    }

    @Test
    void a_text_longer_than_any_cursor_is_not_decoded() {
        String longKey = "x".repeat(Cursor.MAX_LENGTH);

        assertEquals(Optional.empty(), Cursor.decode(new Cursor("charters", List.of(longKey)).encode()));
    }
}
