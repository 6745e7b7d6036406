package com.coachway.common.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body field by field, collecting every problem before answering, so a
 * client sees all its mistakes at once in one 400 (never a 500, never a half-written record).
 * Getters return null for an absent or invalid field; call {@link #validate()} before using results.
 *
 * <p>In a service the body has already passed its contract (openapi.yaml, checked at run time by
 * {@code contract.RequestValidator}): types, lengths, ranges, formats, unknown fields and nulls
 * are the contract's to refuse, written once there. So the getters to use are the ones without
 * limits; they still check the type (so a reader used without a contract never casts wrongly)
 * and what no schema says for every text: no NUL characters, required text not blank.
 * The overloads with limits are deprecated and remain only until no call site is left.
 */
public final class JsonInput {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonInput(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    private static final String PARSED = JsonInput.class.getName() + ".body";

    /**
     * The request body as a JSON object: 415 unless JSON, 400 when empty, malformed or not an
     * object. When the contract check has already parsed it ({@link #handOn}), that tree is used.
     */
    public static JsonInput of(Context ctx) {
        ObjectNode parsed = ctx.attribute(PARSED);
        if (parsed != null) return new JsonInput(parsed, "", new ArrayList<>());
        requireJson(ctx.contentType());
        return parse(ctx.bodyAsBytes());
    }

    /** Keeps a body already parsed (and checked against the contract) for {@link #of} to read. */
    public static void handOn(Context ctx, ObjectNode body) {
        ctx.attribute(PARSED, body);
    }

    private static final String PARSED_ARRAY = JsonInput.class.getName() + ".batch";

    /** Keeps an array body (a batch) already parsed and checked against the contract for {@link #items} to read. */
    public static void handOn(Context ctx, ArrayNode body) {
        ctx.attribute(PARSED_ARRAY, body);
    }

    /**
     * The request body as a JSON array of objects (a batch), each item read with one shared error
     * list and named by its index ({@code [37].lat}): 415 unless JSON, 400 when empty, malformed,
     * not an array, or an item is not an object. Its size is the contract's.
     */
    public static List<JsonInput> items(Context ctx) {
        ArrayNode parsed = ctx.attribute(PARSED_ARRAY);
        if (parsed == null) {
            requireJson(ctx.contentType());
            parsed = parseArray(ctx.bodyAsBytes());
        }
        var errors = new ArrayList<FieldError>();
        var out = new ArrayList<JsonInput>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof ObjectNode item) out.add(new JsonInput(item, "[" + i + "].", errors));
            else errors.add(new FieldError("[" + i + "]", "must be an object"));
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        return out;
    }

    /** 415 unless the content type is JSON. */
    public static void requireJson(String contentType) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("Send the body as application/json");
        }
    }

    public static JsonInput parse(byte[] body) {
        return new JsonInput(parseObject(body), "", new ArrayList<>());
    }

    /** The body as a JSON object; 400 when empty, malformed or anything but an object. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode parsed = parseJson(body, "object");
        if (parsed == null || !parsed.isObject()) throw ApiException.badRequest("The request body must be a JSON object");
        return (ObjectNode) parsed;
    }

    /** The body as a JSON array (a batch); 400 when empty, malformed or anything but an array. */
    public static ArrayNode parseArray(byte[] body) {
        JsonNode parsed = parseJson(body, "array");
        if (parsed == null || !parsed.isArray()) throw ApiException.badRequest("The request body must be a JSON array");
        return (ArrayNode) parsed;
    }

    /** NaN and Infinity are not JSON (the mapper refuses them): a 400 like any malformed body. */
    private static JsonNode parseJson(byte[] body, String expected) {
        if (body == null || body.length == 0) throw ApiException.badRequest("The request body is empty; a JSON " + expected + " is expected");
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("The request body could not be read");
        }
    }


    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the 400 with every collected field error, if any. */
    public void validate() {
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }

    // ---- strings ----

    /** A non-blank string, stripped; its length is the contract's. */
    public String requiredString(String field) {
        return requiredString(field, Integer.MAX_VALUE);
    }

    /** Absent or null → null. Empty strings are allowed for optional text. */
    public String optionalString(String field) {
        return optionalString(field, Integer.MAX_VALUE);
    }

    private String requiredString(String field, int maxLength) {
        if (!present(field)) return null;
        return string(field, maxLength, true);
    }

    private String optionalString(String field, int maxLength) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return string(field, maxLength, false);
    }

    private String string(String field, int maxLength, boolean nonBlank) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String s = v.textValue();
        if (s.indexOf('\u0000') >= 0) {
            error(field, "must not contain NUL characters");
            return null;
        }
        if (nonBlank && s.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        if (s.codePointCount(0, s.length()) > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return s.strip();
    }

    public String requiredEmail(String field) {
        String s = requiredString(field);
        return checkEmail(field, s);
    }

    public String optionalEmail(String field) {
        return checkEmail(field, optionalString(field));
    }

    private String checkEmail(String field, String s) {
        if (s == null) return null;
        if (!EMAIL.matcher(s).matches()) {
            error(field, "must be an email address");
            return null;
        }
        return s;
    }

    // ---- numbers, booleans, ids, times ----

    /** A whole number that fits an int; its range is the contract's. */
    public Integer requiredInt(String field) {
        return requiredInt(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public Integer optionalInt(String field) {
        return optionalInt(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private Integer requiredInt(String field, int min, int max) {
        if (!present(field)) return null;
        return integer(field, min, max);
    }

    private Integer optionalInt(String field, int min, int max) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return integer(field, min, max);
    }

    private Integer integer(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            error(field, "must be a whole number");
            return null;
        }
        int i = v.intValue();
        if (i < min || i > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return i;
    }

    private static final BigDecimal UNBOUNDED = new BigDecimal("1e30");

    /**
     * Money and other exact decimals, at {@code scale} decimals (the contract says so with
     * {@code multipleOf}; more decimals are refused here too, since they cannot be kept).
     * The range is the contract's.
     */
    public BigDecimal requiredDecimal(String field, int scale) {
        return requiredDecimal(field, scale, UNBOUNDED.negate(), UNBOUNDED);
    }

    public BigDecimal optionalDecimal(String field, int scale) {
        return optionalDecimal(field, scale, UNBOUNDED.negate(), UNBOUNDED);
    }

    private BigDecimal requiredDecimal(String field, int scale, BigDecimal min, BigDecimal max) {
        if (!present(field)) return null;
        return decimal(field, scale, min, max);
    }

    private BigDecimal optionalDecimal(String field, int scale, BigDecimal min, BigDecimal max) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return decimal(field, scale, min, max);
    }

    private BigDecimal decimal(String field, int scale, BigDecimal min, BigDecimal max) {
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            error(field, "must be a number");
            return null;
        }
        BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() > scale) {
            error(field, "must have at most " + scale + " decimal places");
            return null;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            error(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        return d.setScale(scale);
    }

    /** A measurement (a coordinate, a speed) as a double; its range is the contract's. Not for money: see the decimals. */
    public Double requiredDouble(String field) {
        if (!present(field)) return null;
        return measurement(field);
    }

    public Double optionalDouble(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return measurement(field);
    }

    private Double measurement(String field) {
        JsonNode v = node.get(field);
        if (!v.isNumber() || Double.isInfinite(v.doubleValue())) {
            error(field, "must be a number");
            return null;
        }
        return v.doubleValue();
    }

    public Boolean requiredBool(String field) {
        if (!present(field)) return null;
        return bool(field);
    }

    public Boolean optionalBool(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return bool(field);
    }

    private Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    public UUID requiredUuid(String field) {
        if (!present(field)) return null;
        return uuid(field);
    }

    public UUID optionalUuid(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return uuid(field);
    }

    private UUID uuid(String field) {
        JsonNode v = node.get(field);
        UUID id = v.isTextual() ? Ids.parse(v.textValue()) : null;
        if (id == null) error(field, "must be a UUID");
        return id;
    }

    public OffsetDateTime requiredDateTime(String field) {
        if (!present(field)) return null;
        return dateTime(field);
    }

    public OffsetDateTime optionalDateTime(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return dateTime(field);
    }

    private OffsetDateTime dateTime(String field) {
        JsonNode v = node.get(field);
        try {
            if (v.isTextual()) return OffsetDateTime.parse(v.textValue());
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        error(field, "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00-04:00");
        return null;
    }

    public LocalDate requiredDate(String field) {
        if (!present(field)) return null;
        return date(field);
    }

    public LocalDate optionalDate(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return date(field);
    }

    private LocalDate date(String field) {
        JsonNode v = node.get(field);
        try {
            if (v.isTextual()) return LocalDate.parse(v.textValue());
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        error(field, "must be a date, YYYY-MM-DD");
        return null;
    }

    // ---- arrays and nested objects ----

    /**
     * A list of distinct non-blank strings, stripped; duplicates are an error (they are always a
     * mistake, and "a" and " a" are the same once stripped). Sizes and lengths are the contract's.
     */
    public List<String> requiredStringList(String field) {
        return requiredStringList(field, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    public List<String> optionalStringList(String field) {
        return optionalStringList(field, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private List<String> requiredStringList(String field, int maxItems, int maxLength) {
        if (!present(field)) return null;
        return stringList(field, maxItems, maxLength);
    }

    private List<String> optionalStringList(String field, int maxItems, int maxLength) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return stringList(field, maxItems, maxLength);
    }

    private List<String> stringList(String field, int maxItems, int maxLength) {
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            error(field, "must be an array of strings");
            return null;
        }
        if (v.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items");
            return null;
        }
        var out = new LinkedHashSet<String>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String name = field + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                error(name, "must be a non-blank string");
            } else if (item.textValue().codePointCount(0, item.textValue().length()) > maxLength
                    || item.textValue().indexOf('\u0000') >= 0) {
                error(name, "must be at most " + maxLength + " characters of text");
            } else if (!out.add(item.textValue().strip())) {
                error(name, "is repeated");
            }
        }
        return List.copyOf(out);
    }

    /** A nested object, read with the same error list (field names get the "parent." prefix). */
    public JsonInput requiredObject(String field) {
        if (!present(field)) return null;
        return object(field);
    }

    public JsonInput optionalObject(String field) {
        if (!node.has(field) || node.get(field).isNull()) return null;
        return object(field);
    }

    private JsonInput object(String field) {
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            error(field, "must be an object");
            return null;
        }
        return new JsonInput((ObjectNode) v, prefix + field + ".", errors);
    }

    /** The objects of an array field, each read with the same error list ("stops[2].address"); its size is the contract's. */
    public List<JsonInput> requiredObjectList(String field) {
        return requiredObjectList(field, 0, Integer.MAX_VALUE);
    }

    private List<JsonInput> requiredObjectList(String field, int minItems, int maxItems) {
        if (!present(field)) return null;
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            error(field, "must be an array of objects");
            return null;
        }
        if (v.size() < minItems || v.size() > maxItems) {
            error(field, "must have between " + minItems + " and " + maxItems + " items");
            return null;
        }
        var out = new ArrayList<JsonInput>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                error(field + "[" + i + "]", "must be an object");
            } else {
                out.add(new JsonInput((ObjectNode) v.get(i), prefix + field + "[" + i + "].", errors));
            }
        }
        return out;
    }

    private boolean present(String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            error(field, "is required");
            return false;
        }
        return true;
    }
}
