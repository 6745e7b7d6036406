package com.coachway.portals.downstream;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reading the JSON the neighbours answer: their contracts are theirs, we read only the fields a page needs. */
public final class Items {
    private Items() {
    }

    /** The {@code items} of a list answer (empty when there are none). */
    public static List<JsonNode> of(JsonNode list) {
        var out = new ArrayList<JsonNode>();
        if (list != null) list.path("items").forEach(out::add);
        return out;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** The list's {@code total}, or null when it gave none. */
    public static Integer total(JsonNode list) {
        JsonNode v = list == null ? null : list.get("total");
        return v != null && v.canConvertToInt() ? v.intValue() : null;
    }

    public static BigDecimal money(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.decimalValue() : BigDecimal.ZERO;
    }

    /** A date-time field, or null when absent or not one. */
    public static OffsetDateTime time(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
