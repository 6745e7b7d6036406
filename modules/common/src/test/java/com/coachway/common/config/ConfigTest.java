package com.coachway.common.config;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigTest {
    private final Config config = Config.of(Map.of(
            "NAME", "  charter  ", "BLANK", "   ", "PORT", "8001", "BAD_PORT", "80a", "BIG_PORT", "70000",
            "FLAG", "Yes", "BAD_FLAG", "maybe", "AUTH_URL", "http://auth-service:8000", "BAD_URL", "auth-service:8000"));

    @Test
    void values_are_trimmed_and_blank_counts_as_unset() {
        assertEquals("charter", config.required("NAME"));
        assertEquals("fallback", config.string("BLANK", "fallback"));
        assertFalse(config.optional("BLANK").isPresent());
        assertEquals("fallback", config.string("MISSING", "fallback"));
    }

    @Test
    void a_missing_required_variable_fails_naming_it() {
        var e = assertThrows(Config.ConfigException.class, () -> config.required("DATABASE_URL"));
        assertEquals("Configuration variable DATABASE_URL is required but not set", e.getMessage());
        assertThrows(Config.ConfigException.class, () -> config.required("BLANK"));
    }

    @Test
    void the_port_is_PORT_or_the_service_s_own_and_0_picks_a_free_one() {
        assertEquals(8001, config.port(8014));
        assertEquals(8014, Config.of(Map.of()).port(8014));
        assertEquals(0, Config.of(Map.of("PORT", "0")).port(8014));
        assertThrows(Config.ConfigException.class, () -> Config.of(Map.of("PORT", "65536")).port(8014));
    }

    @Test
    void integers_are_parsed_and_range_checked_failing_with_the_variable_and_the_value() {
        assertEquals(8001, config.integer("PORT", 1, 1, 65535));
        assertEquals(5, config.integer("MISSING", 5, 1, 10));
        assertEquals("Configuration variable BAD_PORT must be a whole number, got '80a'",
                assertThrows(Config.ConfigException.class, () -> config.integer("BAD_PORT", 1, 1, 65535)).getMessage());
        assertEquals("Configuration variable BIG_PORT must be between 1 and 65535",
                assertThrows(Config.ConfigException.class, () -> config.integer("BIG_PORT", 1, 1, 65535)).getMessage());
    }

    @Test
    void booleans_accept_true_false_1_0_yes_no_in_any_case() {
        assertTrue(config.bool("FLAG", false));
        assertFalse(config.bool("MISSING", false));
        assertFalse(Config.of(Map.of("X", "0")).bool("X", true));
        assertEquals("Configuration variable BAD_FLAG must be true or false, got 'maybe'",
                assertThrows(Config.ConfigException.class, () -> config.bool("BAD_FLAG", false)).getMessage());
    }

    @Test
    void urls_must_be_absolute_http_urls() {
        assertEquals(URI.create("http://auth-service:8000"), config.uri("AUTH_URL", null));
        assertEquals(URI.create("http://localhost:8002"), config.uri("MISSING", "http://localhost:8002"));
        assertEquals("Configuration variable BAD_URL must be an http(s) URL like http://host:8000, got 'auth-service:8000'",
                assertThrows(Config.ConfigException.class, () -> config.uri("BAD_URL", null)).getMessage());
        assertEquals("Configuration variable MISSING is required but not set",
                assertThrows(Config.ConfigException.class, () -> config.uri("MISSING", null)).getMessage());
    }

    @Test
    void with_replaces_some_variables_in_a_copy() {
        Config local = config.with(Map.of("PORT", "9001"));
        assertEquals(9001, local.integer("PORT", 1, 1, 65535));
        assertEquals(8001, config.integer("PORT", 1, 1, 65535));
        assertEquals("charter", local.required("NAME"));
    }
}
