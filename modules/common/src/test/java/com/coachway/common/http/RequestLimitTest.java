package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The services' default body limit is the gateway's global one, so an oversize body is refused by
 * the gateway before it reaches a service (a service's early refusal is the riskier path; see
 * {@link UnreadBody}), and no body the gateway lets through for its size is refused for it after.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestLimitTest {
    private static final Map<String, Long> KONG_UNITS = Map.of("megabytes", 1024L * 1024, "kilobytes", 1024L, "bytes", 1L);
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp(r -> r.post("/upload", ctx -> ctx.json(Map.of("bytes", ctx.bodyAsBytes().length)), Role.PUBLIC));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void kong_yml_s_global_request_size_limit_is_the_services_default() throws Exception {
        JsonNode kong = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(repoFile("kong/kong.yml")));
        JsonNode limit = null;
        for (JsonNode plugin : kong.path("plugins")) {
            if ("request-size-limiting".equals(plugin.path("name").asText())) limit = plugin.path("config");
        }
        assertNotNull(limit, "kong.yml has a global request-size-limiting");
        // Kong's defaults: 128 megabytes
        long size = limit.path("allowed_payload_size").asLong(128);
        Long unit = KONG_UNITS.get(limit.path("size_unit").asText("megabytes"));
        assertNotNull(unit, limit.toString());
        assertEquals(ServiceApp.DEFAULT_MAX_REQUEST_BYTES, size * unit);
    }

    @Test
    void a_body_of_exactly_the_default_limit_is_taken_and_one_byte_more_is_a_413_problem() {
        var atLimit = app.post("/upload", "application/json", "x".repeat((int) ServiceApp.DEFAULT_MAX_REQUEST_BYTES));
        assertEquals(200, atLimit.status());
        assertEquals(ServiceApp.DEFAULT_MAX_REQUEST_BYTES, atLimit.json().path("bytes").asLong());

        var over = app.post("/upload", "application/json", "x".repeat((int) ServiceApp.DEFAULT_MAX_REQUEST_BYTES + 1));
        assertEquals(413, over.status());
        assertEquals(Problems.TOO_LARGE, over.json().path("type").asText());
    }

    private static Path repoFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative)) && Files.isDirectory(dir.resolve("modules"))) return dir.resolve(relative);
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
