package com.coachway.common.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** A path, query or header parameter of an operation, with its compiled schema. */
record Parameter(String name, In in, boolean required, String type, Schema schema) {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,400}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum In {
        PATH, QUERY, HEADER;

        static In of(String in) {
            return switch (in) {
                case "path" -> PATH;
                case "query" -> QUERY;
                case "header" -> HEADER;
                default -> throw new IllegalStateException("unsupported parameter location: " + in);
            };
        }
    }

    /**
     * The text of the parameter as the JSON value its schema describes ("12" → 12 for an integer),
     * or as a string when it is not one, so the schema's type check reports it.
     */
    JsonNode asJson(String text) {
        if (type == null) return NODES.textNode(text);
        return switch (type) {
            case "integer" -> INTEGER.matcher(text).matches() ? NODES.numberNode(new BigInteger(text)) : NODES.textNode(text);
            case "number" -> number(text);
            case "boolean" -> switch (text) {
                case "true" -> NODES.booleanNode(true);
                case "false" -> NODES.booleanNode(false);
                default -> NODES.textNode(text);
            };
            default -> NODES.textNode(text);
        };
    }

    private static JsonNode number(String text) {
        if (text.length() > 400) return NODES.textNode(text);
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
