package com.coachway.changemgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the contract must say of every operation, read from openapi.yaml itself. */
class ContractTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Served from the jar, touching no database or neighbour. */
    private static final Set<String> WITHOUT_DATABASE = Set.of("/openapi.yaml");

    private static JsonNode contract() throws Exception {
        try (InputStream in = ChangeMgmtService.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyDatabaseBackedOperationListsThe503ThatProducersRetryOn() throws Exception {
        JsonNode contract = contract();
        var missing = new ArrayList<String>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) contract.get("paths")::fields) {
            if (WITHOUT_DATABASE.contains(path.getKey())) continue;
            for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                if (!METHODS.contains(op.getKey())) continue;
                operations++;
                if (!op.getValue().path("responses").has("503")) missing.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        assertTrue(operations >= 12, "read " + operations + " operations");
        assertEquals(List.of(), missing);
        // the problem shape, except /health which answers its own body
        assertEquals("#/components/responses/Unavailable",
                contract.at("/paths/~1audit-events/post/responses/503/$ref").asText());
    }
}
