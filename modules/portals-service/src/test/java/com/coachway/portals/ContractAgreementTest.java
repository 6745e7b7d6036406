package com.coachway.portals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the portal forwards, its contract must take exactly as the owning service's contract does:
 * a request valid here and refused there would be a 400 the portal never promised (a fuzzer finds
 * those), and one refused here but valid there a page the portal withholds. Read from the
 * neighbours' own openapi.yaml, so a change there makes this fail until portals follows.
 */
class ContractAgreementTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode contract(String module) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("portals-service"))) dir = dir.getParent();
        assertNotNull(dir, "the modules directory above " + Path.of("").toAbsolutePath());
        try {
            return YAML.readTree(dir.resolve(module).resolve("src/main/resources/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static final JsonNode PORTALS = contract("portals-service");

    /** The schema with every $ref replaced by what it names and every description dropped (prose may differ). */
    static JsonNode resolved(JsonNode node, JsonNode root) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                assertTrue(ref.startsWith("#/"), ref);
                return resolved(root.at(ref.substring(1)), root);
            }
            ObjectNode out = YAML.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals("description")) out.set(e.getKey(), resolved(e.getValue(), root));
            }
            return out;
        }
        if (node.isArray()) {
            var out = YAML.createArrayNode();
            node.forEach(n -> out.add(resolved(n, root)));
            return out;
        }
        return node;
    }

    static JsonNode parameter(JsonNode root, String path, String name) {
        for (JsonNode p : root.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
            JsonNode param = resolved(p, root);
            if (name.equals(param.path("name").asText())) return param.get("schema");
        }
        throw new AssertionError("no parameter " + name + " on GET " + path);
    }

    static JsonNode schema(JsonNode root, String name) {
        JsonNode s = root.at("/components/schemas/" + name);
        assertTrue(!s.isMissingNode(), name);
        return resolved(s, root);
    }

    @Test
    void every_status_filter_the_portal_forwards_has_the_owning_services_values() {
        assertEquals(parameter(contract("charter-service"), "/charters", "status").get("enum"),
                parameter(PORTALS, "/client/charters", "status").get("enum"), "/client/charters status vs charter-service GET /charters");
        JsonNode vendors = contract("vendor-service");
        assertEquals(parameter(vendors, "/bid-requests", "status").get("enum"),
                parameter(PORTALS, "/vendor/bid-requests", "status").get("enum"), "/vendor/bid-requests status vs vendor-service GET /bid-requests");
        assertEquals(parameter(contract("finance-service"), "/bills", "status").get("enum"),
                parameter(PORTALS, "/vendor/payments", "status").get("enum"), "/vendor/payments status vs finance-service GET /bills");
    }

    @Test
    void every_body_the_portal_forwards_is_the_owning_services_schema() {
        assertEquals(schema(contract("change-mgmt-service"), "CaseCreate"), schema(PORTALS, "ChangeRequest"),
                "POST /client/change-requests vs change-mgmt-service POST /cases");
        assertEquals(schema(contract("vendor-service"), "BidCreate"), schema(PORTALS, "BidCreate"),
                "POST /vendor/bid-requests/{id}/bids vs vendor-service's");
        JsonNode charters = contract("charter-service");
        assertEquals(resolved(charters.at("/paths/~1quotes~1{id}~1accept/post/requestBody/content/application~1json/schema"), charters),
                schema(PORTALS, "EmptyBody"), "POST /client/quotes/{id}/accept vs charter-service's");
    }

    @Test
    void every_forwarded_list_takes_a_limit_and_offset_the_owning_service_takes() {
        record Forward(String portal, String module, String path) {
        }
        for (var f : new Forward[]{new Forward("/client/charters", "charter-service", "/charters"),
                new Forward("/vendor/bid-requests", "vendor-service", "/bid-requests"),
                new Forward("/vendor/trips", "vendor-service", "/bid-requests"),
                new Forward("/vendor/payments", "finance-service", "/bills")}) {
            JsonNode theirs = contract(f.module());
            for (String name : new String[]{"limit", "offset"}) {
                JsonNode ours = parameter(PORTALS, f.portal(), name);
                JsonNode downstream = parameter(theirs, f.path(), name);
                assertEquals(downstream.get("minimum"), ours.get("minimum"), f.portal() + " " + name + " minimum");
                if (downstream.has("maximum")) {
                    assertTrue(ours.has("maximum") && ours.get("maximum").asLong() <= downstream.get("maximum").asLong(),
                            f.portal() + " " + name + " allows more than " + f.module() + " takes");
                }
            }
            assertEquals(parameter(theirs, f.path(), "after").get("maxLength"), parameter(PORTALS, f.portal(), "after").get("maxLength"),
                    f.portal() + " after maxLength");
        }
    }
}
