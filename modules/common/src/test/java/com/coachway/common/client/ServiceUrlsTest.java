package com.coachway.common.client;

import com.coachway.common.config.Config;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceUrlsTest {
    @Test
    void a_service_is_read_from_its_own_variable_and_otherwise_is_on_its_local_port() {
        var config = Config.of(Map.of("CHARTER_SERVICE_URL", "http://charter-service:8000"));
        assertEquals(URI.create("http://charter-service:8000"), ServiceUrls.of(config, "charter-service"));
        assertEquals(URI.create("http://localhost:8012"), ServiceUrls.of(config, "change-mgmt-service"));
        assertEquals("CHANGE_MGMT_SERVICE_URL", ServiceUrls.variable("change-mgmt-service"));
    }

    @Test
    void auth_service_is_the_AUTH_URL_every_service_already_has() {
        assertEquals("AUTH_URL", ServiceUrls.variable("auth-service"));
        assertEquals(URI.create("http://auth:9000"), ServiceUrls.of(Config.of(Map.of("AUTH_URL", "http://auth:9000")), "auth-service"));
    }

    @Test
    void a_bad_url_names_its_variable_and_an_unknown_service_is_a_programming_error() {
        var e = assertThrows(Config.ConfigException.class,
                () -> ServiceUrls.of(Config.of(Map.of("PRICING_SERVICE_URL", "pricing:8000")), "pricing-service"));
        assertEquals("Configuration variable PRICING_SERVICE_URL must be an http(s) URL like http://host:8000, got 'pricing:8000'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceUrls.of(Config.of(Map.of()), "billing-service"));
    }

    @Test
    void every_port_is_one_service_s() {
        var names = java.util.List.of("charter-service", "auth-service", "client-service", "document-service", "payment-service",
                "notification-service", "pricing-service", "vendor-service", "dispatch-service", "sales-service", "portals-service",
                "change-mgmt-service", "analytics-service", "finance-service");
        assertEquals(names.size(), names.stream().map(ServiceUrls::defaultPort).distinct().count());
    }
}
