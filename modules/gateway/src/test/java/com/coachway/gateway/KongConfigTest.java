package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KongConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("kong.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private String loadError(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(IllegalArgumentException.class, () -> KongConfig.load(file)).getMessage();
    }

    @Test
    void reads_services_routes_and_kong_defaults() throws Exception {
        KongConfig config = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - name: auth-service
                    url: http://auth-service:8000/login
                    read_timeout: 1500
                    routes:
                      - name: login
                        paths: [/api/v1/auth/login]
                        methods: [POST]
                        plugins:
                          - name: rate-limiting
                            config: {minute: 60, policy: local, limit_by: ip}
                """));
        Service service = config.services().getFirst();
        assertEquals("auth-service", service.name());
        assertEquals("auth-service", service.host());
        assertEquals(8000, service.port());
        assertEquals("/login", service.path());
        assertEquals("auth-service:8000", service.hostHeader());
        assertEquals(60_000, service.connectTimeout());
        assertEquals(1500, service.readTimeout());
        Route route = service.routes().getFirst();
        assertEquals(List.of("/api/v1/auth/login"), route.paths());
        assertEquals(List.of("POST"), route.methods());
        assertTrue(route.stripPath(), "strip_path defaults to true");
        assertFalse(route.preserveHost());
        assertEquals("rate-limiting", route.plugins().getFirst().name());
        assertEquals(60, route.plugins().getFirst().config().get("minute"));
    }

    @Test
    void a_service_without_a_path_uses_slash_and_default_ports() throws Exception {
        Service service = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - {name: a, url: "https://a.example", routes: [{name: r, paths: [/a]}]}
                """)).services().getFirst();
        assertEquals("/", service.path());
        assertEquals(443, service.port());
        assertEquals("a.example", service.hostHeader());
    }

    @Test
    void an_unknown_plugin_fails_naming_it_and_where_it_is() throws Exception {
        String message = loadError("""
                _format_version: "3.0"
                services:
                  - name: a
                    url: http://a:8000
                    routes:
                      - name: r
                        paths: [/a]
                        plugins:
                          - name: key-auth
                """);
        assertTrue(message.contains("unknown plugin 'key-auth'"), message);
        assertTrue(message.contains("route 'r'"), message);
        assertTrue(message.contains("kong.yml"), message);
    }

    @Test
    void malformed_yaml_fails_with_the_line() throws Exception {
        String message = loadError("_format_version: \"3.0\"\nservices:\n  - name: a\n   url: [unclosed\n");
        assertTrue(message.contains("invalid YAML"), message);
        assertTrue(message.contains("line"), message);
    }

    @Test
    void a_missing_file_fails_clearly() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> KongConfig.load(dir.resolve("absent.yml"))).getMessage();
        assertTrue(message.contains("file not found"), message);
    }

    @Test
    void invalid_configs_fail_with_clear_messages() throws Exception {
        Map<String, String> cases = pairs(
                "services: []\n", "_format_version",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a, routes: [{name: r, paths: [/a], hots: [x]}]}\n",
                "unknown or unsupported field(s) [hots]",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a, routes: [{name: r, paths: [\"~/a$\"]}]}\n",
                "regex paths are not supported",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a, routes: [{name: r, paths: [/a], methods: [get]}]}\n",
                "unknown method 'get'",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a, routes: [{name: r}]}\n",
                "must have paths or methods",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a}\n  - {name: a, url: http://b}\n",
                "name is used twice",
                "_format_version: \"3.0\"\nplugins:\n  - {name: cors, config: {origin: [x]}}\n",
                "unknown or unsupported field(s) [origin]",
                "_format_version: \"3.0\"\nplugins:\n  - {name: request-size-limiting, config: {size_unit: gigabytes}}\n",
                "must be one of",
                "_format_version: \"3.0\"\nplugins:\n  - {name: cors, service: nowhere}\n",
                "unknown service 'nowhere'",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a}\nservices: []\n",
                "Duplicate field",
                "_format_version: \"3.0\"\nx: &cfg {minute: 5}\nplugins:\n  - {name: rate-limiting, config: *cfg}\n",
                "YAML aliases (*cfg) are not supported, line 4");
        for (var c : cases.entrySet()) {
            String message = loadError(c.getKey());
            assertTrue(message.contains(c.getValue()), "expected '" + c.getValue() + "' in: " + message);
        }
    }

    private static Map<String, String> pairs(String... yamlThenExpected) {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        for (int i = 0; i < yamlThenExpected.length; i += 2) {
            cases.put(yamlThenExpected[i], yamlThenExpected[i + 1]);
        }
        return cases;
    }

    @Test
    void top_level_plugins_can_target_a_service_or_route_by_name() throws Exception {
        KongConfig config = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - {name: a, url: http://a, routes: [{name: r, paths: [/a]}]}
                plugins:
                  - {name: cors}
                  - {name: rate-limiting, route: r, config: {minute: 5}}
                  - {name: request-size-limiting, service: {name: a}}
                """));
        assertEquals(1, config.globalPlugins().size());
        var perRoute = Plugins.perRoute(config);
        List<String> names = perRoute.values().iterator().next().stream().map(Plugin::name).toList();
        assertEquals(List.of("cors", "request-size-limiting", "rate-limiting"), names, "in Kong priority order");
    }

    @Test
    void a_disabled_service_is_not_routed() throws Exception {
        KongConfig config = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - {name: a, url: http://a, enabled: false, routes: [{name: r, paths: [/a]}]}
                """));
        assertTrue(config.services().isEmpty());
    }
}
