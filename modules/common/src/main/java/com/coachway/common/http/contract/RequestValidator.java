package com.coachway.common.http.contract;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks each request against the operation of the contract that Javalin matched (its method and
 * path template), before the handler runs: parameters, headers the contract names, and the JSON
 * body. Every finding is one {@link FieldError} of the usual 400 validation problem. A body that
 * is not JSON stays what {@link JsonInput} always made of it: 415 for another media type, 400 for
 * an empty, malformed or non-object one (non-array, where the contract's body is an array: a batch).
 * The parsed body is handed on to {@link JsonInput#of} (or {@link JsonInput#items}).
 */
public final class RequestValidator {
    private final Contract contract;

    public RequestValidator(Contract contract) {
        this.contract = contract;
    }

    public void validate(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint(); // ctx.endpoint() is this before-handler itself
        if (matched == null) return;
        Operation op = contract.operation(matched.method.name(), matched.path).orElse(null);
        if (op == null) return; // ServiceApp refuses to start with a service route the contract lacks
        List<FieldError> errors = new ArrayList<>(op.checkParameters(new Operation.Values() {
            public String path(String name) { return ctx.pathParamMap().get(name); }
            public String query(String name) { return ctx.queryParam(name); }
            public String header(String name) { return ctx.header(name); }
        }));
        if (op.body() != null) {
            JsonNode body = body(ctx, op);
            if (body != null) {
                if (body instanceof ArrayNode batch) JsonInput.handOn(ctx, batch);
                else JsonInput.handOn(ctx, (ObjectNode) body);
                errors.addAll(op.checkBody(body));
            }
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }

    /** The parsed body (an array where the contract's body is one, else an object); null when an optional body was not sent. */
    private static JsonNode body(Context ctx, Operation op) {
        byte[] raw = ctx.bodyAsBytes();
        if (!op.bodyRequired() && (raw == null || raw.length == 0)) return null;
        JsonInput.requireJson(ctx.contentType());
        return op.bodyIsArray() ? JsonInput.parseArray(raw) : JsonInput.parseObject(raw);
    }

    /** The service's routes ("GET /charters/{id}") that the contract has no operation for. */
    public static List<String> notInContract(Contract contract, Collection<String> routes) {
        return routes.stream().filter(r -> !contract.operationKeys().contains(r)).sorted().toList();
    }
}
