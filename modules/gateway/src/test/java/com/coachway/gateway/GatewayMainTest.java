package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayMainTest {
    @Test
    void upstream_variables_are_named_after_the_service_host_in_upper_snake_case() {
        KongConfig config = KongConfig.load(RepoFiles.file("kong/kong.yml"));
        Map<String, URI> upstreams = GatewayMain.upstreams(config,
                Map.of("UPSTREAM_AUTH_SERVICE", "http://127.0.0.1:8002", "UPSTREAM_NOT_A_HOST", "http://x"));
        assertEquals(Map.of("auth-service", URI.create("http://127.0.0.1:8002")), upstreams);
    }

    @Test
    void a_bad_upstream_variable_fails_naming_it() {
        KongConfig config = KongConfig.load(RepoFiles.file("kong/kong.yml"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> GatewayMain.upstreams(config, Map.of("UPSTREAM_AUTH_SERVICE", "http://bad host")));
        assertEquals("UPSTREAM_AUTH_SERVICE is not a URL: http://bad host", e.getMessage());
    }
}
