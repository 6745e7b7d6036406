package com.coachway.common.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's openapi.yaml, read and compiled once at start: for every operation (method and
 * path template, e.g. {@code GET /charters/{id}}) the schemas of its parameters and JSON body.
 * Schemas are OpenAPI 3.0 (networknt's OpenAPI 3.0 dialect: {@code nullable}, formats asserted),
 * and {@code $ref}s into {@code components} resolve against the same document.
 */
public final class Contract {
    private static final String IRI = "https://coachway.dev/contract/openapi.json";
    private static final String CHECKS = "x-coachway-checks";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, Operation> operations;

    private Contract(Map<String, Operation> operations) {
        this.operations = operations;
    }

    public static Contract parse(byte[] yaml) {
        JsonNode doc;
        try {
            doc = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml is not valid YAML: " + e.getMessage(), e);
        }
        if (doc == null || !doc.path("paths").isObject()) throw new IllegalStateException("openapi.yaml has no paths");

        // Every schema to compile is copied under one extension key of the document, so each has a
        // plain JSON pointer ("/x-coachway-checks/3/body") while its $refs still resolve in place.
        ObjectNode root = ((ObjectNode) doc).deepCopy();
        ArrayNode checks = root.putArray(CHECKS);
        var shapes = new LinkedHashMap<String, Shape>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey())) return;
            var params = new LinkedHashMap<String, JsonNode>(); // "in:name" → parameter; the operation's override the path's
            for (JsonNode p : path.getValue().path("parameters")) putParameter(doc, params, p);
            for (JsonNode p : op.getValue().path("parameters")) putParameter(doc, params, p);
            ObjectNode check = checks.addObject();
            ArrayNode paramSchemas = check.putArray("params");
            var paramList = new ArrayList<JsonNode>();
            for (JsonNode p : params.values()) {
                paramSchemas.add(p.path("schema").isObject() ? p.path("schema") : JsonNodeFactory.instance.objectNode());
                paramList.add(p);
            }
            JsonNode requestBody = resolve(doc, op.getValue().path("requestBody"));
            JsonNode bodySchema = requestBody.path("content").path("application/json").path("schema");
            if (bodySchema.isObject()) check.set("body", bodySchema);
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            shapes.put(key, new Shape(checks.size() - 1, paramList, bodySchema.isObject(), requestBody.path("required").asBoolean(false),
                    "array".equals(resolve(doc, bodySchema).path("type").asText())));
        }));

        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b
                .schemas(Map.of(IRI, write(root)))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        var operations = new LinkedHashMap<String, Operation>();
        shapes.forEach((key, shape) -> {
            String base = IRI + "#/" + CHECKS + "/" + shape.index();
            var params = new ArrayList<Parameter>();
            for (int i = 0; i < shape.params().size(); i++) {
                JsonNode p = shape.params().get(i);
                params.add(new Parameter(p.path("name").asText(), Parameter.In.of(p.path("in").asText()),
                        p.path("required").asBoolean(false), schemaType(root, p.path("schema")),
                        compile(registry, base + "/params/" + i)));
            }
            Schema body = shape.hasBody() ? compile(registry, base + "/body") : null;
            operations.put(key, new Operation(key, List.copyOf(params), body, shape.bodyRequired(), shape.bodyIsArray()));
        });
        return new Contract(Map.copyOf(operations));
    }

    /** The operation Javalin matched, by its method and path template ({@code /charters/{id}}). */
    public Optional<Operation> operation(String method, String pathTemplate) {
        return Optional.ofNullable(operations.get(method.toUpperCase() + " " + pathTemplate));
    }

    /** Keys like {@code "POST /charters"}. */
    public Set<String> operationKeys() {
        return operations.keySet();
    }

    private record Shape(int index, List<JsonNode> params, boolean hasBody, boolean bodyRequired, boolean bodyIsArray) {
    }

    private static void putParameter(JsonNode doc, Map<String, JsonNode> params, JsonNode p) {
        JsonNode param = resolve(doc, p);
        String in = param.path("in").asText();
        if (in.equals("cookie")) return;
        // Header names are case-insensitive; query and path names are not.
        String name = in.equals("header") ? param.path("name").asText().toLowerCase() : param.path("name").asText();
        params.put(in + ":" + name, param);
    }

    /** The node itself, or what its local {@code $ref} points to. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (!ref.isTextual()) return node;
        String r = ref.asText();
        if (!r.startsWith("#/")) throw new IllegalStateException("only local $refs are supported: " + r);
        JsonNode target = doc.at(r.substring(1));
        if (target.isMissingNode()) throw new IllegalStateException("$ref to nothing: " + r);
        return resolve(doc, target);
    }

    /** The declared JSON type of a parameter schema (following $refs), to read its string value as. */
    private static String schemaType(JsonNode doc, JsonNode schema) {
        JsonNode s = resolve(doc, schema);
        if (s.path("type").isTextual()) return s.path("type").asText();
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combinator)) {
                String t = schemaType(doc, part);
                if (t != null) return t;
            }
        }
        return null;
    }

    private static Schema compile(SchemaRegistry registry, String location) {
        Schema schema = registry.getSchema(SchemaLocation.of(location));
        schema.initializeValidators(); // resolve every $ref now: a broken contract fails the start, not a request
        return schema;
    }

    private static String write(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
