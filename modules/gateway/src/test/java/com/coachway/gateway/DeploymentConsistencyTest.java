package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker-compose.yml, the Dockerfile and kong/kong.yml telling the same story, whatever
 * services are added: every Kong upstream is a compose service listening on the URL's port,
 * every service built from the Dockerfile is routed by Kong, and compose's Kong serves the very
 * kong.yml the local gateway serves.
 */
class DeploymentConsistencyTest {
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> composeServices;
    private static KongConfig kong;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        // SnakeYAML resolves the anchors and << merge keys compose files rely on.
        compose = new Yaml().load(Files.readString(RepoFiles.file("docker-compose.yml")));
        composeServices = (Map<String, Map<String, Object>>) compose.get("services");
        kong = KongConfig.load(RepoFiles.file("kong/kong.yml"));
    }

    @Test
    void every_kong_upstream_is_a_compose_service_listening_on_the_url_port() throws Exception {
        for (Service service : kong.services()) {
            Map<String, Object> container = composeServices.get(service.host());
            assertNotNull(container, "kong service '" + service.name() + "' points at host '" + service.host()
                    + "', which is not a service in docker-compose.yml");
            Set<Integer> ports = containerPorts(container);
            assertTrue(ports.contains(service.port()), "compose service '" + service.host() + "' listens on "
                    + ports + ", but kong service '" + service.name() + "' calls port " + service.port());
            String portVariable = environment(container).get("PORT");
            if (portVariable != null) {
                assertEquals(Integer.toString(service.port()), portVariable, service.host() + " PORT");
            }
        }
    }

    @Test
    void every_service_built_from_the_dockerfile_is_routed_by_kong() {
        Set<String> routedHosts = new HashSet<>();
        kong.services().stream().filter(s -> !s.routes().isEmpty()).forEach(s -> routedHosts.add(s.host()));
        int built = 0;
        for (var entry : composeServices.entrySet()) {
            String module = module(entry.getValue());
            if (module == null) {
                continue;
            }
            built++;
            String name = entry.getKey();
            assertEquals(name, module, "one name everywhere: compose service '" + name + "' builds MODULE " + module);
            assertTrue(Files.isRegularFile(RepoFiles.file("modules/" + module + "/pom.xml")),
                    "compose builds MODULE " + module + " but modules/" + module + "/pom.xml does not exist");
            assertTrue(routedHosts.contains(name), "compose service '" + name
                    + "' is built and run, but no kong.yml route reaches it (no service url with host " + name + ")");
        }
        assertTrue(built > 0, "docker-compose.yml builds no service from the Dockerfile");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_kong_serves_the_kong_yml_the_local_gateway_serves() throws Exception {
        Map<String, Object> kongContainer = composeServices.get("kong");
        assertNotNull(kongContainer, "docker-compose.yml has no kong service");
        assertTrue(String.valueOf(kongContainer.get("image")).startsWith("kong:3"), "Kong 3 is what kong.yml is written for");
        Map<String, String> env = environment(kongContainer);
        assertEquals("off", env.get("KONG_DATABASE"), "DB-less");

        Path declarative = hostPath(kongContainer, env.get("KONG_DECLARATIVE_CONFIG"));
        assertEquals(RepoFiles.file("kong/kong.yml").toRealPath(), declarative.toRealPath(),
                "compose's Kong must read the kong.yml GatewayMain serves by default (kong/kong.yml)");

        Path template = hostPath(kongContainer, env.get("KONG_ERROR_TEMPLATE_JSON"));
        String text = Files.readString(template);
        assertEquals(2, text.split("%s", -1).length - 1, "Kong fills exactly two %s: message, request id");
        JsonNode rendered = new ObjectMapper().readTree(text.formatted("no Route matched with those values", "r-1"));
        assertEquals("about:blank", rendered.get("type").asText());
        assertEquals("no Route matched with those values", rendered.get("detail").asText());
        assertEquals("r-1", rendered.get("request_id").asText());
    }

    @Test
    void the_dockerfile_takes_the_module_and_serves_on_the_port_kong_calls() throws Exception {
        String dockerfile = Files.readString(RepoFiles.file("Dockerfile"));
        assertTrue(dockerfile.contains("ARG MODULE"));
        assertTrue(dockerfile.contains("ENV PORT=8000"));
        assertEquals(Set.of(8000), exposed(dockerfile));
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/health"));
    }

    // --- reading compose entries -------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static String module(Map<String, Object> container) {
        if (!(container.get("build") instanceof Map<?, ?> build)) {
            return null;
        }
        Object args = build.get("args");
        if (args instanceof Map<?, ?> map) {
            Object m = map.get("MODULE");
            return m == null ? null : m.toString();
        }
        if (args instanceof List<?> list) {
            for (Object item : list) {
                if (item.toString().startsWith("MODULE=")) {
                    return item.toString().substring("MODULE=".length());
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = container.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = item.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    /** Ports the container listens on: its published targets, its expose list, its image's EXPOSE. */
    private static Set<Integer> containerPorts(Map<String, Object> container) throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (Object entry : (List<?>) container.getOrDefault("ports", List.of())) {
            if (entry instanceof Map<?, ?> longSyntax) {
                ports.add(Integer.parseInt(longSyntax.get("target").toString()));
            } else {
                String[] parts = entry.toString().split("/")[0].split(":");
                ports.add(Integer.parseInt(parts[parts.length - 1]));
            }
        }
        for (Object entry : (List<?>) container.getOrDefault("expose", List.of())) {
            ports.add(Integer.parseInt(entry.toString().split("/")[0]));
        }
        if (container.get("build") != null) {
            ports.addAll(exposed(Files.readString(dockerfile(container))));
        }
        return ports;
    }

    private static Path dockerfile(Map<String, Object> container) {
        Object build = container.get("build");
        String context = ".";
        String file = "Dockerfile";
        if (build instanceof Map<?, ?> map) {
            context = map.get("context") == null ? "." : map.get("context").toString();
            file = map.get("dockerfile") == null ? "Dockerfile" : map.get("dockerfile").toString();
        } else if (build != null) {
            context = build.toString();
        }
        return RepoFiles.root().resolve(context).resolve(file).normalize();
    }

    private static Set<Integer> exposed(String dockerfile) {
        Set<Integer> ports = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*EXPOSE\\s+(.+)$").matcher(dockerfile);
        while (m.find()) {
            for (String port : m.group(1).trim().split("\\s+")) {
                ports.add(Integer.parseInt(port.split("/")[0]));
            }
        }
        return ports;
    }

    /** Where a path inside the container comes from on the host, through the service's bind mounts. */
    private static Path hostPath(Map<String, Object> container, String containerPath) {
        assertNotNull(containerPath, "path not set");
        for (Object volume : (List<?>) container.getOrDefault("volumes", List.of())) {
            String source;
            String target;
            if (volume instanceof Map<?, ?> longSyntax) {
                source = String.valueOf(longSyntax.get("source"));
                target = String.valueOf(longSyntax.get("target"));
            } else {
                String[] parts = volume.toString().split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : parts[0];
            }
            if (containerPath.equals(target) || containerPath.startsWith(target.endsWith("/") ? target : target + "/")) {
                assertTrue(source.startsWith("."), "mount " + volume + " should be a bind mount from the repository");
                Path host = RepoFiles.root().resolve(source).resolve(containerPath.substring(target.length()).replaceFirst("^/", ""));
                assertTrue(Files.exists(host), containerPath + " is mounted from " + host + ", which does not exist");
                return host.normalize();
            }
        }
        fail(containerPath + " is not inside any bind mount of the service");
        return null;
    }

    @Test
    void compose_parses_and_names_its_volumes() {
        assertFalse(composeServices.isEmpty());
        assertNotNull(compose.get("volumes"));
    }
}
