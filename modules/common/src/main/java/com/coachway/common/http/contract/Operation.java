package com.coachway.common.http.contract;

import com.coachway.common.http.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One operation of the contract: what its parameters and JSON body must be.
 *
 * @param key          e.g. {@code "PATCH /charters/{id}"}
 * @param body         the compiled body schema, or null when the operation takes no JSON body
 * @param bodyRequired the contract's {@code requestBody.required}
 * @param bodyIsArray  the body schema is {@code type: array} (a batch); every other body is an object
 */
public record Operation(String key, List<Parameter> parameters, Schema body, boolean bodyRequired, boolean bodyIsArray) {

    /** The request's parameter values by location and name (null when absent). */
    public interface Values {
        String path(String name);

        String query(String name);

        String header(String name);
    }

    /**
     * Every way the parameters break the contract. An empty query value ({@code ?status=}) counts
     * as absent, as it always has for our list filters.
     */
    public List<FieldError> checkParameters(Values values) {
        var errors = Violations.collector();
        for (Parameter p : parameters) {
            String value = switch (p.in()) {
                case PATH -> values.path(p.name());
                case QUERY -> values.query(p.name());
                case HEADER -> values.header(p.name());
            };
            if (value == null || (p.in() == Parameter.In.QUERY && value.isEmpty())) {
                if (p.required()) errors.putIfAbsent(p.name(), new FieldError(p.name(), "is required"));
                continue;
            }
            JsonNode json = p.asJson(value);
            if (beyondDoubles(json)) {
                errors.putIfAbsent(p.name(), new FieldError(p.name(), TOO_LARGE));
                continue;
            }
            Violations.add(errors, p.schema().validate(json), p.name());
        }
        return Violations.list(errors);
    }

    /** Every way a parsed JSON body breaks the contract (nothing when the operation takes none). */
    public List<FieldError> checkBody(JsonNode body) {
        if (this.body == null) return List.of();
        var errors = Violations.collector();
        try {
            Violations.add(errors, this.body.validate(body), null);
        } catch (NumberFormatException | ArithmeticException e) {
            // networknt computes multipleOf in double: a number past double's range (1e400) breaks it.
            // Such a number is out of every range we have; name each one instead.
            hugeNumbers(body, "", errors);
            if (errors.isEmpty()) throw e;
        }
        return Violations.list(errors);
    }

    private static final String TOO_LARGE = "is far out of range";

    private static boolean beyondDoubles(JsonNode n) {
        return n.isNumber() && (n.isBigDecimal() || n.isBigInteger()) && Double.isInfinite(n.doubleValue());
    }

    private static void hugeNumbers(JsonNode node, String at, java.util.Map<String, FieldError> errors) {
        if (beyondDoubles(node)) {
            errors.putIfAbsent(at, new FieldError(at, TOO_LARGE));
        } else if (node.isObject()) {
            node.properties().forEach(e -> hugeNumbers(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey(), errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) hugeNumbers(node.get(i), at + "[" + i + "]", errors);
        }
    }

    /** For tests and the benchmark: values from plain maps. */
    public static Values values(Function<String, String> path, Function<String, String> query, Function<String, String> header) {
        return new Values() {
            public String path(String name) { return path.apply(name); }
            public String query(String name) { return query.apply(name); }
            public String header(String name) { return header.apply(name); }
        };
    }
}
