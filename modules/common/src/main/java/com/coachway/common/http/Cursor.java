package com.coachway.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where a keyset page starts: the order it was issued for and the sort keys of the last row
 * before it, the row's id last. Callers treat it as opaque; it is base64url without padding of
 * {@code {"o":"<order>","k":["<key>",…]}}, keys as text (ISO-8601 for times, canonical UUIDs).
 * scripts/bench/booking.sh builds one in SQL, so that script follows this format too.
 */
public record Cursor(String order, List<String> keys) {
    /** Far above any real cursor; a longer {@code after} is garbage, not worth decoding. */
    public static final int MAX_LENGTH = 1_000;
    private static final int MAX_KEYS = 8;

    public Cursor {
        keys = List.copyOf(keys);
    }

    public String encode() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("o", order);
        keys.forEach(json.putArray("k")::add);
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor this text encodes; empty for anything {@link #encode} could not have written. */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) return Optional.empty();
        try {
            JsonNode json = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(text));
            if (json == null || !json.isObject() || json.size() != 2) return Optional.empty();
            JsonNode order = json.get("o");
            JsonNode keys = json.get("k");
            if (order == null || !order.isTextual() || keys == null || !keys.isArray()
                    || keys.isEmpty() || keys.size() > MAX_KEYS) return Optional.empty();
            var values = new ArrayList<String>();
            for (JsonNode k : keys) {
                if (!k.isTextual()) return Optional.empty();
                values.add(k.asText());
            }
            return Optional.of(new Cursor(order.asText(), values));
        } catch (IllegalArgumentException | java.io.IOException e) {
            // not base64url, or not JSON
            return Optional.empty();
        }
    }
}
