package com.coachway.portals.downstream;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading the JSON the neighbours answer: their contracts are theirs, we read only the fields a
 * page needs and pass the rest on as it came. Records are read as maps, not JSON trees: a tree
 * would normalise 3000.00 to 3000, and money leaves here with its two decimals as it arrived.
 */
public final class Items {
    /** One JSON object as a neighbour answered it. */
    public static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };
    public static final JavaType RECORD_TYPE = Json.MAPPER.getTypeFactory().constructType(RECORD);

    private Items() {
    }

    /** The {@code items} of a list answer (empty when there are none). */
    public static List<Map<String, Object>> of(Map<String, Object> list) {
        var out = new ArrayList<Map<String, Object>>();
        if (list != null && list.get("items") instanceof List<?> items) {
            for (Object item : items) {
                Map<String, Object> record = record(item);
                if (record != null) out.add(record);
            }
        }
        return out;
    }

    /** A nested object, or null when it is absent or not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> record(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    public static String text(Map<String, Object> record, String field) {
        Object v = record == null ? null : record.get(field);
        return v instanceof String s ? s : null;
    }

    /** The list's {@code total}, or null when it gave none. */
    public static Integer total(Map<String, Object> list) {
        Object v = list == null ? null : list.get("total");
        return v instanceof Integer i ? i : v instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }

    public static BigDecimal money(Map<String, Object> record, String field) {
        Object v = record == null ? null : record.get(field);
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        return BigDecimal.ZERO;
    }

    /** A date-time field, or null when absent or not one. */
    public static OffsetDateTime time(Map<String, Object> record, String field) {
        String s = text(record, field);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
