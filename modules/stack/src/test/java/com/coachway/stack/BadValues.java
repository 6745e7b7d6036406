package com.coachway.stack;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values a careless or hostile caller sends instead of what a schema asks for: the wrong JSON type,
 * numbers past every range, impossible dates, huge and control-character strings.
 */
final class BadValues {
    private BadValues() {
    }

    static final String HUGE = "x".repeat(20_000);

    /** Whole bodies that are not the object an operation wants. */
    static final List<String> BODIES = List.of("{", "{\"a\":", "[]", "null", "\"text\"", "42", "{}", "{\"\":null}",
            "{\"a\":1,\"a\":2}", "[" .repeat(500) + "]".repeat(500), "{\"x\":\"\\u0000\"}", "\uFEFF{}", "{} {}");

    /** Wrong values for a property of this schema (which may be untyped when it is an enum or a $ref'd format). */
    static List<Object> against(Schema<?> schema) {
        var out = new ArrayList<Object>();
        String type = schema == null ? null : typeOf(schema);
        out.add(Map.of("nested", 1));
        out.add(List.of("x"));
        if (!"string".equals(type)) out.add("text");
        if (!"integer".equals(type) && !"number".equals(type)) out.add(12345);
        if (!"boolean".equals(type)) out.add(true);
        if ("string".equals(type) || type == null) {
            out.add(HUGE);
            out.add("");
            out.add(" ");
            out.add("\u0000\u0007");
            out.add("NOT_ONE_OF_THEM");
            out.add("2027-13-45");
            out.add("2027-02-29T25:61:00Z");
            out.add("+999999999-12-31");
            out.add("' or 1=1 --");
        }
        if ("integer".equals(type) || "number".equals(type)) {
            out.add(-1);
            out.add(0);
            out.add(new BigInteger("99999999999999999999999999"));
            out.add(new BigDecimal("1e400"));
            out.add(new BigDecimal("-1e-400"));
            out.add(new BigDecimal("0.0000001"));
            out.add(new BigDecimal("12345678901234.567"));
            out.add(Long.MIN_VALUE);
            out.add("12");
        }
        if ("array".equals(type)) {
            out.add(java.util.Collections.nCopies(2_000, "x"));
            var withNull = new ArrayList<Object>();
            withNull.add(null);
            out.add(withNull);
            out.add(List.of(List.of()));
        }
        return out;
    }

    /** Whether the contract lets this property be null (OpenAPI 3.0 {@code nullable: true}). */
    static boolean nullable(Schema<?> schema) {
        return schema == null || Boolean.TRUE.equals(schema.getNullable())
                || (schema.getTypes() != null && schema.getTypes().contains("null"));
    }

    /** The schema of an array's items, when it is one. */
    static Schema<?> items(Schema<?> schema) {
        if (schema instanceof ArraySchema array) return array.getItems();
        return schema == null ? null : schema.getItems();
    }

    static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) return schema.getType();
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) return schema.getTypes().iterator().next();
        return null;
    }

    /** Values for a path segment that no record has, or that is no id at all. */
    static final List<String> PATH_SEGMENTS = List.of("00000000-0000-0000-0000-000000000000", "not-an-id", "x".repeat(600),
            "%20", "..%2F..", "%25", "1%3B%20drop%20table%20x", "%C3%A9t%C3%A9", "-1", "null");

    /** Values for a query parameter, whatever it expects. */
    static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "0", "99999999999999999999", "1e400", "2027-13-45",
            "x".repeat(2_000), "' or 1=1 --", "%00", "true", "NaN", "+999999999-12-31", "-999999999-01-01",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00");
}
