package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("rate-limiting", route.plugins().getFirst().name());
        assertEquals(60, route.plugins().getFirst().config().get("minute"));
    }

    @Test
    void a_service_without_a_path_uses_slash_and_default_ports() throws Exception {
        Service service = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - {name: a, url: "http://a.example", routes: [{name: r, paths: [/a]}]}
                """)).services().getFirst();
        assertEquals("/", service.path());
        assertEquals(80, service.port());
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
                "route 'r'.paths: is required",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a}\n  - {name: a, url: http://b}\n",
                "name is used twice",
                "_format_version: \"3.0\"\nplugins:\n  - {name: cors, config: {origins: [\"http://a\"], headers: [X], origin: [x]}}\n",
                "unknown or unsupported field(s) [origin]",
                "_format_version: \"3.0\"\nplugins:\n  - {name: request-size-limiting, config: {size_unit: gigabytes}}\n",
                "must be one of",
                "_format_version: \"3.0\"\nplugins:\n  - {name: correlation-id, config: {generator: uuid}, service: nowhere}\n",
                "plugins[0] (correlation-id): unknown or unsupported field(s) [service]",
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
    void a_route_plugin_replaces_the_global_one_of_its_name_and_plugins_run_in_kong_priority_order() throws Exception {
        KongConfig config = KongConfig.load(write("""
                _format_version: "3.0"
                services:
                  - name: a
                    url: http://a
                    routes:
                      - name: r
                        paths: [/a]
                        plugins:
                          - {name: rate-limiting, config: {minute: 5, limit_by: ip}}
                          - {name: request-size-limiting, config: {allowed_payload_size: 1}}
                plugins:
                  - {name: request-size-limiting, config: {allowed_payload_size: 8}}
                  - {name: cors, config: {origins: ["http://x.example"], headers: [Authorization]}}
                  - {name: correlation-id, config: {generator: uuid}}
                """));
        Route route = config.services().getFirst().routes().getFirst();
        List<Plugin> plugins = Plugins.perRoute(config, System::currentTimeMillis).get(route);
        assertEquals(List.of("correlation-id", "cors", "request-size-limiting", "rate-limiting"),
                plugins.stream().map(Plugin::name).toList(), "in Kong priority order");
        assertEquals(1L * 1024 * 1024, ((RequestSizeLimiting) plugins.get(2)).allowedBytes(), "the route's own, not the global 8 MB");
    }

    /**
     * The local gateway implements only what kong/kong.yml uses: every other Kong field, value
     * or plugin fails the load, naming what is not supported, rather than being served differently.
     */
    @Test
    void what_kong_yml_does_not_use_is_refused_at_load_naming_it() throws Exception {
        String service = "_format_version: \"3.0\"\nservices:\n  - {name: a, url: http://a, routes: [{name: r, paths: [/a]%s}]%s}\n";
        String plugin = "_format_version: \"3.0\"\nplugins:\n  - {name: %s, config: {%s}}\n";
        String cors = "origins: [\"http://x.example\"], headers: [Authorization]";
        Map<String, String> cases = pairs(
                service.formatted(", preserve_host: true", ""), "route 'r': unknown or unsupported field(s) [preserve_host]",
                service.formatted(", strip_path: false", ""), "route 'r'.strip_path: false is not supported by the local gateway (only true)",
                service.formatted(", hosts: [a.example]", ""), "unknown or unsupported field(s) [hosts]",
                service.formatted(", methods: [GET]", ", enabled: false"), "service 'a': unknown or unsupported field(s) [enabled]",
                service.formatted("", ", retries: 2"), "unknown or unsupported field(s) [retries]",
                service.formatted("", ", plugins: [{name: cors}]"), "service 'a': unknown or unsupported field(s) [plugins]",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: \"https://a\"}\n", "service 'a'.url: must be an http:// URL",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, host: a, port: 80}\n", "service 'a'.url: is required",
                "_format_version: \"3.0\"\nservices:\n  - {name: a, url: \"http://a/base/\"}\n", "a service path ending in / is not supported",
                "_format_version: \"3.0\"\nroutes: []\n", "unknown or unsupported field(s) [routes]",
                "_format_version: \"3.0\"\nconsumers: []\n", "unknown or unsupported field(s) [consumers]",
                "_format_version: \"3.0\"\n_transform: false\n", "_transform: false is not supported",
                "_format_version: \"3.0\"\nplugins:\n  - {name: cors, enabled: false, config: {" + cors + "}}\n",
                "plugins[0] (cors): unknown or unsupported field(s) [enabled]",
                plugin.formatted("key-auth", ""), "unknown plugin 'key-auth'; the local gateway implements correlation-id, cors, request-size-limiting, rate-limiting",
                plugin.formatted("cors", "origins: [\"*\"], headers: [Authorization]"), "only plain scheme://host[:port] origins are supported",
                plugin.formatted("cors", "origins: [\"https://.*\\\\.example\\\\.com\"], headers: [X]"), "(no '*' or regex)",
                plugin.formatted("cors", "origins: [\"http://x.example\"]"), "cors).config.headers: is required",
                plugin.formatted("cors", cors + ", preflight_continue: true"), "unknown or unsupported field(s) [preflight_continue]",
                plugin.formatted("cors", cors + ", private_network: true"), "unknown or unsupported field(s) [private_network]",
                plugin.formatted("correlation-id", ""), "the default (uuid#counter) is not supported by the local gateway (only 'uuid')",
                plugin.formatted("correlation-id", "generator: tracker"), "'tracker' is not supported by the local gateway (only 'uuid')",
                plugin.formatted("request-size-limiting", "require_content_length: true"),
                "require_content_length: true is not supported by the local gateway (only false)",
                plugin.formatted("rate-limiting", "second: 5, minute: 10, limit_by: ip"), "unknown or unsupported field(s) [second]",
                plugin.formatted("rate-limiting", "minute: 10, limit_by: header, header_name: X-Key"), "'header' is not supported");
        for (var c : cases.entrySet()) {
            String message = loadError(c.getKey());
            assertTrue(message.contains(c.getValue()), "expected '" + c.getValue() + "' in: " + message);
        }
    }
}
