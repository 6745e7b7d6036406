package com.coachway.common.http.contract;

import com.coachway.common.http.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * networknt's findings as our problem+json field errors: the field is the path into the body in
 * the form the handlers always used ({@code stops[1].address}), the message says what is wrong in
 * words a client developer can act on. One error per field, the first found.
 */
final class Violations {
    private Violations() {
    }

    /** @param field the parameter's name, or null for a body (the field is then the error's location) */
    static void add(Map<String, FieldError> into, List<Error> errors, String field) {
        for (Error e : errors) {
            String name = field != null ? field : fieldOf(e);
            into.putIfAbsent(name, new FieldError(name, message(e)));
        }
    }

    static List<FieldError> list(Map<String, FieldError> errors) {
        return List.copyOf(errors.values());
    }

    static Map<String, FieldError> collector() {
        return new LinkedHashMap<>();
    }

    private static String fieldOf(Error e) {
        var out = new StringBuilder();
        NodePath at = e.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) out.append('[').append(index).append(']');
            else append(out, String.valueOf(element));
        }
        // "required" and "additionalProperties" are found on the object; name the property itself.
        String keyword = e.getKeyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && e.getProperty() != null) {
            append(out, e.getProperty());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String name) {
        if (!out.isEmpty()) out.append('.');
        out.append(name);
    }

    private static String message(Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode schema = e.getSchemaNode();
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a known field";
            case "type" -> e.getInstanceNode() != null && e.getInstanceNode().isNull() ? "must not be null" : "must be " + typeWords(schema);
            case "nullable" -> "must not be null";
            case "minLength" -> schema.asInt() == 1 ? "must not be empty" : "must be at least " + schema.asText() + " characters";
            case "maxLength" -> "must be at most " + schema.asText() + " characters";
            case "minimum" -> "must be at least " + schema.asText();
            case "maximum" -> "must be at most " + schema.asText();
            case "exclusiveMinimum" -> "must be more than " + arg(args, 0, schema);
            case "exclusiveMaximum" -> "must be less than " + arg(args, 0, schema);
            case "multipleOf" -> multipleOf(schema);
            case "minItems" -> "must have at least " + schema.asText() + " items";
            case "maxItems" -> "must have at most " + schema.asText() + " items";
            case "uniqueItems" -> "must not repeat an item";
            case "minProperties" -> "must have at least " + schema.asText() + " fields";
            case "maxProperties" -> "must have at most " + schema.asText() + " fields";
            case "enum" -> "must be one of " + enumWords(schema);
            case "pattern" -> "is not in the expected form (" + schema.asText() + ")";
            case "format" -> formatWords(schema.asText());
            default -> withoutLocation(e.getMessage());
        };
    }

    private static String arg(Object[] args, int i, JsonNode fallback) {
        return args.length > i ? String.valueOf(args[i]) : fallback.asText();
    }

    private static String typeWords(JsonNode type) {
        if (type == null || !type.isTextual()) return "of another type";
        return switch (type.asText()) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            default -> type.asText();
        };
    }

    private static String multipleOf(JsonNode step) {
        String s = step.decimalValue().stripTrailingZeros().toPlainString();
        int dot = s.indexOf('.');
        if (s.matches("0\\.0*1")) return "must have at most " + (s.length() - dot - 1) + " decimal places";
        return "must be a multiple of " + s;
    }

    private static String enumWords(JsonNode values) {
        if (values == null || !values.isArray()) return "the allowed values";
        var words = new java.util.ArrayList<String>();
        values.forEach(v -> words.add(v.isNull() ? "null" : v.asText()));
        return words.stream().collect(Collectors.joining(", "));
    }

    private static String formatWords(String format) {
        return switch (format) {
            case "date" -> "must be a date, YYYY-MM-DD";
            case "date-time" -> "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00-04:00";
            case "uuid" -> "must be a UUID";
            case "email" -> "must be an email address";
            default -> "must be a valid " + format;
        };
    }

    /** networknt's own message starts with the location ("/a/b: ..."); ours says the field apart. */
    private static String withoutLocation(String message) {
        if (message == null) return "is invalid";
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") || colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }
}
